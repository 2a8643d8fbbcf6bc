package news.timeline.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import news.timeline.extraction.temporal.ReferenceTime;
import org.junit.jupiter.api.Test;

class KnownActorsTest {

    private static final ReferenceTime REF = ReferenceTime.parse("2025-03-04");

    @Test
    void aliasesFromTheDatabaseWinOverDiscovery() {
        Map<String, KnownActors.KnownActor> db = Map.of(
                "zephyr dynamics", new KnownActors.KnownActor("7f1c", "zephyr-dynamics", "Zephyr Dynamics", ActorKind.ORGANIZATION),
                "kim jong un", new KnownActors.KnownActor("a1b2", "kim-jong-un", "Kim Jong-un", ActorKind.PERSON));
        KnownActors known = alias -> Optional.ofNullable(db.get(alias));
        ExtractionResult r = GoldenCases.extractor().extract(ArticleInput.text("",
                "Zephyr Dynamics agreed to buy a rival drone maker on Monday, its chairman said. Kim Jong Un inspected a factory on Tuesday.",
                REF), known);
        ExtractedActor zephyr = GoldenCases.actorNamed(r, "Zephyr Dynamics");
        assertThat(zephyr).isNotNull();
        assertThat(zephyr.knownId()).isEqualTo("7f1c");
        assertThat(zephyr.slug()).isEqualTo("zephyr-dynamics");
        assertThat(zephyr.ruleId()).isEqualTo("actors.known");
        ExtractedActor kim = GoldenCases.actorNamed(r, "Kim Jong-un");
        assertThat(kim.knownId()).isEqualTo("a1b2");
        assertThat(KnownActors.normalize("  The  Kremlin’s ")).isEqualTo("kremlin");
    }

    @Test
    void oneExtractorServesManyThreads() throws Exception {
        String body = "North Korean leader Kim Jong-un has met with Sergei Shoigu in Pyongyang, state media reported on Saturday. "
                + "During their talks on Friday, Kim and Shoigu discussed the treaty signed in June.";
        ArticleExtractor extractor = GoldenCases.extractor();
        ExtractionResult expected = extractor.extract(ArticleInput.text("", body, ReferenceTime.parse("2024-09-14")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExtractionResult>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> extractor.extract(ArticleInput.text("", body, ReferenceTime.parse("2024-09-14")))));
            }
            for (Future<ExtractionResult> f : futures) {
                ExtractionResult r = f.get();
                assertThat(r.events()).isEqualTo(expected.events());
                assertThat(r.actors()).isEqualTo(expected.actors());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
