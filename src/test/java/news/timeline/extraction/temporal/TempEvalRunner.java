package news.timeline.extraction.temporal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tags a docs.jsonl written by {@code extract_gold.py} (one {"doc","dct","text"} object per line) with the
 * rule-based tagger, each document against its DCT, and writes score.py's system JSON with code-point offsets.
 * <pre>
 * python3 ../shared/tools/tempeval/extract_gold.py ../shared/corpora/tempeval3-train --jsonl /tmp/train.jsonl --gold-json /tmp/train-gold.json
 * ./mvnw -o -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=news.timeline.extraction.temporal.TempEvalRunner -Dexec.classpathScope=test \
 *     -Dexec.args="/tmp/train.jsonl /tmp/system.json"
 * python3 ../shared/tools/tempeval/score.py ../shared/corpora/tempeval3-train /tmp/system.json --errors
 * </pre>
 * (or, after test-compile: {@code java -cp target/classes:target/test-classes ...TempEvalRunner IN OUT}).
 */
public final class TempEvalRunner {

    private TempEvalRunner() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TempEvalRunner DOCS.jsonl SYSTEM.json");
            System.exit(2);
        }
        TimexTagger tagger = RuleBasedTimexTagger.english();
        long chars = 0;
        long t0 = System.nanoTime();
        StringBuilder out = new StringBuilder("{\"docs\": {\n");
        boolean first = true;
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, String> doc = MiniJson.strings(line);
                String text = doc.get("text");
                String dct = doc.get("dct");
                List<Timex> timexes = tagger.tag(text, ReferenceTime.parse(dct));
                chars += text.length();
                if (!first) {
                    out.append(",\n");
                }
                first = false;
                out.append(MiniJson.quote(doc.get("doc"))).append(": {\"dct\": ").append(MiniJson.quote(dct))
                        .append(", \"timexes\": [");
                List<String> items = new ArrayList<>();
                for (Timex t : timexes) {
                    int s = text.codePointCount(0, t.start());
                    int e = s + text.codePointCount(t.start(), t.end());
                    items.add("{\"start\": " + s + ", \"end\": " + e + ", \"text\": " + MiniJson.quote(t.text())
                            + ", \"type\": " + MiniJson.quote(t.type().name()) + ", \"value\": " + MiniJson.quote(t.value())
                            + (t.mod() == null ? "" : ", \"mod\": " + MiniJson.quote(t.mod()))
                            + ", \"rule\": " + MiniJson.quote(t.ruleId()) + "}");
                }
                out.append(String.join(", ", items)).append("]}");
            }
        }
        out.append("\n}}\n");
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            w.write(out.toString());
        }
        System.err.printf("%d characters in %.2f s%n", chars, (System.nanoTime() - t0) / 1e9);
    }
}
