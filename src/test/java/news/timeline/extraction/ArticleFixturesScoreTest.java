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

    /** Totals of one article set, scored as {@code score-articles.py} scores it. */
    record Totals(double events, double exact, double types, int main, double actors, double agreements, double worst,
                  String worstName, String table) {
    }

    @Test
    void realArticlesScoreAtLeastTheFloors() throws Exception {
        Totals t = score(dir("/extraction/en/articles/seed.json"), 23);
        assertThat(t.events()).as("events F1\n%s", t.table()).isGreaterThanOrEqualTo(EVENTS_F1);
        assertThat(t.exact()).as("exact dates\n%s", t.table()).isGreaterThanOrEqualTo(EXACT_DATES);
        assertThat(t.types()).as("types\n%s", t.table()).isGreaterThanOrEqualTo(TYPES);
        assertThat(t.main()).as("main events\n%s", t.table()).isGreaterThanOrEqualTo(MAIN);
        assertThat(t.actors()).as("actors F1\n%s", t.table()).isGreaterThanOrEqualTo(ACTORS_F1);
        assertThat(t.agreements()).as("agreements F1\n%s", t.table()).isGreaterThanOrEqualTo(AGREEMENTS_F1);
        assertThat(t.worst()).as("worst article (%s)\n%s", t.worstName(), t.table()).isGreaterThanOrEqualTo(WORST_ARTICLE_F1);
    }

    /**
     * The development set: 14 TempEval-3 news texts (1989-1999 wire and broadcast copy), annotated blind to the
     * extractor's output by the fixtures' README ({@code articles-tempeval/README.md}). First measured at events F1
     * 0.62, actors 0.68, agreements 0.40; rules were then written from it (eighth session: 0.71, 0.76, 0.60). The
     * floors sit a little under, so a change that helps the fixtures by losing ground on other news fails here.
     */
    @Test
    void tempEvalDevelopmentSetScoresAtLeastItsFloors() throws Exception {
        Totals t = score(dir("/extraction/en/articles-tempeval/T01.json"), 14);
        assertThat(t.events()).as("events F1\n%s", t.table()).isGreaterThanOrEqualTo(0.66);
        assertThat(t.actors()).as("actors F1\n%s", t.table()).isGreaterThanOrEqualTo(0.72);
        assertThat(t.agreements()).as("agreements F1\n%s", t.table()).isGreaterThanOrEqualTo(0.55);
        assertThat(t.main()).as("main events\n%s", t.table()).isGreaterThanOrEqualTo(11);
    }

    /**
     * The test set: 12 more TempEval-3 texts, annotated blind after the eighth session's rules and never used to write
     * one ({@code articles-tempeval-test/README.md}). Measured then: events F1 0.65 (the build before that session's
     * rules: 0.65), main 7/12 (8), actors F1 0.78 (0.72), agreements F1 0.44 (0.44). The floors sit a little under.
     */
    @Test
    void unseenTempEvalTestSetScoresAtLeastItsFloors() throws Exception {
        Totals t = score(dir("/extraction/en/articles-tempeval-test/U01.json"), 12);
        assertThat(t.events()).as("events F1\n%s", t.table()).isGreaterThanOrEqualTo(0.60);
        assertThat(t.actors()).as("actors F1\n%s", t.table()).isGreaterThanOrEqualTo(0.74);
        assertThat(t.agreements()).as("agreements F1\n%s", t.table()).isGreaterThanOrEqualTo(0.40);
        assertThat(t.main()).as("main events\n%s", t.table()).isGreaterThanOrEqualTo(6);
    }

    static Totals score(Path dir, int articles) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArticleExtractor extractor = ArticleExtractor.english();
        int evTp = 0, evFp = 0, evFn = 0, exact = 0, typed = 0, main = 0, acTp = 0, acFp = 0, acFn = 0, agTp = 0, agFp = 0, agFn = 0;
        double worst = 1;
        String worstName = null;
        StringBuilder table = new StringBuilder("article     ev P  ev R ev F1 exact main act F1 agr F1\n");
        List<Path> golds;
        try (Stream<Path> s = Files.list(dir)) {
            golds = s.filter(p -> p.toString().endsWith(".gold.json")).sorted().toList();
        }
        assertThat(golds).hasSize(articles);
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
        table.append(String.format("ALL events F1 %.2f | exact dates %.2f | types %.2f | main %d/%d | actors F1 %.2f | agreements F1 %.2f%n",
                events, exactRate, typeRate, main, articles, actors, agreements));
        System.out.print(table);
        return new Totals(events, exactRate, typeRate, main, actors, agreements, worst, worstName, table.toString());
    }

    private static Path dir(String member) throws URISyntaxException {
        return Path.of(ArticleFixturesScoreTest.class.getResource(member).toURI()).getParent();
    }
}
