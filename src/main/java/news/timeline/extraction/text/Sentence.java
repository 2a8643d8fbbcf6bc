package news.timeline.extraction.text;

import java.util.List;
import java.util.function.Function;

/**
 * A sentence (or a heading or list line) of the analysed text with its tokens. Part-of-speech tags are computed on
 * first use only, because most stages never need them.
 */
public final class Sentence {

    private final int index;
    private final int start;
    private final int end;
    private final List<Token> tokens;
    private final boolean lineStart;
    private final Function<String[], String[]> tagger;
    private String[] tags;
    private volatile Parse parse;

    Sentence(int index, int start, int end, List<Token> tokens, boolean lineStart, Function<String[], String[]> tagger) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.tokens = tokens;
        this.lineStart = lineStart;
        this.tagger = tagger;
    }

    public int index() {
        return index;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** True when the sentence starts a line (a paragraph, a heading, a list item). */
    public boolean lineStart() {
        return lineStart;
    }

    /** The statistical analysis of the tokens, or an empty one when no language layer ran. */
    public Parse parse() {
        Parse p = parse;
        return p == null ? Parse.EMPTY : p;
    }

    /** True when the language layer analysed this sentence. */
    public boolean parsed() {
        return parse != null && parse.size() == tokens.size();
    }

    void attach(Parse p) {
        if (p.size() != tokens.size()) {
            throw new IllegalArgumentException("parse of " + p.size() + " tokens for a sentence of " + tokens.size());
        }
        this.parse = p;
    }

    /** Universal POS tag of token {@code i} ({@code VERB}, {@code NOUN}, {@code PROPN} ...). */
    public String pos(int i) {
        if (tags == null) {
            String[] words = new String[tokens.size()];
            for (int k = 0; k < words.length; k++) {
                words[k] = tokens.get(k).text();
            }
            tags = tagger.apply(words);
        }
        return tags[i];
    }
}
