package news.timeline.extraction.temporal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A TIMEX3 tagger driven by rules kept as data (see {@link TemporalRuleSet}), in the spirit of HeidelTime and
 * SUTime. Tagging runs in three steps: a cheap scan finds trigger words (lexicon words, digits) and the windows of
 * text around them; only the rules whose triggers occur in a window are matched there; the longest
 * non-overlapping matches are kept and resolved in text order, so that "a year earlier" can anchor on the date
 * mentioned before it. Immutable and thread-safe once built.
 */
public final class RuleBasedTimexTagger implements TimexTagger {

    /** Characters of context around a trigger in which rules may match (modifiers, determiners, numbers). */
    private static final int WINDOW = 48;
    private static final String ENGLISH = "extraction/en/temporal";

    private static volatile RuleBasedTimexTagger english;

    private final TemporalRuleSet rules;
    private final Lexicon tenseCues;

    private RuleBasedTimexTagger(TemporalRuleSet rules) {
        this.rules = rules;
        this.tenseCues = rules.lexicons.get("tense");
        if (tenseCues == null) {
            throw new IllegalStateException("the rule set needs a 'tense' lexicon");
        }
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

    private record Window(int start, int end, Set<String> triggers) {
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
        for (Window w : windows(text)) {
            for (TemporalRule r : rules.rules) {
                if (!intersects(r.triggers(), w.triggers)) {
                    continue;
                }
                Matcher m = r.pattern().matcher(text);
                m.useTransparentBounds(true).useAnchoringBounds(false).region(w.start, w.end);
                while (m.find()) {
                    if (m.end() > m.start()) {
                        candidates.add(new Candidate(m.start(), m.end(), r, m.toMatchResult()));
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

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String s : a) {
            if (b.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Longest match first, then higher priority, then earlier; no two kept matches overlap. */
    private static List<Candidate> select(List<Candidate> candidates) {
        candidates.sort(Comparator.comparingInt(Candidate::length).reversed()
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.rule.priority()).reversed())
                .thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            boolean free = true;
            for (Candidate k : kept) {
                if (c.start < k.end && k.start < c.end) {
                    free = false;
                    break;
                }
            }
            if (free) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }

    /** Windows of text around trigger words, merged when they touch, with the trigger categories they hold. */
    private List<Window> windows(String text) {
        List<Window> out = new ArrayList<>();
        int n = text.length();
        int ws = -1;
        int we = -1;
        Set<String> cats = null;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int s = i;
            Set<String> found;
            if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                found = DIGIT_SET;
            } else {
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                String w = lower(text, s, i);
                found = rules.triggerIndex.get(w);
                if (found == null && w.length() > 3 && w.endsWith("s")) {
                    found = rules.triggerIndex.get(w.substring(0, w.length() - 1)); // "Sundays", "quarters"
                }
                if (found == null) {
                    continue;
                }
            }
            int a = Math.max(0, s - WINDOW);
            int b = Math.min(n, i + WINDOW);
            if (cats != null && a <= we) {
                we = b;
                cats.addAll(found);
            } else {
                if (cats != null) {
                    out.add(new Window(ws, we, cats));
                }
                ws = a;
                we = b;
                cats = new HashSet<>(found);
            }
        }
        if (cats != null) {
            out.add(new Window(ws, we, cats));
        }
        return out;
    }

    private static final Set<String> DIGIT_SET = Set.of(TemporalRuleSet.DIGIT);

    private static String lower(String text, int s, int e) {
        char[] cs = new char[e - s];
        for (int i = s; i < e; i++) {
            cs[i - s] = Character.toLowerCase(text.charAt(i));
        }
        return new String(cs);
    }
}
