package news.timeline.extraction.temporal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A TIMEX3 tagger driven by rules kept as data (see {@link TemporalRuleSet}), in the spirit of HeidelTime and
 * SUTime. Tagging runs in three steps: one cheap pass finds trigger words (lexicon words, digits, years); each
 * rule is matched only in the regions around its own triggers; the longest non-overlapping matches are kept and
 * resolved in text order, so that "a year earlier" can anchor on the date mentioned before it. Immutable and
 * thread-safe once built.
 */
public final class RuleBasedTimexTagger implements TimexTagger {

    /** Characters of context around a trigger in which rules may match (modifiers, determiners, numbers). */
    private static final int WINDOW = 36;
    private static final String ENGLISH = "extraction/en/temporal";

    private static volatile RuleBasedTimexTagger english;

    private final TemporalRuleSet rules;
    private final Lexicon tenseCues;

    /** Trigger categories as small ints; per word, the categories it carries. */
    private final java.util.Map<String, Integer> categoryIds = new java.util.HashMap<>();
    private final java.util.Map<String, int[]> wordCategories = new java.util.HashMap<>();
    private final int digitId;
    private final int yearId;
    /** Per rule, per trigger group: the category ids; the first one is the group's anchor. */
    private final int[][][] ruleGroups;

    private RuleBasedTimexTagger(TemporalRuleSet rules) {
        this.rules = rules;
        this.ruleGroups = new int[rules.rules.size()][][];
        for (int r = 0; r < rules.rules.size(); r++) {
            List<Set<String>> groups = rules.rules.get(r).triggers();
            int[][] gs = new int[groups.size()][];
            for (int g = 0; g < groups.size(); g++) {
                // the anchor is a category that opens windows (a lexicon, a number, a primary word)
                List<String> atoms = new ArrayList<>(groups.get(g));
                atoms.sort(Comparator.comparing((String a) -> rules.secondaryIndex.containsKey(a)).thenComparing(a -> a));
                gs[g] = atoms.stream().mapToInt(this::categoryId).toArray();
            }
            ruleGroups[r] = gs;
        }
        this.digitId = categoryId(TemporalRuleSet.DIGIT);
        this.yearId = categoryId(TemporalRuleSet.YEARNUM);
        for (var e : rules.triggerIndex.entrySet()) {
            wordCategories.put(e.getKey(), e.getValue().stream().mapToInt(this::categoryId).toArray());
        }
        for (var e : rules.secondaryIndex.entrySet()) {
            wordCategories.merge(e.getKey(), e.getValue().stream().mapToInt(this::categoryId).toArray(),
                    (x, y) -> java.util.stream.IntStream.concat(java.util.Arrays.stream(x), java.util.Arrays.stream(y)).distinct().toArray());
        }
        this.tenseCues = rules.lexicons.get("tense");
        if (tenseCues == null) {
            throw new IllegalStateException("the rule set needs a 'tense' lexicon");
        }
    }

    private int categoryId(String category) {
        return categoryIds.computeIfAbsent(category, k -> categoryIds.size());
    }

    /** The English news tagger; its data is loaded once, on first use. */
    public static RuleBasedTimexTagger english() {
        RuleBasedTimexTagger t = english;
        if (t == null) {
            synchronized (RuleBasedTimexTagger.class) {
                t = english;
                if (t == null) {
                    t = new RuleBasedTimexTagger(TemporalRuleSet.load(ENGLISH));
                    english = t;
                }
            }
        }
        return t;
    }

    /** A tagger over another rule directory on the class path (same layout as the English one). */
    public static RuleBasedTimexTagger fromResources(String directory) {
        return new RuleBasedTimexTagger(TemporalRuleSet.load(directory));
    }

    TemporalRuleSet ruleSet() {
        return rules;
    }

    private record Candidate(int start, int end, TemporalRule rule, java.util.regex.MatchResult match) {
        int length() {
            return end - start;
        }
    }

