package news.timeline.extraction.events;

import java.util.List;
import java.util.Set;
import news.timeline.extraction.text.Token;

/**
 * The light clause analysis events rely on: where a trigger's clause begins and ends (scene clauses, subordinate and
 * coordinated clauses, reporting tails, what an object promises), relative clauses, quotations and the passive. It
 * reads tokens only; no parse tree exists here, so each boundary is a rule with its example.
 */
final class Clauses {

    private Clauses() {
    }

    /** Words that open an adverbial clause of circumstance after a comma (", as both nations confront China"). */
    private static final Set<String> SCENE_CLAUSE = Set.of("as", "while", "amid", "although", "though", "despite", "whereas",
            "succeeding", "replacing", "following", "after", "before", "citing", "saying", "adding", "according", "promising",
            "vowing", "pledging", "calling", "urging", "seeking", "aiming", "hoping", "warning");

    private static final Set<String> PAST_VERBS = Set.of("won", "lost", "took", "came", "went", "began", "made", "held", "met",
            "ran", "fell", "rose", "left", "said", "told", "gave", "got", "struck", "hit", "fought", "sent", "led", "broke");

    /** Words before a past form that make it a participle or an adjective, not a clause's verb. */
    private static final Set<String> NOT_BEFORE_A_VERB = Set.of("the", "a", "an", "was", "were", "had", "has", "have", "been");

