package news.timeline.extraction.temporal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tense around an expression, from a light lexical check of the nearest verb-like cue in its sentence:
 * future cues ({@code will}, {@code plans}, {@code next}...), past forms (irregular pasts and {@code -ed}
 * words), present forms. Cues before the expression win over cues after it.
 */
enum Tense {
    PAST, PRESENT, FUTURE, NONE;

    private static final int REACH = 160;
    private static final Pattern HAD_BEEN = Pattern.compile("\\bhad\\s+been\\s+$", Pattern.CASE_INSENSITIVE);

    private static final java.util.Set<String> MODALS = java.util.Set.of("will", "shall", "would");

    static Tense around(String text, int start, int end, Lexicon cues) {
        int from = sentenceStart(text, start);
        // "by February", "until Monday": a deadline right before the expression points ahead
        String adjacent = cues.lookup(previousWord(text, from, start));
        if ("FUTURE_ADJACENT".equals(adjacent)) {
            // ...unless the clause is in the past perfect: "until Thursday, they had not called him"
            boolean past = nearestCue(text, from, start, end, cues) == PAST && pastPerfect(text, from, sentenceEnd(text, end));
            return past ? PAST : FUTURE;
        }
        return nearestCue(text, from, start, end, cues);
    }

    private static Tense nearestCue(String text, int from, int start, int end, Lexicon cues) {
        // nearest cue before the expression
        int i = start;
        while (i > from) {
            int we = i;
            while (we > from && !Character.isLetter(text.charAt(we - 1)) && text.charAt(we - 1) != '\'') {
                we--;
            }
            int ws = we;
            while (ws > from && (Character.isLetter(text.charAt(ws - 1)) || text.charAt(ws - 1) == '\'')) {
                ws--;
            }
            if (ws == we) {
                break;
            }
            Tense t = of(text.substring(ws, we), nextWord(text, we), cues);
            if (t == FUTURE && HAD_BEEN.matcher(text.substring(from, ws)).find()) {
                return PAST; // "it had been due to expire Friday", "had been scheduled for Monday"
            }
            if (t == PRESENT && previousWord(text, from, ws).equals("to")) {
                t = NONE; // an infinitive takes its tense from the verb before it: "had been due to expire"
            }
            if (t == PRESENT && MODALS.contains(previousWord(text, from, ws))) {
                return FUTURE; // "Moon will visit Pyongyang in the autumn"
            }
            if (t == PAST) {
                // a participle after an auxiliary: "will be held", "is to be signed", "has been delayed"
                String aux = previousWord(text, from, ws);
                if (DETERMINERS.contains(aux) || aux.equals("still") || aux.equals("yet")) {
                    t = NONE; // an adjective: "a still unspecified date", "the proposed merger", "its planned visit"
                }
                if (aux.equals("be") && couldNot(text, from, ws)) {
                    return PAST; // "could not be reached Wednesday", "neither he nor his wife could be located"
                }
                if (aux.equals("be") && passiveInfinitiveOfNoun(text, from, ws, cues)) {
                    // "became the first president to be convicted on Thursday": the verb before decides
                    i = text.lastIndexOf("to", ws);
                    continue;
                }
                if (aux.equals("be") || aux.equals("is") || aux.equals("are")) {
                    return FUTURE; // "will be held", "is scheduled", "are expected"
                }
                if (aux.equals("been") || aux.equals("being")) {
                    t = NONE;
                }
            }
            if (t != NONE) {
                return t;
            }
            i = ws;
        }
        int to = sentenceEnd(text, end);
        i = end;
        while (i < to) {
            int ws = i;
            while (ws < to && !Character.isLetter(text.charAt(ws))) {
                ws++;
            }
            int we = ws;
            while (we < to && (Character.isLetter(text.charAt(we)) || text.charAt(we) == '\'')) {
                we++;
            }
            if (ws == we) {
                break;
            }
            Tense t = of(text.substring(ws, we), nextWord(text, we), cues);
            if (t != NONE) {
                return t;
            }
            i = we;
        }
        return NONE;
    }

    private static String previousWord(String text, int from, int pos) {
        int we = pos;
        while (we > from && text.charAt(we - 1) == ' ') {
            we--;
        }
        int ws = we;
        while (ws > from && Character.isLetter(text.charAt(ws - 1))) {
            ws--;
        }
        return text.substring(ws, we).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the "be" that ends right before PARTICIPLE follows a negated "could": "could not be reached",
     * "couldn't be found", "neither he nor she could be located". A failed attempt already made, so the past.
     */
    private static boolean couldNot(String text, int from, int participle) {
        int be = beBefore(text, from, participle);
        String w = previousWord(text, from, be);
        int at = be;
        if (w.equals("not") || w.equals("t")) {
            at = text.lastIndexOf(w.equals("t") ? "n't" : "not", be);
            w = previousWord(text, from, at);
            return w.equals("could");
        }
        if (!w.equals("could")) {
            return false;
        }
        String before = text.substring(from, at).toLowerCase(Locale.ROOT);
        return NEGATED.matcher(before).find();
    }

    /**
     * Whether the "be" right before PARTICIPLE is a passive infinitive after a noun or adjective ("the first
     * to be convicted", "the last leader to be elected"): it carries no tense of its own. After a form of "be"
     * or a cue of its own ("is to be signed", "expected to be held") it still points ahead.
     */
    private static boolean passiveInfinitiveOfNoun(String text, int from, int participle, Lexicon cues) {
        int be = beBefore(text, from, participle);
        if (be <= from || !previousWord(text, from, be).equals("to")) {
            return false;
        }
        int to = text.lastIndexOf("to", be);
        String before = previousWord(text, from, to);
        if (before.isEmpty() || BE_FORMS.contains(before)) {
            return false;
        }
        return of(before, cues) == NONE;
    }

    /** Where the "be" that ends right before {@code participle} starts (the caller knows the word before is "be"). */
    private static int beBefore(String text, int from, int participle) {
        int be = participle;
        while (be > from && !Character.isLetter(text.charAt(be - 1))) {
            be--;
        }
        return be - 2;
    }

    private static final Set<String> BE_FORMS = Set.of("is", "are", "am", "was", "were", "be", "been", "being");

    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "its", "his", "her", "their", "our",
            "this", "that", "these", "those", "no", "any", "some");

