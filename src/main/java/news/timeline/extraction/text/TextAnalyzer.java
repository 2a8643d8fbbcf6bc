package news.timeline.extraction.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.SimpleTokenizer;
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

    private static final Pattern ABBREVIATION_END = Pattern.compile("(?:^|\\s)(?:[A-Z]\\.){2,}$");
    /** "at 7:20 p.m. Wednesday in the mine", "at 9 a.m. GMT on Monday": a clock time's day or zone goes on. */
    private static final Pattern CLOCK_END = Pattern.compile("(?i)[0-9]\\s*[ap]\\.m\\.$");
    private static final Pattern CLOCK_CONTINUES = Pattern.compile(
            "^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|ET|PT|local)\\b");
    private static final java.util.Set<String> SENTENCE_STARTERS = java.util.Set.of("The", "A", "An", "It", "He", "She",
            "They", "We", "I", "This", "That", "These", "Those", "In", "On", "At", "But", "And", "However", "Meanwhile", "Its", "His", "Her", "Their");

    /** After "U.S." a capitalized word that is no usual sentence opener continues the sentence ("U.S. President"). */
    private static boolean continuesName(String next) {
        if (next.isEmpty() || !Character.isUpperCase(next.charAt(0))) {
            return false;
        }
        int sp = 0;
        while (sp < next.length() && Character.isLetter(next.charAt(sp))) {
            sp++;
        }
        return !SENTENCE_STARTERS.contains(next.substring(0, sp));
    }

    private final LanguageModels models;
    private final ThreadLocal<SentenceDetectorME> sentenceDetector;
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr",
            "Gen", "Lt", "Col", "Capt", "Sgt", "Gov", "Sen", "Rep", "Inc", "Corp", "Co", "Ltd", "Prof", "Rev", "No", "vs", "Jan",
            "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "Adm", "Pres");
    private final ThreadLocal<POSTaggerME> posTagger;

    public TextAnalyzer(LanguageModels models) {
        this.models = models;
        this.sentenceDetector = ThreadLocal.withInitial(() -> new SentenceDetectorME(models.sentences()));
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
                    String next = line.substring(a, b).stripLeading();
                    if (NO_SPLIT_AFTER.matcher(prev).find() || (ABBREVIATION_END.matcher(prev).find() && continuesName(next))
                            || CLOCK_END.matcher(prev).find() && CLOCK_CONTINUES.matcher(next).find()) {
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
        Span[] spans = repair(s, SimpleTokenizer.INSTANCE.tokenizePos(s));
        List<Token> out = new ArrayList<>(spans.length + 4);
        for (Span sp : spans) {
            split(text, start + sp.getStart(), start + sp.getEnd(), out);
        }
        return out;
    }

    /**
     * OpenNLP's rule-based tokenizer splits at every character-class change; joins what news text needs whole:
     * initials and abbreviations ("U.S.", "N.", "Inc."), numbers ("6.3", "1,000"), possessives ("'s") and
     * contractions. (The statistical tokenizer gives the same tokens here at thirty times the cost.)
     */
    static Span[] repair(String s, Span[] in) {
        List<Span> out = new ArrayList<>(in.length);
        int i = 0;
        while (i < in.length) {
            Span cur = in[i];
            int a = cur.getStart();
            int b = cur.getEnd();
            String t = s.substring(a, b);
            int j = i + 1;
            if (t.length() == 1 && Character.isUpperCase(t.charAt(0)) && dotAt(s, in, j, b)) {
                // U.S., U.S.A., N.
                b = in[j].getEnd();
                j++;
                while (j + 1 < in.length && in[j].getStart() == b && in[j].length() == 1
                        && Character.isUpperCase(s.charAt(in[j].getStart())) && dotAt(s, in, j + 1, in[j].getEnd())) {
                    b = in[j + 1].getEnd();
                    j += 2;
                }
            } else if (ABBREVIATIONS.contains(t) && dotAt(s, in, j, b)) {
                b = in[j].getEnd();
                j++;
            } else if (Character.isDigit(t.charAt(0))) {
                while (j + 1 < in.length && in[j].getStart() == b && in[j].length() == 1 && ".,:".indexOf(s.charAt(b)) >= 0
                        && in[j + 1].getStart() == b + 1 && Character.isDigit(s.charAt(b + 1))) {
                    b = in[j + 1].getEnd();
                    j += 2;
                }
            } else if ((t.equals("'") || t.equals("’")) && j < in.length && in[j].getStart() == b) {
                String next = s.substring(in[j].getStart(), in[j].getEnd());
                if (next.equals("s") || next.equals("S") || next.equals("t") || next.equals("ll") || next.equals("re")
                        || next.equals("ve") || next.equals("d") || next.equals("m")) {
                    b = in[j].getEnd();
                    j++;
                }
            }
            out.add(new Span(a, b));
            i = j;
        }
        return out.toArray(new Span[0]);
    }

    private static boolean dotAt(String s, Span[] in, int j, int end) {
        return j < in.length && in[j].getStart() == end && in[j].length() == 1 && s.charAt(end) == '.';
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
        Span[] spans = repair(s, SimpleTokenizer.INSTANCE.tokenizePos(s));
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
        Span[] spans = repair(s, SimpleTokenizer.INSTANCE.tokenizePos(s));
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
