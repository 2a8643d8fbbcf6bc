package news.timeline.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import news.timeline.extraction.temporal.ReferenceTime;

/**
 * Prints each actor the extractor keeps for the article fixtures named as arguments (a directory first, then names),
 * with the rule that made it and every mention with its rule: a tool for writing actor rules, run with
 * {@code exec:java -Dexec.classpathScope=test -Dexec.mainClass=news.timeline.extraction.ActorDump
 * -Dexec.args="../shared/fixtures/articles A07 C09"}.
 */
public final class ActorDump {
    private ActorDump() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ObjectMapper json = new ObjectMapper();
        ArticleExtractor extractor = ArticleExtractor.english();
        for (int k = 1; k < args.length; k++) {
            JsonNode doc = json.readTree(dir.resolve(args[k] + ".json").toFile());
            String published = doc.path("published_at").asText(null);
            ReferenceTime ref = published == null ? null : ReferenceTime.parse(published);
            ExtractionResult r = extractor.extract(ArticleInput.text(doc.path("title").asText(""), doc.path("body").asText(""), ref));
            System.out.println("== " + args[k]);
            for (ExtractedActor a : r.actors()) {
                System.out.printf("%s [%s] %s aff=%s%n", a.name(), a.kind(), a.ruleId(), a.affiliationKey());
                for (SourceSpan m : a.mentions()) {
                    System.out.printf("      %-40s %s%n", m.ruleId(), m.quote());
                }
            }
        }
    }
}
