package news.timeline.extraction.language;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import news.timeline.extraction.text.AnalyzedText;
import news.timeline.extraction.text.CleanedText;
import news.timeline.extraction.text.Parse;
import news.timeline.extraction.text.Sentence;
import news.timeline.extraction.text.TextAnalyzer;

/**
 * Prints the language layer's reading of each line of the file given as argument (token, tag, lemma, entity, head,
 * label): a tool for writing frame rules, run with {@code exec:java -Dexec.classpathScope=test}.
 */
public final class ParseDump {
    private ParseDump() {
    }

    public static void main(String[] args) throws IOException {
        Nlp4jLanguageLayer layer = Nlp4jLanguageLayer.shared();
        TextAnalyzer analyzer = TextAnalyzer.english();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            AnalyzedText text = analyzer.analyze(new CleanedText(line, line, List.of(), false));
            layer.annotate(text);
            for (Sentence s : text.sentences()) {
                Parse p = s.parse();
                for (int i = 0; i < s.tokens().size(); i++) {
                    System.out.printf("%3d %-16s %-5s %-12s %-8s %3d %s%n", i, s.tokens().get(i).text(), p.tag(i),
                            p.lemma(i), p.entityType(i), p.head(i), p.label(i));
                }
                System.out.println();
            }
        }
    }
}
