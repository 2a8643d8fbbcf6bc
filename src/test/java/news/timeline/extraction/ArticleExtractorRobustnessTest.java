package news.timeline.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import news.timeline.extraction.temporal.ReferenceTime;
import org.junit.jupiter.api.Test;

/** Bad input never throws: it answers an empty result with a warning. */
class ArticleExtractorRobustnessTest {

    private static final ReferenceTime REF = ReferenceTime.parse("2024-09-14");
    private final ArticleExtractor extractor = GoldenCases.extractor();

    @Test
    void emptyAndBlankBodies() {
        assertThat(extractor.extract(ArticleInput.text("t", "", REF)).warnings()).contains("body is empty");
        assertThat(extractor.extract(ArticleInput.text("t", " \n\t \n", REF)).warnings()).contains("body is empty");
        assertThat(extractor.extract(ArticleInput.text(null, null, null)).events()).isEmpty();
        assertThat(extractor.extract(null).warnings()).isNotEmpty();
    }

    @Test
    void onlyBoilerplate() {
        ExtractionResult r = extractor.extract(ArticleInput.text("", "Separator\n\nRead more...\n\nShare\n\nCurrent Issue\n", REF));
        assertThat(r.events()).isEmpty();
        assertThat(r.actors()).isEmpty();
        assertThat(r.warnings()).contains("body is only boilerplate");
        assertThat(r.boilerplate()).isNotEmpty();
    }

    @Test
    void binaryJunk() {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            sb.append((char) random.nextInt(0x10000));
        }
        ExtractionResult r = extractor.extract(ArticleInput.text("junk", sb.toString(), REF));
        assertThat(r.text()).hasSize(50_000);
        assertThat(r.warnings()).noneMatch(w -> w.startsWith("extraction failed"));
    }

    @Test
    void missingPublicationDateIsAWarning() {
        ExtractionResult r = extractor.extract(ArticleInput.text("", "Kim Jong-un met Vladimir Putin in Moscow on Friday.", null));
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("no publication date"));
        assertThat(r.actors()).extracting(ExtractedActor::name).contains("Kim Jong-un", "Vladimir Putin");
    }

    @Test
    void aSentenceOfThousandsOfTokensIsParsedInPartWithAWarning() {
        StringBuilder b = new StringBuilder("Kim Jong-un met Sergei Shoigu in Pyongyang on Friday");
        for (int i = 0; i < 5_000; i++) {
            b.append(i % 7 == 0 ? ", and" : " word").append(i);
        }
        b.append('.');
        ExtractionResult r = extractor.extract(ArticleInput.text("t", b.toString(), REF));
        assertThat(r.warnings()).anyMatch(w -> w.contains("tokens were parsed"));
        assertThat(r.warnings()).noneMatch(w -> w.startsWith("extraction failed"));
    }

    @Test
    void hugeBodyIsCutNotFatal() {
        String paragraph = "Kim Jong-un met Vladimir Putin in Moscow on Friday, state media reported on Saturday.\n\n";
        String body = paragraph.repeat(ArticleExtractor.MAX_CHARS / paragraph.length() + 10);
        ExtractionResult r = extractor.extract(ArticleInput.text("big", body, REF));
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("text longer than"));
        assertThat(r.warnings()).noneMatch(w -> w.startsWith("extraction failed"));
        assertThat(r.events()).isNotEmpty();
    }

    @Test
    void htmlWithScriptsAndNavigation() {
        String html = """
                <html><head><title>Kim meets Shoigu</title><script>var kim = "Vladimir Putin met Xi Jinping on Monday";</script></head>
                <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
                <article><h1>Kim meets Shoigu</h1>
                <p>North Korean leader Kim Jong-un has met with Sergei Shoigu, Secretary of Russia's Security Council, in Pyongyang, state media reported on Saturday.</p>
                <p>During their talks on Friday, Kim and Shoigu engaged in a wide exchange of views on strengthening the strategic dialogue between North Korea and Russia.</p>
                <figure><img src="x.jpg"><figcaption>Kim and Shoigu in Pyongyang. KCNA/REUTERS</figcaption></figure>
                </article><footer>Copyright 2024 Example News. All rights reserved.</footer>
                <script>document.write("Xi Jinping visited Paris on Tuesday")</script></body></html>
                """;
        ExtractionResult r = extractor.extract(ArticleInput.html(null, html, REF));
        assertThat(r.fromHtml()).isTrue();
        assertThat(r.warnings()).noneMatch(w -> w.startsWith("extraction failed"));
        assertThat(r.title()).isEqualTo("Kim meets Shoigu");
        assertThat(r.text()).contains("During their talks on Friday").doesNotContain("document.write").doesNotContain("Home");
        assertThat(r.actors()).extracting(ExtractedActor::name).contains("Kim Jong-un", "Sergei Shoigu").doesNotContain("Xi Jinping");
        assertThat(r.events()).anyMatch(e -> e.type() == EventType.MEETING && e.date().value().equals("2024-09-13"));
        for (ExtractedEvent e : r.events()) {
            for (SourceSpan s : e.sources()) {
                assertThat(r.text().substring(s.start(), s.end())).isEqualTo(s.quote());
            }
        }
    }

    @Test
    void offsetsPointIntoTheSubmittedText() {
        String body = "Separator\n\nNorthNorth Korean leader Kim Jong-un has met with Sergei Shoigu in Pyongyang on Friday.";
        ExtractionResult r = extractor.extract(ArticleInput.text("", body, REF));
        assertThat(r.text()).isSameAs(body);
        for (ExtractedActor a : r.actors()) {
            for (SourceSpan m : a.mentions()) {
                assertThat(body.substring(m.start(), m.end())).isEqualTo(m.quote());
            }
        }
        assertThat(r.actors()).extracting(ExtractedActor::name).doesNotContain("Separator");
        assertThat(r.events().get(0).sources().get(0).quote()).startsWith("North Korean leader");
    }

    @Test
    void randomCutsOfARealArticleNeverThrow() {
        String body = "NorthNorth Korean leader Kim Jong-un has met with Sergei Shoigu, Secretary of Russia's Security Council, "
                + "in Pyongyang. The meeting coincided with the first anniversary of the rare summit between Kim and Russian "
                + "President Vladimir Putin at the Vostochny Cosmodrome last year. The treaty, signed during Putin’s June visit, "
                + "includes a mutual defense clause. “It’s a deal,” said Foreign Minister X Y, of the U.";
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            int a = random.nextInt(body.length());
            int b = a + random.nextInt(body.length() - a + 1);
            ExtractionResult r = extractor.extract(ArticleInput.text("", body.substring(a, b), REF));
            assertThat(r.warnings()).as("cut %d-%d", a, b).noneMatch(w -> w.startsWith("extraction failed"));
        }
    }
}
