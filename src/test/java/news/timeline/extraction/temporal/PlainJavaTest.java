package news.timeline.extraction.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The time tagger is plain Java: nothing from Quarkus, Jakarta, JPA, JAX-RS or Hibernate. */
class PlainJavaTest {

    @Test
    void importsNoFrameworks() throws IOException {
        Path dir = Path.of("src/main/java/news/timeline/extraction/temporal");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> offending = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream()
                                    .filter(l -> l.matches("\\s*import\\s+(static\\s+)?(io\\.quarkus|jakarta|javax\\.persistence|javax\\.ws|org\\.hibernate|io\\.smallrye)\\..*"))
                                    .map(l -> p.getFileName() + ": " + l.trim());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertThat(offending).isEmpty();
        }
    }

    @Test
    void taggerIsSharedAndThreadSafeToCall() throws Exception {
        RuleBasedTimexTagger tagger = RuleBasedTimexTagger.english();
        assertThat(RuleBasedTimexTagger.english()).isSameAs(tagger);
        String text = "The two leaders met on Wednesday and will meet again next month.";
        List<Timex> expected = tagger.tag(text, ReferenceTime.parse("1998-02-27"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<List<Timex>>>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> tagger.tag(text, ReferenceTime.parse("1998-02-27"))));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void offsetsAreJavaIndicesIntoTheTextAsGiven() {
        String text = "\uD83D\uDCF0 Officials said on Friday that talks failed.";
        List<Timex> found = RuleBasedTimexTagger.english().tag(text, ReferenceTime.parse("1998-02-27"));
        assertThat(found).hasSize(1);
        Timex t = found.get(0);
        assertThat(text.substring(t.start(), t.end())).isEqualTo("Friday").isEqualTo(t.text());
        assertThat(t.isRelative()).isTrue();
        assertThat(t.date()).isPresent();
    }

    @Test
    void explicitDatesAreNotRelative() {
        List<Timex> found = RuleBasedTimexTagger.english().tag("It was signed on June 19, 2024.", ReferenceTime.parse("2024-09-14"));
        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.value()).isEqualTo("2024-06-19");
            assertThat(t.anchoring()).isEqualTo(Anchoring.NONE);
            assertThat(t.isRelative()).isFalse();
        });
    }

    @Test
    void emptyAndBlankTextsHaveNoTimexes() {
        assertThat(RuleBasedTimexTagger.english().tag("", ReferenceTime.parse("2024-09-14"))).isEmpty();
        assertThat(RuleBasedTimexTagger.english().tag("   \n ", ReferenceTime.parse("2024-09-14"))).isEmpty();
    }

    @Test
    void aDayOfAKnownMonthIsDatedToThatMonth() {
        List<Timex> found = RuleBasedTimexTagger.english().tag("He was shot in October 1998. His name was crossed out that same day.",
                ReferenceTime.parse("1999-02-06"));
        assertThat(found).hasSize(2);
        Timex day = found.get(1);
        assertThat(day.value()).isEqualTo("1998-10-XX");
        assertThat(day.date()).hasValueSatisfying(d -> assertThat(d.value()).isEqualTo("1998-10"));
        assertThat(new Timex(0, 4, "then", TimexType.DATE, "XXXX-XX-XX", null, "r").date()).isEmpty();
    }
}
