package news.timeline.extraction.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Sentences and tokens with OpenNLP. Lines are units of their own (scraped headings and list items carry no final
 * stop); inside a line the sentence model splits, and splits after an initial ("N. Korean") or a title
 * abbreviation are undone. Tokens ending in a possessive {@code 's} and hyphenated words are split further so that
 * lexicon look-ups see "Russia" in "Russia's" and "Russian" in "Russian-brokered". Thread-safe.
 */
public final class TextAnalyzer {

    private static final Pattern NO_SPLIT_AFTER = Pattern.compile(
            "(?:^|\\s)(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Capt|Sgt|Sen|Rep|Gov|St|Prof|Rev|Jr|Sr|No|Vol|Fig|Co|Corp|Inc|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.$");

    private final LanguageModels models;
    private final ThreadLocal<SentenceDetectorME> sentenceDetector;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<POSTaggerME> posTagger;

    public TextAnalyzer(LanguageModels models) {
        this.models = models;
        this.sentenceDetector = ThreadLocal.withInitial(() -> new SentenceDetectorME(models.sentences()));
        this.tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(models.tokens()));
        this.posTagger = ThreadLocal.withInitial(() -> new POSTaggerME(models.pos()));
    }

    public static TextAnalyzer english() {
        return new TextAnalyzer(LanguageModels.english());
    }

    public AnalyzedText analyze(CleanedText cleaned) {
        String text = cleaned.text();
        List<Sentence> sentences = new ArrayList<>();
        SentenceDetectorME sd = sentenceDetector.get();
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            int ls = pos;
            pos = eol + 1;
            String line = text.substring(ls, eol);
            if (line.isBlank()) {
                continue;
            }
            Span[] spans = sd.sentPosDetect(line);
            List<int[]> merged = new ArrayList<>();
            for (Span s : spans) {
                int a = s.getStart();
                int b = s.getEnd();
                if (!merged.isEmpty()) {
                    int[] last = merged.get(merged.size() - 1);
                    String prev = line.substring(last[0], last[1]);
                    if (NO_SPLIT_AFTER.matcher(prev).find()) {
                        last[1] = b;
                        continue;
                    }
                }
                merged.add(new int[] {a, b});
            }
            if (merged.isEmpty()) {
                merged.add(new int[] {0, line.length()});
            }
            boolean first = true;
            for (int[] m : merged) {
                int a = ls + m[0];
                int b = ls + m[1];
                while (a < b && Character.isWhitespace(text.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                    b--;
                }
                if (a < b) {
                    List<Token> tokens = tokenize(text, a, b);
                    sentences.add(new Sentence(sentences.size(), a, b, tokens, first, words -> posTagger.get().tag(words)));
                    first = false;
                }
            }
        }
        return new AnalyzedText(cleaned, List.copyOf(sentences));
    }

    private List<Token> tokenize(String text, int start, int end) {
        String s = text.substring(start, end);
        Span[] spans = tokenizer.get().tokenizePos(s);
        List<Token> out = new ArrayList<>(spans.length + 4);
        for (Span sp : spans) {
            split(text, start + sp.getStart(), start + sp.getEnd(), out);
        }
        return out;
    }

    private static void split(String text, int a, int b, List<Token> out) {
        // possessive 's / ’s and a bare trailing apostrophe (Staples')
        if (b - a > 2) {
            char c1 = text.charAt(b - 2);
            char c2 = text.charAt(b - 1);
            if ((c1 == '\'' || c1 == '’') && (c2 == 's' || c2 == 'S')) {
                split(text, a, b - 2, out);
                out.add(token(text, b - 2, b));
                return;
            }
        }
        if (b - a > 1 && (text.charAt(b - 1) == '\'' || text.charAt(b - 1) == '’') && Character.isLetter(text.charAt(b - 2))
                && (text.charAt(b - 2) == 's' || text.charAt(b - 2) == 'S')) {
            out.add(token(text, a, b - 1));
            out.add(token(text, b - 1, b));
            return;
        }
        int from = a;
        for (int i = a + 1; i < b - 1; i++) {
            char c = text.charAt(i);
            if ((c == '-' || c == '‑') && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1))) {
                out.add(token(text, from, i));
                out.add(token(text, i, i + 1));
                from = i + 1;
            }
        }
        out.add(token(text, from, b));
    }

    private static Token token(String text, int a, int b) {
        String t = text.substring(a, b);
        return new Token(a, b, t, normalize(t));
    }

    /** Lower case with typographic apostrophes, quotes and dashes folded: the key form of lexicons. */
    public static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '’', '‘', '`', '´' -> sb.append('\'');
                case '“', '”' -> sb.append('"');
                case '‑', '–', '—' -> sb.append('-');
                default -> sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Tokenizes a lexicon entry the same way as running text, returning the token surfaces. */
    public List<String> keyTokensSurface(String phrase) {
        String s = phrase.strip();
        Span[] spans = tokenizer.get().tokenizePos(s);
        List<Token> out = new ArrayList<>();
        for (Span sp : spans) {
            split(s, sp.getStart(), sp.getEnd(), out);
        }
        List<String> keys = new ArrayList<>(out.size());
        for (Token t : out) {
            keys.add(t.text());
        }
        return keys;
    }

    /** Tokenizes a lexicon entry the same way as running text, returning the normalized token forms. */
    public List<String> keyTokens(String phrase) {
        String s = phrase.strip();
        Span[] spans = tokenizer.get().tokenizePos(s);
        List<Token> out = new ArrayList<>();
        for (Span sp : spans) {
            split(s, sp.getStart(), sp.getEnd(), out);
        }
        List<String> keys = new ArrayList<>(out.size());
        for (Token t : out) {
            keys.add(t.norm());
        }
        return keys;
    }
}