    @Override
    public List<Timex> tag(String text, ReferenceTime reference) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        Hits hits = scan(text);
        int[] regions;
        for (int ri = 0; ri < rules.rules.size(); ri++) {
            TemporalRule r = rules.rules.get(ri);
            int count = regions(hits, ruleGroups[ri], text.length());
            if (count == 0) {
                continue;
            }
            regions = hits.regionBuffer;
            Matcher m = r.pattern().matcher(text);
            m.useTransparentBounds(true).useAnchoringBounds(false);
            for (int k = 0; k < count; k += 2) {
                m.region(regions[k], regions[k + 1]);
                while (m.find()) {
                    int g = r.spanGroup();
                    int s = m.start(g);
                    int e = m.end(g);
                    if (e > s) {
                        candidates.add(new Candidate(s, e, r, m.toMatchResult()));
                    }
                }
            }
        }
        List<Candidate> chosen = select(candidates);
        TimexResolver resolver = new TimexResolver(reference);
        List<Timex> out = new ArrayList<>(chosen.size());
        for (Candidate c : chosen) {
            TemporalRule r = c.rule;
            if (r.type() == null) {
                continue; // a blocking rule: the words are not a time expression
            }
            String raw = r.value().eval(c.match);
            Tense tense = raw.startsWith("@") ? Tense.around(text, c.start, c.end, tenseCues) : Tense.NONE;
            TimexResolver.Resolved v = resolver.resolve(raw, tense);
            String mod = r.mod() == null ? null : emptyToNull(r.mod().eval(c.match));
            String quant = r.type() == TimexType.SET && c.match.group().toLowerCase(Locale.ROOT).matches("(every|each)\\b.*")
                    ? c.match.group().substring(0, 4).toUpperCase(Locale.ROOT).trim() : null;
            if (r.type() == TimexType.DATE || r.type() == TimexType.TIME) {
                resolver.mentioned(v.value(), v.anchoring());
            }
            Anchoring anchoring = r.type() == TimexType.DATE || r.type() == TimexType.TIME ? v.anchoring() : Anchoring.NONE;
            out.add(new Timex(c.start, c.end, text.substring(c.start, c.end), r.type(), v.value(), mod, r.id(),
                    quant, anchoring));
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Longest match first, then higher priority, then earlier; no two kept matches overlap. */
    private static List<Candidate> select(List<Candidate> candidates) {
        candidates.sort(Comparator.comparingInt(Candidate::length).reversed()
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.rule.priority()).reversed())
                .thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        // kept spans never overlap, so the one starting last before c's end is the only one that can touch c
        java.util.TreeMap<Integer, Integer> taken = new java.util.TreeMap<>();
        for (Candidate c : candidates) {
            var before = taken.floorEntry(c.end - 1);
            if (before != null && before.getValue() > c.start) {
                continue;
            }
            taken.put(c.start, c.end);
            kept.add(c);
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }

    /** Trigger words found in a text: their spans and, per category, the hits that carry it (in text order). */
    private static final class Hits {
        int size;
        int[] start = new int[64];
        int[] end = new int[64];
        int[][] postings;
        int[] postingSize;
        int[] regionBuffer = new int[16];

        Hits(int categories) {
            postings = new int[categories][];
            postingSize = new int[categories];
        }

        void add(int s, int e, int[] categories) {
            if (size == start.length) {
                start = java.util.Arrays.copyOf(start, size * 2);
                end = java.util.Arrays.copyOf(end, size * 2);
            }
            start[size] = s;
            end[size] = e;
            for (int c : categories) {
                int[] p = postings[c];
                if (p == null) {
                    p = postings[c] = new int[8];
                } else if (postingSize[c] == p.length) {
                    p = postings[c] = java.util.Arrays.copyOf(p, p.length * 2);
                }
                p[postingSize[c]++] = size;
            }
            size++;
        }

        /** Whether a hit of category c lies within [from, to). */
        boolean near(int c, int from, int to) {
            int[] p = postings[c];
            int n = postingSize[c];
            if (p == null) {
                return false;
            }
            int lo = 0;
            int hi = n;
            while (lo < hi) { // first hit ending after 'from'
                int mid = (lo + hi) >>> 1;
                if (end[p[mid]] <= from) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo < n && start[p[lo]] < to;
        }
    }

    /** One pass over the words: digits, years and trigger words, with their categories. */
    private Hits scan(String text) {
        Hits hits = new Hits(categoryIds.size());
        int[] digit = {digitId};
        int[] year = {digitId, yearId};
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int s = i;
            if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                hits.add(s, i, i - s == 4 && (c == '1' && text.charAt(s + 1) >= '5' || c == '2' && text.charAt(s + 1) == '0') ? year : digit);
                continue;
            }
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i - s <= 5 && Character.isLowerCase(c) && CAPITALIZED_ONLY.contains(text.substring(s, i))) {
                continue; // "may", "march", "sun": month and day names only when capitalized
            }
            String w = lower(text, s, i);
            int[] found = wordCategories.get(w);
            if (found == null && w.length() > 3 && w.endsWith("s")) {
                found = wordCategories.get(w.substring(0, w.length() - 1)); // "Sundays", "quarters"
            }
            if (found != null) {
                hits.add(s, i, found);
            }
        }
        return hits;
    }

    /**
     * The text regions a rule must be matched in: around each hit of a trigger group's anchor whose other
     * members occur nearby; merged, as start/end pairs in {@code hits.regionBuffer}. Returns the pair count * 2.
     */
    private static int regions(Hits hits, int[][] groups, int n) {
        int[] buf = hits.regionBuffer;
        int count = 0;
        for (int[] g : groups) {
            int anchor = g[0];
            int[] p = hits.postings[anchor];
            if (p == null) {
                continue;
            }
            for (int k = 0; k < hits.postingSize[anchor]; k++) {
                int h = p[k];
                int a = Math.max(0, hits.start[h] - WINDOW);
                int b = Math.min(n, hits.end[h] + WINDOW);
                boolean all = true;
                for (int x = 1; x < g.length && all; x++) {
                    all = hits.near(g[x], a, b);
                }
                if (!all) {
                    continue;
                }
                if (count + 2 > buf.length) {
                    buf = hits.regionBuffer = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
                buf[count++] = a;
                buf[count++] = b;
            }
        }
        if (count == 0) {
            return 0;
        }
        if (groups.length > 1) {
            sortPairs(buf, count);
        }
        // merge overlapping regions
        int out = 0;
        for (int k = 0; k < count; k += 2) {
            if (out > 0 && buf[k] <= buf[out - 1]) {
                buf[out - 1] = Math.max(buf[out - 1], buf[k + 1]);
            } else {
                buf[out++] = buf[k];
                buf[out++] = buf[k + 1];
            }
        }
        return out;
    }

    private static void sortPairs(int[] buf, int count) {
        long[] packed = new long[count / 2];
        for (int k = 0; k < count; k += 2) {
            packed[k / 2] = ((long) buf[k] << 32) | (buf[k + 1] & 0xffffffffL);
        }
        java.util.Arrays.sort(packed);
        for (int k = 0; k < packed.length; k++) {
            buf[2 * k] = (int) (packed[k] >>> 32);
            buf[2 * k + 1] = (int) packed[k];
        }
    }

    private static final Set<String> CAPITALIZED_ONLY = Set.of("may", "march", "mar", "sun", "sat", "wed", "jan", "dec", "sept", "aug", "nov", "oct", "feb", "jun", "jul", "apr", "sep");

    private static String lower(String text, int s, int e) {
        char[] cs = new char[e - s];
        for (int i = s; i < e; i++) {
            cs[i - s] = Character.toLowerCase(text.charAt(i));
        }
        return new String(cs);
    }
}
