package news.timeline.extraction.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import news.timeline.extraction.ArticleExtractor;
import news.timeline.extraction.ArticleInput;
import news.timeline.extraction.ExtractedActor;
import news.timeline.extraction.ExtractionResult;
import news.timeline.extraction.temporal.ReferenceTime;
import org.junit.jupiter.api.Test;

/**
 * Under a POSIX locale ({@code LANG=C}, no {@code file.encoding}) Java 17's default charset is ASCII, and NLP4J's
 * byte and stream entry points would turn "Phạm" into "Ph???m". This runs the extractor in a JVM of its own under
 * that locale and checks that names in Vietnamese, Turkish and Arabic transliteration come back whole.
 */
class LanguageLayerPosixLocaleTest {

    static final String TEXT = "Vietnamese Prime Minister Phạm Minh Chính met Turkish Foreign Minister Mevlüt Çavuşoğlu "
            + "in Hà Nội on Monday.\n\n\"We will expand trade,\" Phạm Minh Chính told reporters. 🇻🇳 مرحبا";

    /** The child: extracts {@link #TEXT} and writes the actor names, one a line, in UTF-8 to the file given. */
    public static void main(String[] args) throws IOException {
        ExtractionResult r = ArticleExtractor.english().extract(ArticleInput.text("", TEXT, ReferenceTime.parse("2024-10-15")));
        List<String> lines = new ArrayList<>();
        lines.add("charset=" + java.nio.charset.Charset.defaultCharset());
        for (ExtractedActor a : r.actors()) {
            lines.add(a.name());
        }
        Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
    }

    @Test
    void namesSurviveAPosixLocale() throws Exception {
        Path out = Files.createTempFile("posix-locale", ".txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-cp", System.getProperty("java.class.path"), LanguageLayerPosixLocaleTest.class.getName(), out.toString());
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
        assertThat(p.exitValue()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        assertThat(lines.get(0)).as("the child really ran with an ASCII default charset").isIn("charset=US-ASCII", "charset=ANSI_X3.4-1968");
        assertThat(lines).contains("Phạm Minh Chính", "Mevlüt Çavuşoğlu");
        assertThat(String.join("\n", lines)).doesNotContain("?");
    }
}
