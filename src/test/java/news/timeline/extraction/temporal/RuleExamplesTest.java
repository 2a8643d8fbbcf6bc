package news.timeline.extraction.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule's own examples: the rule file is the golden file. */
class RuleExamplesTest {

    private static final RuleBasedTimexTagger TAGGER = RuleBasedTimexTagger.english();

    static Stream<Arguments> examples() {
        return TAGGER.ruleSet().rules.stream()
                .flatMap(r -> r.examples().stream())
                .map(e -> Arguments.of(Named.of(e.ruleId() + " [" + e.source() + "] " + e.text().substring(e.start(), e.end()), e)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void ruleFindsItsExample(RuleExample e) {
        List<Timex> found = TAGGER.tag(e.text(), ReferenceTime.parse(e.reference()));
        if (e.type() == null) {
            assertThat(found).as("nothing over '%s'", e.text().substring(e.start(), e.end()))
                    .noneMatch(x -> x.start() < e.end() && e.start() < x.end());
            return;
        }
        Timex t = found.stream().filter(x -> x.start() < e.end() && e.start() < x.end()).findFirst().orElse(null);
        assertThat(t).as("a timex over '%s' in '%s' (found %s)", e.text().substring(e.start(), e.end()), e.text(), found).isNotNull();
        assertThat(t.text()).as("span").isEqualTo(e.text().substring(e.start(), e.end()));
        assertThat(t.ruleId()).as("rule").isEqualTo(e.ruleId());
        assertThat(t.type()).as("type").isEqualTo(e.type());
        assertThat(t.value()).as("value").isEqualTo(e.value());
        assertThat(t.mod()).as("mod").isEqualTo(e.mod());
    }
}