    private static final Pattern NEGATED = Pattern.compile("\\b(?:neither|nor|no\\s+one|nobody|never)\\b");

    private static final Pattern PAST_PERFECT =
            Pattern.compile("\\bhad\\s+(?:not\\s+|never\\s+|already\\s+)?[a-z]+(?:ed|en|wn|ne|lt|nt|ld|ght)\\b");

    /** Whether the clause between FROM and TO has "had" followed by a past form: the past perfect. */
    private static boolean pastPerfect(String text, int from, int to) {
        return PAST_PERFECT.matcher(text.substring(from, to).toLowerCase(Locale.ROOT)).find();
    }

    private static String nextWord(String text, int pos) {
        int ws = pos;
        while (ws < text.length() && text.charAt(ws) == ' ') {
            ws++;
        }
        int we = ws;
        while (we < text.length() && Character.isLetter(text.charAt(we))) {
            we++;
        }
        return text.substring(ws, we).toLowerCase(Locale.ROOT);
    }

    /** The tense a word cues; a two-word cue ("set to", "set for") is looked up before the word alone. */
    static Tense of(String word, String next, Lexicon cues) {
        if (!next.isEmpty()) {
            String pair = cues.lookup(word.toLowerCase(Locale.ROOT) + " " + next);
            if (pair != null) {
                return of(pair);
            }
        }
        return of(word, cues);
    }

    private static Tense of(String cue) {
        return switch (cue) {
            case "PAST" -> PAST;
            case "FUTURE" -> FUTURE;
            case "PRESENT" -> PRESENT;
            default -> NONE;
        };
    }

    static Tense of(String word, Lexicon cues) {
        String w = word.toLowerCase(Locale.ROOT);
        String c = cues.lookup(w);
        boolean capitalized = Character.isUpperCase(word.charAt(0));
        if (c != null) {
            return switch (c) {
                case "PAST" -> PAST;
                case "FUTURE" -> FUTURE;
                case "PRESENT" -> PRESENT;
                default -> NONE;
            };
        }
        // "-ed" marks a past form ("sued", "used"), but not in names ("United", "Red Cross")
        if (!capitalized && w.length() > 3 && w.endsWith("ed") && !w.endsWith("eed")) {
            return PAST;
        }
        return NONE;
    }

    private static int sentenceStart(String text, int pos) {
        int lim = Math.max(0, pos - REACH);
        for (int i = pos - 1; i > lim; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == ';') && endsSentence(text, i)) {
                return i + 1;
            }
            if (c == '\n' && text.charAt(i - 1) == '\n') {
                return i + 1;
            }
        }
        return lim;
    }

    /** Words whose stop is an abbreviation's, not a sentence's: "Roe vs. Wade", "on Oct. 23", "Mr. Bush". */
    private static final Set<String> ABBREVIATIONS = Set.of("vs", "v", "mr", "mrs", "ms", "dr", "st", "gen", "gov",
            "sen", "rep", "lt", "col", "sgt", "capt", "maj", "adm", "rev", "prof", "inc", "corp", "co", "ltd", "jr",
            "sr", "no", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "ala", "ariz", "ark",
            "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn",
            "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo");

    /** A stop followed by closing quotes and then a space or the end ends a sentence ("... failed.'' He"). */
    private static boolean endsSentence(String text, int i) {
        if (text.charAt(i) == '.') {
            int ws = i;
            while (ws > 0 && Character.isLetter(text.charAt(ws - 1))) {
                ws--;
            }
            String word = text.substring(ws, i);
            boolean capitalized = !word.isEmpty() && Character.isUpperCase(word.charAt(0));
            if (word.length() == 1 && capitalized || word.equals("vs")
                    || capitalized && ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))) {
                return false; // "U.S.", "J. Smith", "Roe vs. Wade"
            }
        }
        int j = i + 1;
        while (j < text.length() && (text.charAt(j) == '\'' || text.charAt(j) == '"' || text.charAt(j) == '\u201D'
                || text.charAt(j) == '\u2019' || text.charAt(j) == ')')) {
            j++;
        }
        return j == text.length() || Character.isWhitespace(text.charAt(j));
    }

    private static int sentenceEnd(String text, int pos) {
        int lim = Math.min(text.length(), pos + REACH);
        for (int i = pos; i < lim; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == ';') && endsSentence(text, i)) {
                return i;
            }
            if (c == '\n' && i + 1 < lim && text.charAt(i + 1) == '\n') {
                return i;
            }
        }
        return lim;
    }
}
