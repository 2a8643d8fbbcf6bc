package news.timeline.extraction.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizationTest {

    private static final TextAnalyzer ANALYZER = TextAnalyzer.english();
    private static final TextCleaner CLEANER = TextCleaner.english();

    private static List<String> tokens(String text) {
        AnalyzedText a = ANALYZER.analyze(CLEANER.clean(text));
        return a.sentences().stream().flatMap(s -> s.tokens().stream()).map(Token::text).toList();
    }

    @Test
    void keepsAbbreviationsNumbersAndSplitsPossessives() {
        assertThat(tokens("The U.S. paid $6.3 billion to N. Korean and Russia’s officials, Staples' rivals and Inc. firms."))
                .containsSubsequence("U.S.", "$", "6.3", "billion", "N.", "Korean", "Russia", "’s", "Staples", "'", "Inc.");
    }

    @Test
    void hyphenatedNamesSplitForLookupButKeepOffsets() {
        String text = "Kim Jong-un met Russian-brokered envoys.";
        AnalyzedText a = ANALYZER.analyze(CLEANER.clean(text));
        for (Token t : a.sentences().get(0).tokens()) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
        }
        assertThat(tokens(text)).containsSubsequence("Jong", "-", "un", "Russian", "-", "brokered");
    }

    @Test
    void initialsAndUsDoNotEndSentences() {
        AnalyzedText a = ANALYZER.analyze(CLEANER.clean("N. Korean leader Kim met U.S. President Donald Trump. They talked."));
        assertThat(a.sentences()).hasSize(2);
    }

    @Test
    void posTagsAreAvailableOnDemand() {
        AnalyzedText a = ANALYZER.analyze(CLEANER.clean("Kim visited Moscow."));
        assertThat(a.sentences().get(0).pos(1)).isEqualTo("VERB");
    }
}
