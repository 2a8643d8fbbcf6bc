package news.timeline.extraction.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad rule data fails at load time and names the file and line. */
class RuleSetLoadingTest {

    @Test
    void englishRulesLoadWithExamples() {
        TemporalRuleSet set = RuleBasedTimexTagger.english().ruleSet();
        assertThat(set.rules).hasSizeGreaterThan(80);
        assertThat(set.rules).allSatisfy(r -> assertThat(r.examples()).isNotEmpty());
    }

    @Test
    void aBadRuleNamesFileAndLine() {
        assertThatThrownBy(() -> RuleBasedTimexTagger.fromResources("extraction/en/temporal-broken"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("extraction/en/temporal-broken/rules.txt:4")
                .hasMessageContaining("unknown pattern or lexicon %nosuchthing");
    }

    @Test
    void aMissingDirectoryIsReported() {
        assertThatThrownBy(() -> RuleBasedTimexTagger.fromResources("extraction/en/nowhere"))
                .hasMessageContaining("extraction/en/nowhere/lexicons.txt: not found");
    }
}
