package news.timeline.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.extraction.temporal.ReferenceTime;
import news.timeline.extraction.temporal.Timex;

/**
 * Runs the extractor over article fixtures ({@code NN.json} with title, body or html, published_at) and writes
 * {@code {name: response}} in the API's response shape, for {@code score-articles.py --responses}. No service needed:
 * <pre>
 * ./mvnw -o -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=news.timeline.extraction.ArticleFixtureRunner -Dexec.args="../shared/fixtures/articles /tmp/resp.json"
 * python3 ../shared/tools/score-articles.py ../shared/fixtures/articles --responses /tmp/resp.json --errors
 * </pre>
 */
public final class ArticleFixtureRunner {

    private ArticleFixtureRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/fixtures/articles");
        Path out = Path.of(args.length > 1 ? args[1] : "/tmp/resp.json");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArticleExtractor extractor = ArticleExtractor.english();
        Map<String, Object> responses = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".gold.json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode doc = json.readTree(f.toFile());
            String name = f.getFileName().toString().replace(".json", "");
            ReferenceTime ref = null;
            String published = doc.path("published_at").asText(null);
            try {
                ref = published == null ? null : ReferenceTime.parse(published);
            } catch (IllegalArgumentException e) {
                ref = null;
            }
            String title = doc.path("title").asText("");
            // a fixture of our own may hold the page as scraped ("html") instead of its text ("body")
            ExtractionResult r = extractor.extract(doc.has("html") ? ArticleInput.html(title, doc.path("html").asText(""), ref)
                    : ArticleInput.text(title, doc.path("body").asText(""), ref));
            responses.put(name, response(r));
        }
        json.writeValue(new File(out.toString()), responses);
        System.out.println("wrote " + responses.size() + " responses to " + out);
    }

    /** The API's response shape (without ids, which the storage layer assigns). */
    public static Map<String, Object> response(ExtractionResult r) {
        Map<String, ExtractedActor> byKey = new LinkedHashMap<>();
        for (ExtractedActor a : r.actors()) {
            byKey.put(a.key(), a);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> events = new ArrayList<>();
        for (ExtractedEvent e : r.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", e.type().apiName());
            m.put("title", e.title());
            m.put("date", date(e.date()));
            m.put("place", e.place() == null ? null : Map.of("name", e.place().name()));
            List<Object> parts = new ArrayList<>();
            for (Participant p : e.participants()) {
                ExtractedActor a = byKey.get(p.actorKey());
                parts.add(Map.of("actor", actorRef(a), "role", p.role()));
            }
            m.put("participants", parts);
            m.put("agreement", e.agreementKey());
            List<Object> sources = new ArrayList<>();
            for (SourceSpan s : e.sources()) {
                sources.add(Map.of("quote", s.quote(), "start", s.start(), "end", s.end(), "ruleId", s.ruleId()));
            }
            m.put("sources", sources);
            m.put("confidence", e.confidence());
            m.put("dateRule", e.dateRuleId());
            events.add(m);
        }
        out.put("events", events);
        List<Object> actors = new ArrayList<>();
        for (ExtractedActor a : r.actors()) {
            Map<String, Object> m = actorRef(a);
            ExtractedActor aff = a.affiliationKey() == null ? null : byKey.get(a.affiliationKey());
            m.put("affiliation", aff == null ? null : Map.of("slug", aff.slug(), "name", aff.name()));
            m.put("role", a.role());
            m.put("isoCode", a.isoCode());
            actors.add(m);
        }
        out.put("actors", actors);
        List<Object> agreements = new ArrayList<>();
        for (ExtractedAgreement g : r.agreements()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.name());
            m.put("kind", g.kind().apiName());
            m.put("aliases", g.aliases());
            List<Object> parties = new ArrayList<>();
            for (String k : g.partyKeys()) {
                parties.add(Map.of("name", byKey.get(k).name(), "slug", k));
            }
            m.put("parties", parties);
            m.put("signed", g.signed() == null ? null : date(g.signed()));
            m.put("clauses", g.clauses());
            agreements.add(m);
        }
        out.put("agreements", agreements);
        List<Object> timexes = new ArrayList<>();
        for (Timex t : r.timexes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", t.start());
            m.put("end", t.end());
            m.put("text", t.text());
            m.put("type", t.type().name());
            m.put("value", t.value());
            timexes.add(m);
        }
        out.put("timexes", timexes);
        out.put("warnings", r.warnings());
        return out;
    }

    private static Map<String, Object> actorRef(ExtractedActor a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", a.slug());
        m.put("name", a.name());
        m.put("kind", a.kind().apiName());
        m.put("aliases", a.aliases());
        return m;
    }

    private static Map<String, Object> date(DateValue d) {
        if (d == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", d.value());
        m.put("precision", d.precision().apiName());
        m.put("start", d.start().toString());
        m.put("end", d.end().toString());
        m.put("approximate", d.approximate());
        return m;
    }
}
