package news.timeline.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import news.timeline.extraction.temporal.ReferenceTime;
import org.junit.jupiter.api.Test;

/**
 * The extractor on the 23 real articles of {@code shared/fixtures/articles} (copied to
 * {@code src/test/resources/extraction/en/articles}), scored as {@code score-articles.py} scores the service. The floors
 * are the totals this build reached (README, "Measuring extraction"), a little below: a change that loses
 * ground on real news fails here, whatever the golden cases say. The targets are above them.
 */
class ArticleFixturesScoreTest {

    // measured (2026-12-04, seventh session, through the service and with ArticleFixtureRunner alike): events F1 0.78,
    // exact 0.86, types 0.72, main 21/23, actors F1 0.881, agreements F1 0.84. The floors are issue 14's targets
    // (main event: one above them), so the suite fails as soon as the extractor falls below any of them.
    static final double EVENTS_F1 = 0.75;
    static final double EXACT_DATES = 0.85;
    static final double TYPES = 0.70;
    static final int MAIN = 20;
    static final double ACTORS_F1 = 0.88;
    static final double AGREEMENTS_F1 = 0.80;
    /** No article may fall below this events F1. */
    static final double WORST_ARTICLE_F1 = 0.40;

    @Test
    void realArticlesScoreAtLeastTheFloors() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArticleExtractor extractor = ArticleExtractor.english();
        int evTp = 0, evFp = 0, evFn = 0, exact = 0, typed = 0, main = 0, acTp = 0, acFp = 0, acFn = 0, agTp = 0, agFp = 0, agFn = 0;
        double worst = 1;
        String worstName = null;
        StringBuilder table = new StringBuilder("article     ev P  ev R ev F1 exact main act F1 agr F1\n");
        List<Path> golds;
        try (Stream<Path> s = Files.list(dir())) {
            golds = s.filter(p -> p.toString().endsWith(".gold.json")).sorted().toList();
        }
        assertThat(golds).hasSize(23);
        for (Path g : golds) {
            String name = g.getFileName().toString().replace(".gold.json", "");
            JsonNode doc = json.readTree(g.resolveSibling(name + ".json").toFile());
            JsonNode gold = json.readTree(g.toFile());
            ReferenceTime ref = ReferenceTime.parse(doc.path("published_at").asText());
            ExtractionResult r = extractor.extract(ArticleInput.text(doc.path("title").asText(""), doc.path("body").asText(""), ref));
            JsonNode resp = json.valueToTree(ArticleFixtureRunner.response(r));
            ArticleScorer.Score sc = ArticleScorer.score(gold, resp);
            evTp += sc.evTp();
            evFp += sc.evFp();
            evFn += sc.evFn();
            exact += sc.exact();
            typed += sc.typed();
            main += sc.main() ? 1 : 0;
            acTp += sc.acTp();
            acFp += sc.acFp();
            acFn += sc.acFn();
            agTp += sc.agTp();
            agFp += sc.agFp();
            agFn += sc.agFn();
            double f = ArticleScorer.f1(sc.evTp(), sc.evFp(), sc.evFn());
            if (f < worst) {
                worst = f;
                worstName = name;
            }
            table.append(String.format("%-10s %5.2f %5d %5s %6.2f %6.2f%n", name, f, sc.exact(), sc.main() ? "yes" : "no",
                    ArticleScorer.f1(sc.acTp(), sc.acFp(), sc.acFn()), ArticleScorer.f1(sc.agTp(), sc.agFp(), sc.agFn())));
        }
        double events = ArticleScorer.f1(evTp, evFp, evFn);
        double exactRate = evTp == 0 ? 0 : (double) exact / evTp;
        double typeRate = evTp == 0 ? 0 : (double) typed / evTp;
        double actors = ArticleScorer.f1(acTp, acFp, acFn);
        double agreements = ArticleScorer.f1(agTp, agFp, agFn);
        table.append(String.format("ALL events F1 %.2f | exact dates %.2f | types %.2f | main %d/23 | actors F1 %.2f | agreements F1 %.2f%n",
                events, exactRate, typeRate, main, actors, agreements));
        System.out.print(table);
        assertThat(events).as("events F1\n%s", table).isGreaterThanOrEqualTo(EVENTS_F1);
        assertThat(exactRate).as("exact dates\n%s", table).isGreaterThanOrEqualTo(EXACT_DATES);
        assertThat(typeRate).as("types\n%s", table).isGreaterThanOrEqualTo(TYPES);
        assertThat(main).as("main events\n%s", table).isGreaterThanOrEqualTo(MAIN);
        assertThat(actors).as("actors F1\n%s", table).isGreaterThanOrEqualTo(ACTORS_F1);
        assertThat(agreements).as("agreements F1\n%s", table).isGreaterThanOrEqualTo(AGREEMENTS_F1);
        assertThat(worst).as("worst article (%s)\n%s", worstName, table).isGreaterThanOrEqualTo(WORST_ARTICLE_F1);
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(ArticleFixturesScoreTest.class.getResource("/extraction/en/articles/seed.json").toURI()).getParent();
    }
}
