package news.timeline.extraction.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import news.timeline.extraction.GoldenCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CleaningGoldenTest {

    private static final TextCleaner CLEANER = TextCleaner.english();

    static Stream<Arguments> cases() {
        return GoldenCases.load("cleaning.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cleans(String id, JsonNode c) {
        String text = c.path("text").asText();
        CleanedText cleaned = CLEANER.clean(text);
        assertThat(cleaned.text()).as("length is kept so offsets stay valid").hasSameSizeAs(text);
        for (String kept : GoldenCases.strings(c.path("kept"))) {
            int at = text.indexOf(kept);
            assertThat(at).as("test data: '%s' is in the input", kept).isGreaterThanOrEqualTo(0);
            assertThat(cleaned.text().substring(at, at + kept.length())).as("kept at its offset").isEqualTo(kept);
        }
        for (String removed : GoldenCases.strings(c.path("removed"))) {
            assertThat(cleaned.text()).as("removed").doesNotContain(removed);
        }
        Iterator<Map.Entry<String, JsonNode>> occ = c.path("occurrences").fields();
        while (occ.hasNext()) {
            Map.Entry<String, JsonNode> e = occ.next();
            int n = cleaned.text().split(java.util.regex.Pattern.quote(e.getKey()), -1).length - 1;
            assertThat(n).as("occurrences of '%s'", e.getKey()).isEqualTo(e.getValue().asInt());
        }
    }
}
