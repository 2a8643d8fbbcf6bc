package news.timeline.extraction.text;

import java.util.List;

/**
 * The statistical layer over the project's own sentences and tokens: it tags and parses the tokens it is given and
 * never splits them again, so every stage reads the same token indices and offsets. Implementations are thread-safe.
 */
public interface LanguageLayer {

    /** The analysis of one sentence's tokens, aligned with them. */
    Parse parse(List<Token> tokens);

    /** Longest sentence, in tokens, that is parsed whole; the tokens beyond are left without analysis. */
    default int maxTokens() {
        return Integer.MAX_VALUE;
    }

    /** Name and version of the models, stored with every fact extracted with them. */
    String id();

    /** No statistical layer: sentences stay unparsed and the rules work alone (time expressions, stored views). */
    static LanguageLayer none() {
        return new LanguageLayer() {
            @Override
            public Parse parse(List<Token> tokens) {
                return null;
            }

            @Override
            public String id() {
                return "none";
            }

            @Override
            public void annotate(AnalyzedText text) {
            }
        };
    }

    /** Parses every sentence of the text once and attaches the result ({@link Sentence#parse()}). */
    default void annotate(AnalyzedText text) {
        for (Sentence s : text.sentences()) {
            s.attach(s.tokens().isEmpty() ? Parse.EMPTY : parse(s.tokens()));
        }
    }
}
