package news.timeline.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import news.timeline.extraction.temporal.ReferenceTime;
import org.junit.jupiter.params.provider.Arguments;

/** Golden-file cases of the extraction stages, one JSON array per stage, each case named by its id. */
public final class GoldenCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenCases() {
    }

    public static Stream<Arguments> load(String file) {
        String resource = "/extraction/en/golden/" + file;
        try (InputStream in = GoldenCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : JSON.readTree(in)) {
                out.add(Arguments.of(c.path("id").asText(), c));
            }
            return out.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One shared pipeline for all tests of a JVM: loading models and lexicons takes a second. */
    public static ArticleExtractor extractor() {
        return Holder.EXTRACTOR;
    }

    private static final class Holder {
        static final ArticleExtractor EXTRACTOR = ArticleExtractor.english();
    }

    private static final class Articles {
        static final java.util.Map<String, JsonNode> BY_ID = new java.util.HashMap<>();

        static {
            load("articles.json").forEach(a -> BY_ID.put((String) a.get()[0], (JsonNode) a.get()[1]));
        }
    }

    /** Runs the whole pipeline on a case (or on the article of articles.json it names). */
    public static ExtractionResult run(JsonNode c) {
        if (c.hasNonNull("article")) {
            JsonNode a = Articles.BY_ID.get(c.get("article").asText());
            if (a == null) {
                throw new IllegalStateException("no article " + c.get("article"));
            }
            c = a;
        }
        String published = c.path("published").asText(null);
        ReferenceTime ref = published == null ? null : ReferenceTime.parse(published);
        String title = c.path("title").asText(null);
        // an article of our own may be the page as scraped ("html") rather than its text
        return extractor().extract(c.hasNonNull("html") ? ArticleInput.html(title, c.get("html").asText(), ref)
                : ArticleInput.text(title, c.path("text").asText(""), ref));
    }

    /** A case marked {@code knownGap} documents a limitation: it is reported as skipped with its reason. */
    /**
     * Runs a case's assertions. A case marked {@code knownGap} (with its reason) is a listed limitation: reported as
     * aborted while it fails, and a failure once it passes, so a fixed gap cannot stay marked.
     */
    public static void check(JsonNode c, Runnable assertions) {
        if (!c.hasNonNull("knownGap")) {
            assertions.run();
            return;
        }
        try {
            assertions.run();
        } catch (AssertionError stillAGap) {
            org.junit.jupiter.api.Assumptions.abort("known gap: " + c.get("knownGap").asText());
        }
        throw new AssertionError("case " + c.path("id").asText() + " passes now: remove its knownGap");
    }

    public static ExtractedActor actor(ExtractionResult r, String key) {
        for (ExtractedActor a : r.actors()) {
            if (a.key().equals(key)) {
                return a;
            }
        }
        return null;
    }

    public static ExtractedActor actorNamed(ExtractionResult r, String name) {
        for (ExtractedActor a : r.actors()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}