    private static final Set<String> DISTANCE_WORDS = Set.of("a", "an", "the", "just", "shortly", "only", "soon", "long", "not",
            "day", "days", "hour", "hours", "week", "weeks", "month", "months", "year", "years", "minutes", "moments", "two",
            "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "few");

    private static final Set<String> CONTENT_PARTICIPLES = Set.of("promising", "vowing", "pledging", "calling", "urging",
            "seeking", "aiming", "hoping", "warning", "demanding", "proposing");

    private static final Set<String> SUBORDINATORS = Set.of("after", "before", "because", "until", "when", "while", "since");

    private static final Set<String> ROLE_WORDS = Set.of("prime", "minister", "president", "head", "chief", "leader", "chairman",
            "chair", "ceo", "director", "secretary", "ambassador", "envoy", "governor", "mayor", "commander", "spokesman",
            "spokeswoman", "spokesperson", "coach", "captain", "member", "members", "part", "interim", "acting");

    private static final Set<String> REPORTING = Set.of("said", "says", "told", "added", "reported", "announced");

    private static final Set<String> RELATIVE = Set.of("who", "which", "whose", "whom", "where");

    static final Set<String> PASSIVE_AUX = Set.of("was", "were", "been", "being", "is", "are", "be");

    private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("struck", "hit", "shot", "held", "sent", "sworn", "bought",
            "fought", "sold", "won", "built", "shut", "spun", "caught", "told", "made", "led", "met", "paid", "put", "set", "hurt",
            "brought", "quit", "cut", "freed");

    /**
     * The token range [from, to) of the trigger's clause, as far as adverbial clauses mark it: a trailing ", as ...",
     * ", while ...", ", amid ..." after the trigger, and a leading "As ..., " / "While ..., " before it. Actors named
     * only there set the scene; they take no part. A clause of its own after ", and" / ", but" / ";" that holds
     * another verb trigger ("the EU sent teams, and the United States pledged aid") ends the trigger's clause too.
     * Other clause structure is not analysed.
     */
    static int[] clause(List<Token> toks, EventMention e, List<EventMention> here) {
        int from = 0;
        int to = toks.size();
        for (int k = e.to; k + 1 < toks.size(); k++) {
            String w = toks.get(k).text();
            if (w.equals(",") && (sceneAfter(toks, k) || reportingTail(toks, k))) {
                to = k;
                break;
            }
            boolean coordination = w.equals(";") || (w.equals(",") && Set.of("and", "but").contains(toks.get(k + 1).norm()))
                    // "Talks began in April but were suspended": "but" and a verb of its own
                    || (toks.get(k).norm().equals("but") && k + 2 < toks.size() && Set.of("was", "were", "is", "are", "has",
                    "have", "had", "will", "would").contains(toks.get(k + 1).norm()));
            int boundary = k;
            if (coordination && here.stream().anyMatch(f -> f != e && !f.rule.noun() && f.from > boundary)) {
                to = k;
                break;
            }
            // "signed a declaration promising to hold talks with the United States": what the text promises, not who
            if (CONTENT_PARTICIPLES.contains(toks.get(k).norm()) && k > e.to && !toks.get(k - 1).capitalized()) {
                to = k;
                break;
            }
            // "resigned after the New Popular Front won the election": a subordinate clause with a verb of its own
            if (SUBORDINATORS.contains(toks.get(k).norm()) && (verbWithin(toks, k + 1, k + 10)
                    || here.stream().anyMatch(f -> f != e && !f.rule.noun() && f.from > boundary && f.from <= boundary + 7))) {
                to = k;
                break;
            }
        }
        // the trigger inside such a trailing clause ("..., days before Russia invaded Ukraine"), or in a clause of
        // its own after ", and" with a new subject ("Germany halted the pipeline, and Britain imposed sanctions";
        // not a list of names, "Germany, France, and Britain imposed"): that clause is its own
        for (int k = e.from - 1; k > 0; k--) {
            String w = toks.get(k).text();
            boolean butClause = toks.get(k).norm().equals("but") && k + 1 < e.from && Set.of("was", "were", "is", "are", "has",
                    "have", "had", "will", "would").contains(toks.get(k + 1).norm());
            if (butClause) {
                from = k + 1;
                break;
            }
            boolean coordination = w.equals(";") || (w.equals(",") && !e.rule.noun() && e.from - k <= 7
                    && Set.of("and", "but").contains(toks.get(k + 1).norm()) && !toks.get(k - 1).capitalized()
                    && newSubject(toks, k + 2, e.from));
            if ((w.equals(",") && sceneAfter(toks, k)) || coordination) {
                from = k + 1;
                break;
            }
            if (SUBORDINATORS.contains(toks.get(k).norm()) && verbWithin(toks, k + 1, k + 10)) {
                from = k; // "resigned after the New Popular Front won the election": the election is the clause's
                break;
            }
        }
        if (from == 0 && !toks.isEmpty() && SCENE_CLAUSE.contains(toks.get(0).norm())) {
            for (int k = 1; k < e.from; k++) {
                if (toks.get(k).text().equals(",")) {
                    from = k + 1;
                    break;
                }
            }
        }
        return new int[] {from, to};
    }

    /** Tokens inside quotation marks ("...", “...”, ``...''). */
    static boolean[] quoted(List<Token> toks) {
        boolean[] in = new boolean[toks.size() + 1];
        boolean open = false;
        for (int k = 0; k < toks.size(); k++) {
            String t = toks.get(k).text();
            boolean opens = t.equals("\u201c") || t.equals("``");
            boolean closes = t.equals("\u201d") || t.equals("''");
            if (t.equals("\"")) {
                opens = !open;
                closes = open;
            }
            if (opens) {
                open = true;
            } else if (closes) {
                open = false;
            } else {
                in[k] = open;
            }
        }
        return in;
    }

    /** A capitalized word (a name) among the first three between a conjunction and a verb trigger: a new subject. */
    private static boolean newSubject(List<Token> toks, int from, int trigger) {
        for (int j = from; j < trigger && j < from + 3; j++) {
            if (toks.get(j).capitalized() && toks.get(j).isWord()) {
                return true;
            }
        }
        return false;
    }

    /**
     * After the comma at {@code k}, within three words, a word that opens a clause of circumstance (", a day after");
     * ", as prime minister" names a role, not a circumstance.
     */
    private static boolean sceneAfter(List<Token> toks, int k) {
        for (int j = k + 1; j < toks.size() && j <= k + 3; j++) {
            String w = toks.get(j).norm();
            if (SCENE_CLAUSE.contains(w)) {
                if (w.equals("as") && roleAfter(toks, j + 1)) {
                    return false;
                }
                return j == k + 1 || w.equals("after") || w.equals("before");
            }
            if (!DISTANCE_WORDS.contains(w) && !Character.isDigit(toks.get(j).text().charAt(0))) {
                return false; // ", who resigned after ...": a clause of its own, not ", a day after ..."
            }
            if (toks.get(j).text().equals(",")) {
                return false;
            }
        }
        return false;
    }

    /** A finite verb among the tokens [from, to): a past form ("won", "-ed") after a name or a noun. */
    private static boolean verbWithin(List<Token> toks, int from, int to) {
        for (int j = Math.max(from + 1, 1); j < Math.min(to, toks.size()); j++) {
            String w = toks.get(j).norm();
            boolean past = PAST_VERBS.contains(w) || (w.length() > 4 && w.endsWith("ed") && !toks.get(j).capitalized());
            if (past && toks.get(j - 1).isWord() && !NOT_BEFORE_A_VERB.contains(toks.get(j - 1).norm())) {
                return true;
            }
        }
        return false;
    }

    /** Where a content clause after the trigger starts ("a declaration promising ..."), else the sentence's end. */
    static int contentClause(List<Token> toks, EventMention e) {
        for (int k = e.to + 1; k < toks.size(); k++) {
            if (CONTENT_PARTICIPLES.contains(toks.get(k).norm()) && !toks.get(k - 1).capitalized()) {
                return k;
            }
        }
        return toks.size();
    }

    /** "prime minister", "the new head of", "its chief executive": a role within the next three words. */
    private static boolean roleAfter(List<Token> toks, int from) {
        for (int j = from; j < toks.size() && j < from + 3; j++) {
            if (ROLE_WORDS.contains(toks.get(j).norm())) {
                return true;
            }
        }
        return false;
    }

    /** ", the Kremlin said." at the sentence's end: who tells it, not who takes part. */
    private static boolean reportingTail(List<Token> toks, int k) {
        int last = toks.size() - 1;
        if (last - k > 7) {
            return false;
        }
        for (int j = k + 1; j <= last; j++) {
            if (REPORTING.contains(toks.get(j).norm())) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each token, 0 in the main clause or the number of the relative clause it sits in: from ", who" / ", which"
     * / ", whose" / ", whom" / ", where" to the next comma (or the sentence's end).
     */
    static int[] relativeClauses(List<Token> toks) {
        int[] region = new int[toks.size() + 1];
        int n = 0;
        for (int k = 0; k + 1 < toks.size(); k++) {
            if (toks.get(k).text().equals(",") && RELATIVE.contains(toks.get(k + 1).norm())) {
                n++;
                int j = k + 1;
                while (j < toks.size() && !toks.get(j).text().equals(",")) {
                    region[j++] = n;
                }
                k = j - 1;
            }
        }
        return region;
    }

    /** "was signed", "were killed", "has been convicted": a form of "be" right before a past participle. */
    static boolean passive(List<Token> toks, int from) {
        String w = toks.get(from).norm();
        if (!(w.endsWith("ed") || w.endsWith("en") || IRREGULAR_PARTICIPLES.contains(w))) {
            return false; // "is buying", "are meeting": progressive, not passive
        }
        for (int k = from - 1; k >= 0 && k >= from - 2; k--) {
            if (PASSIVE_AUX.contains(toks.get(k).norm())) {
                return true;
            }
        }
        return false;
    }
}
