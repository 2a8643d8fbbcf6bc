package news.timeline.extraction.events;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.timeline.extraction.ActorKind;
import news.timeline.extraction.EventType;
import news.timeline.extraction.Place;
import news.timeline.extraction.actors.ActorAnalysis;
import news.timeline.extraction.actors.ActorEntity;
import news.timeline.extraction.actors.ActorMention;
import news.timeline.extraction.actors.ActorRecognizer;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.extraction.temporal.Precision;
import news.timeline.extraction.temporal.ReferenceTime;
import news.timeline.extraction.temporal.Timex;
import news.timeline.extraction.temporal.TimexType;
import news.timeline.extraction.text.AnalyzedText;
import news.timeline.extraction.text.Parse;
import news.timeline.extraction.text.Sentence;
import news.timeline.extraction.text.Token;

/**
 * Finds events from triggers, links each to the time expression of its clause, gives undated ones the story's
 * reference time at the precision the text supports, and merges mentions of one happening. Thread-safe.
 */
public final class EventExtractor {

    /** Words before a year that make it a date ("in 2018"), not a modifier ("the 2018 budget"). */
    /** Prepositions whose time expression bounds a state ("closed since Monday", "suspended until January 15"). */
    private static final Set<String> STATE_BOUNDS = Set.of("since", "until", "till");
    private static final Set<String> YEAR_PREPOSITIONS = Set.of("in", "since", "by", "until", "till", "during", "from", "before",
            "after", "through", "throughout");
    /** Words after a year that are no noun it could modify. */
    private static final Set<String> NOT_AFTER_A_YEAR_MODIFIER = Set.of("and", "or", "to", "when", "after", "before", "until",
            "for", "in", "at", "with", "on", "as", "against", "by", "from", "of", "amid", "but", "while", "because", "than");
    private static final int MAX_TIMEX_DISTANCE = 12;
    private static final int REQUIRES_WINDOW = 8;
    private static final Set<String> PLACE_PREPS = Set.of("in", "at");
    private static final Set<String> GROUP_COUNTRY = Set.of("countries", "nations", "sides", "governments", "states", "neighbours", "neighbors", "parties");
    private static final Set<String> GROUP_PERSON = Set.of("leaders", "presidents", "men", "heads");
    private static final Set<String> GROUP_ORG = Set.of("companies", "firms", "groups", "retailers", "banks", "carmakers");
    private static final Set<String> ORDINALS = Set.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "20th", "25th", "50th", "100th");
    private static final Set<String> ABSORBING_PREPS = Set.of("at", "during", "on", "in");

    private final TriggerLexicon lexicon;
    private final EventTitles titles;

    public EventExtractor(TriggerLexicon lexicon) {
        this.lexicon = lexicon;
        this.titles = new EventTitles(lexicon);
    }

    public List<EventGroup> extract(AnalyzedText text, List<Timex> timexes, ActorAnalysis actors, ReferenceTime reference, String title) {
        List<EventMention> all = new ArrayList<>();
        DateValue headingDate = null;
        int prevEnd = 0;
        int t = 0;
        String titleKey = title == null ? "" : norm(title);
        DateValue itemDate = null;
        for (Sentence s : text.sentences()) {
            String gap = text.text().substring(prevEnd, s.start());
            if (gap.contains("\n\n")) {
                headingDate = null;
            }
            if (gap.contains("\n")) {
                itemDate = null;
            }
            prevEnd = s.end();
            while (t < timexes.size() && timexes.get(t).end() <= s.start()) {
                t++;
            }
            List<Timex> here = new ArrayList<>();
            for (int k = t; k < timexes.size() && timexes.get(k).start() < s.end(); k++) {
                here.add(timexes.get(k));
            }
            DateValue lineDate = dateHeading(s, here);
            if (lineDate != null) {
                headingDate = lineDate;
                continue;
            }
            int len = s.end() - s.start();
            boolean heading = ActorRecognizer.titleCase(s) || (!titleKey.isEmpty() && len <= titleKey.length() * 2 + 10
                    && len * 2 + 10 >= titleKey.length() && norm(text.text().substring(s.start(), s.end())).equals(titleKey));
            DateValue lead = itemLead(text, s, here);
            if (lead != null) {
                itemDate = lead; // "- Dec. 8: Rebels enter Damascus. Assad flees to Moscow.": the item's date
            }
            all.addAll(sentence(text, s, here, actors, reference, lead == null && itemDate != null ? itemDate : headingDate, heading));
        }
        List<EventGroup> groups = merge(all);
        anniversaries(groups);
        List<EventGroup> out = new ArrayList<>();
        for (EventGroup g : groups) {
            if (g.date != null) {
                out.add(g);
            }
        }
        return out;
    }

    private static String norm(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** A line that is only a date ("- June 5, 2025:") dates the list items under it. */
    private static DateValue dateHeading(Sentence s, List<Timex> here) {
        if (here.size() != 1 || !s.lineStart()) {
            return null;
        }
        Timex x = here.get(0);
        for (Token tok : s.tokens()) {
            if ((tok.end() <= x.start() || tok.start() >= x.end()) && tok.isWord()) {
                return null;
            }
        }
        return x.date().orElse(null);
    }

    /** The date a list item or dated line opens with ("- Dec. 8: Rebels enter Damascus."), else null. */
    private static DateValue itemLead(AnalyzedText text, Sentence s, List<Timex> here) {
        if (here.isEmpty() || !s.lineStart()) {
            return null;
        }
        Timex x = here.get(0);
        String before = text.text().substring(s.start(), x.start()).strip();
        if (!(before.isEmpty() || before.equals("-") || before.equals("*") || before.equals("\u2022"))) {
            return null;
        }
        int after = x.end();
        while (after < s.end() && text.text().charAt(after) == ' ') {
            after++;
        }
        boolean colon = after < s.end() && (text.text().charAt(after) == ':' || text.text().charAt(after) == '\u2013'
                || text.text().charAt(after) == '\u2014');
        return colon ? x.date().orElse(null) : null;
    }

    // ------------------------------------------------------------------------------------------- one sentence

    private List<EventMention> sentence(AnalyzedText text, Sentence s, List<Timex> timexes, ActorAnalysis actors,
                                        ReferenceTime reference, DateValue headingDate, boolean heading) {
        List<Token> toks = s.tokens();
        int n = toks.size();
        boolean[] blocked = new boolean[n];
        int[][] timexTokens = new int[timexes.size()][];
        for (int k = 0; k < timexes.size(); k++) {
            Timex x = timexes.get(k);
            int a = -1;
            int b = -1;
            for (int i = 0; i < n; i++) {
                Token tok = toks.get(i);
                if (tok.start() < x.end() && tok.end() > x.start()) {
                    blocked[i] = true;
                    if (a < 0) {
                        a = i;
                    }
                    b = i + 1;
                }
            }
            timexTokens[k] = a < 0 ? null : new int[] {a, b};
        }
        List<ActorMention> mentions = actors.inSentence(s.index());
        for (ActorMention m : mentions) {
            for (int i = m.from(); i < m.to(); i++) {
                blocked[i] = true;
            }
        }
        List<EventMention> found = triggers(s, blocked);
        found.removeIf(e -> unreal(s, e));
        if (found.isEmpty()) {
            return found;
        }
        for (EventMention e : found) {
            e.heading = heading;
            e.tense = tense(s, e);
        }
        // link dated time expressions to triggers, closest pairs first, one each; never across the edge of a
        // relative clause ("Collor, who was impeached in 1992, denied wrongdoing": 1992 dates the impeachment only)
        int[] region = Clauses.relativeClauses(toks);
        boolean[] quoted = Clauses.quoted(toks);
        int[][] clauses = new int[found.size()][];
        for (int q = 0; q < found.size(); q++) {
            clauses[q] = Clauses.clause(toks, found.get(q), found);
        }
        List<int[]> pairs = new ArrayList<>();
        for (int k = 0; k < timexes.size(); k++) {
            Timex x = timexes.get(k);
            if (x.date().isEmpty() || timexTokens[k] == null) {
                continue;
            }
            int a = timexTokens[k][0];
            int b = timexTokens[k][1];
            if (yearModifier(toks, x, a, b) || (a > 0 && STATE_BOUNDS.contains(toks.get(a - 1).norm()))) {
                continue; // "since the spring", "suspend the strike until January 15" bound a state, they date no event
            }
            for (int q = 0; q < found.size(); q++) {
                EventMention e = found.get(q);
                if (region[a] != region[e.from] || e.modifier) {
                    continue;
                }
                int[] clause = clauses[q];
                if (e.rule.strength() != TriggerLexicon.Strength.FRAME && (b <= clause[0] || a >= clause[1])) {
                    continue; // "Talks began in April, after Trump announced tariffs": April dates the talks
                }
                int dist;
                if (e.to <= a) {
                    if (e.rule.strength() == TriggerLexicon.Strength.FRAME && plainWords(toks, e.to, a) > 3
                            && !(toks.get(e.from).norm().equals("according") && attribution(toks, e.to, a))) {
                        continue; // "reported on Saturday" dates the report only when adjacent; but ", according to a
                                  // joint statement from the ports and union on Thursday night" dates its statement
                    }
                    dist = plainWords(toks, e.to, a);
                } else if (e.from >= b) {
                    if (e.rule.strength() == TriggerLexicon.Strength.FRAME && a > 1) {
                        continue; // a reporting verb after the date reports it; the date belongs to the content
                    }
                    dist = plainWords(toks, b, e.from) + (a <= 1 ? 0 : 2) + (crosses(toks, b, e.from) ? 3 : 0);
                    if (x.text().endsWith(" after") || x.text().endsWith(" before")) {
                        continue; // ", a week after police shot": the week is counted from the main event, not this one
                    }
                } else {
                    dist = 0;
                }
                if (dist <= MAX_TIMEX_DISTANCE) {
                    pairs.add(new int[] {dist, k, q});
                }
            }
        }
        pairs.sort((p, r) -> p[0] != r[0] ? Integer.compare(p[0], r[0]) : Integer.compare(p[1], r[1]));
        boolean[] timexUsed = new boolean[timexes.size()];
        for (int[] p : pairs) {
            EventMention e = found.get(p[2]);
            if (timexUsed[p[1]] || e.timexIndex >= 0) {
                continue;
            }
            Timex x = timexes.get(p[1]);
            timexUsed[p[1]] = true;
            e.timexIndex = p[1];
            e.date = x.date().get();
            e.dateSource = EventMention.DateSource.EXPLICIT;
            e.dateRule = "events.date.explicit:" + x.ruleId();
        }
        // nouns right after a verb trigger of the same clause ("reached a truce at Geneva talks") are its setting
        for (EventMention e : found) {
            if (!e.rule.noun()) {
                continue;
            }
            for (EventMention v : found) {
                if (v != e && !v.rule.noun() && v.rule.strength() != TriggerLexicon.Strength.FRAME && v.to <= e.from
                        && e.from - v.to <= 8 && precededBy(toks, e.from, ABSORBING_PREPS, 3)) {
                    e.absorbed = true;
                    if (v.date == null && e.date != null) {
                        v.date = e.date;
                        v.dateSource = e.dateSource;
                        v.dateRule = e.dateRule;
                    }
                }
            }
        }
        // frames lend their date to what they report
        EventMention datedFrame = null;
        boolean hasContent = false;
        for (EventMention e : found) {
            if (e.rule.strength() == TriggerLexicon.Strength.FRAME) {
                if (e.date != null && datedFrame == null) {
                    datedFrame = e;
                }
            } else if (!e.absorbed) {
                hasContent = true;
            }
        }
        Map<Integer, Set<DateValue>> explicitDates = new HashMap<>();
        for (EventMention e : found) {
            if (e.dateSource == EventMention.DateSource.EXPLICIT && e.rule.strength() != TriggerLexicon.Strength.FRAME && !e.rule.noun()) {
                explicitDates.computeIfAbsent(region[e.from], r -> new HashSet<>()).add(e.date);
            }
        }
        List<EventMention> out = new ArrayList<>();
        for (EventMention e : found) {
            if (e.absorbed) {
                continue;
            }
            boolean frame = e.rule.strength() == TriggerLexicon.Strength.FRAME;
            if (frame && e.rule.type() == EventType.REPORT && mentions.stream().noneMatch(m -> m.actor().outlet())) {
                continue; // only a news outlet's dated report is an event
            }
            if (frame && hasContent) {
                // a dated report by a news agency is an event of its own (optional on timelines)
                if (!(e.date != null && e.rule.type() == EventType.REPORT)) {
                    continue;
                }
            }
            if (e.date == null && headingDate != null) {
                e.date = headingDate;
                e.dateSource = EventMention.DateSource.HEADING;
                e.dateRule = "events.date.list-heading";
            }
            if (e.date == null && datedFrame != null && !frame && !(e.rule.noun() && definite(toks, e.from))) {
                // (but "Araqchi said on Sunday that the attack would ...": "the attack" is one told before)
                e.date = datedFrame.date;
                e.dateSource = EventMention.DateSource.REPORTED;
                e.dateRule = "events.date.reporting-verb";
            }
            int content = Clauses.contentClause(toks, e);
            Set<DateValue> clauseDates = new HashSet<>();
            for (EventMention v : found) {
                // not from what the trigger's object promises ("signed a declaration promising to hold talks this
                // year": the talks' year is not the signing's)
                if (v != e && v.dateSource == EventMention.DateSource.EXPLICIT && v.rule.strength() != TriggerLexicon.Strength.FRAME
                        && !v.rule.noun() && region[v.from] == region[e.from] && v.from < content) {
                    clauseDates.add(v.date);
                }
            }
            if (e.date == null && clauseDates.size() == 1 && !e.rule.noun() && e.rule.strength() == TriggerLexicon.Strength.STRONG) {
                e.date = clauseDates.iterator().next();
                e.dateSource = EventMention.DateSource.SENTENCE;
                e.dateRule = "events.date.same-sentence";
            }
            if (e.date == null && !frame && !e.rule.noun()) {
                EventMention head = whenClauseHead(toks, found, e);
                if (head != null) {
                    // "talks began in November, when Kishida visited Manila": the when-clause happened then
                    e.date = head.date;
                    e.dateSource = EventMention.DateSource.SENTENCE;
                    e.dateRule = "events.date.when-clause";
                }
            }
            if (e.date == null && e.rule.noun() && durationBefore(toks, timexes, timexTokens, e.from)) {
                e.date = referenceMonth(reference);
                e.dateSource = EventMention.DateSource.REFERENCE;
                e.dateRule = "events.date.reference-month";
            }
            if (e.date == null) {
                if (e.rule.noun() || frame || e.rule.strength() == TriggerLexicon.Strength.WEAK) {
                    // an undated noun refers back to an event told elsewhere
                    e.anaphor = e.rule.noun();
                    if (!e.anaphor && !heading) {
                        continue;
                    }
                } else if (e.tense.equals("future")) {
                    continue;
                } else if (e.tense.equals("perfect") || e.tense.equals("present")) {
                    e.date = DateValue.ofDay(reference.date());
                    e.dateSource = EventMention.DateSource.REFERENCE;
                    e.dateRule = "events.date.reference-day";
                } else {
                    e.date = referenceMonth(reference);
                    e.dateSource = EventMention.DateSource.REFERENCE;
                    e.dateRule = "events.date.reference-month";
                }
            }
            participants(s, e, mentions, actors, clauses[found.indexOf(e)].clone(), region, quoted);
            if (!speaker(s, e, mentions, actors)) {
                continue;
            }
            e.place = place(text, s, e, blocked, mentions);
            anniversary(s, e, found);
            out.add(e);
        }
        return out;
    }

    /**
     * The explicitly dated event of the main clause when {@code e} sits in a "when" clause right after it ("X began in
     * November last year, when Y visited Manila"); null otherwise. The clause must start at most six words before the
     * trigger, with no other clause break in between.
     */
    private static EventMention whenClauseHead(List<Token> toks, List<EventMention> found, EventMention e) {
        int when = -1;
        boolean after = false;
        for (int i = e.from - 1; i >= 0 && i >= e.from - 7; i--) {
            String w = toks.get(i).norm();
            if (w.equals("when") || w.equals("after")) {
                when = i;
                after = w.equals("after");
                break;
            }
            if (w.equals(";") || w.equals(":") || w.equals("and") || w.equals("but")) {
                return null;
            }
        }
        if (when < 0) {
            return null;
        }
        EventMention best = null;
        for (EventMention v : found) {
            if (v != e && v.to <= when && v.date != null && v.dateSource == EventMention.DateSource.EXPLICIT
                    && v.rule.strength() != TriggerLexicon.Strength.FRAME && (best == null || v.to > best.to)) {
                best = v;
            }
        }
        for (int k = best == null ? when : best.to; k < when; k++) {
            if (toks.get(k).norm().equals("but") || toks.get(k).text().equals(";")) {
                return null; // "Talks began in April but were suspended after the Israeli strikes": not April's
            }
        }
        // "suspended talks in August 2022 after Pelosi visited Taiwan": what came before shares a month or a year,
        // not a day
        if (best != null && after && best.date.precision().rank() < Precision.MONTH.rank()) {
            return null;
        }
        return best;
    }


    /**
     * "the two sides": the two leading countries, or with fewer than two, the leading organizations with them (the
     * United States and the European Union).
     */
    private static List<ActorEntity> sides(ActorAnalysis actors) {
        List<ActorEntity> out = new ArrayList<>(actors.top(ActorKind.COUNTRY, 2));
        for (ActorEntity o : actors.top(ActorKind.ORGANIZATION, 2)) {
            if (out.size() < 2 && o.affiliation() == null) {
                out.add(o);
            }
        }
        return out;
    }

    private static boolean groupNoun(String w) {
        return GROUP_COUNTRY.contains(w) || GROUP_PERSON.contains(w) || GROUP_ORG.contains(w);
    }

    /** "the two sides", "both countries", "the enemy", "the company" between from and to: actors named by group. */
    private static boolean namesGroup(List<Token> toks, int from, int to) {
        for (int i = from; i < Math.min(to, toks.size()); i++) {
            String w = toks.get(i).norm();
            if (w.equals("enemy") || w.equals("company") || ((w.equals("both") || w.equals("two") || w.equals("each"))
                    && i + 1 < toks.size() && groupNoun(toks.get(i + 1).norm()))) {
                return true;
            }
        }
        return false;
    }










    /** "the attack", "this week's meeting", "that summit": a noun that refers to something already told. */
    private static boolean definite(List<Token> toks, int from) {
        for (int k = from - 1; k >= 0 && k >= from - 3; k--) {
            String w = toks.get(k).norm();
            if (w.equals("the") || w.equals("this") || w.equals("that") || w.equals("these") || w.equals("those")) {
                return true;
            }
            if (w.equals("a") || w.equals("an") || !toks.get(k).isWord()) {
                return false;
            }
        }
        return false;
    }

    /** "withdrew the bill on June 26 and dismissed": a conjunction between a date and a later trigger. */
    /** The words between "according to" and a date are one noun phrase: no clause starts and no comma. */
    private static boolean attribution(List<Token> toks, int from, int to) {
        if (to - from > 12) {
            return false;
        }
        for (int k = from; k < to; k++) {
            String w = toks.get(k).norm();
            if (w.equals(",") || w.equals(";") || w.equals(":") || w.equals("that") || w.equals("which") || w.equals("who")
                    || w.equals("when") || w.equals("after") || w.equals("before")) {
                return false;
            }
        }
        return true;
    }

    private static boolean crosses(List<Token> toks, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = toks.get(k).norm();
            if (w.equals("and") || w.equals("but") || w.equals("or")) {
                return true;
            }
        }
        return false;
    }

    /** Distance in lower-case words: names and punctuation between a trigger and its date do not count. */
    private static int plainWords(List<Token> toks, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            Token t = toks.get(k);
            if (t.isWord() && !t.capitalized()) {
                n++;
            }
        }
        return n;
    }

    /** "Office Depot's 2014 US revenue": a bare year before a noun qualifies it and dates no event. */
    private static boolean yearModifier(List<Token> toks, Timex x, int at, int after) {
        if (!x.text().matches("\\d{4}") || after >= toks.size()) {
            return false;
        }
        if (at > 0 && YEAR_PREPOSITIONS.contains(toks.get(at - 1).norm())) {
            return false; // "bought CA Technologies in 2018 for $18.9 billion": a date, whatever follows
        }
        Token next = toks.get(after);
        return next.isWord() && Character.isLetter(next.text().charAt(0)) && !NOT_AFTER_A_YEAR_MODIFIER.contains(next.norm());
    }

    /**
     * The date an event is held at for a time expression: a week ("last week", "the week of Sept. 12") names no day
     * of the event, so the event holds the week's month, or its year when the week straddles two months; the week
     * itself stays on the time expression, and events are told apart by it before they are reported (a call on
     * June 5 is not the talks of the week of June 9).
     */
    public static DateValue heldAt(DateValue d) {
        if (d.precision() != Precision.WEEK) {
            return d;
        }
        DateValue held;
        if (d.start().getYear() != d.end().getYear()) {
            return d;
        } else if (d.start().getMonthValue() == d.end().getMonthValue()) {
            held = DateValue.ofMonth(java.time.YearMonth.from(d.start()));
        } else {
            held = DateValue.ofYear(d.start().getYear());
        }
        return held.withApproximate(d.approximate());
    }

    private static DateValue referenceMonth(ReferenceTime reference) {
        return DateValue.ofMonth(YearMonth.from(reference.date())).withApproximate(true);
    }

    private static boolean precededBy(List<Token> toks, int i, Set<String> words, int window) {
        for (int k = i - 1; k >= Math.max(0, i - window); k--) {
            if (words.contains(toks.get(k).norm())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAnniversaryContext(List<Token> toks, int timexStart) {
        return false;
    }

    /** "three-day visit", "two days of talks". */
    private static boolean durationBefore(List<Token> toks, List<Timex> timexes, int[][] timexTokens, int from) {
        for (int k = 0; k < timexes.size(); k++) {
            if (timexes.get(k).type() != TimexType.DURATION || timexTokens[k] == null) {
                continue;
            }
            int b = timexTokens[k][1];
            if (b == from || (b + 1 == from && toks.get(b).norm().equals("of"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Read off the parse, a trigger that names nothing that happened: a gerund with an object ("capable of meeting a
     * variety of contingencies"), an event noun that is only possible or feared ("the possibility of a ground
     * assault", {@code events/unreal.tsv}) or the subject of a modal verb ("air strikes could harm relations"), and a
     * present-tense verb in a clause of condition or time, which tells of the future ("until Annan visits Baghdad",
     * "if the talks fail"). An event noun that modifies another noun ("bombing victims") is marked: it takes no date
     * from its sentence.
     */
    private boolean unreal(Sentence s, EventMention e) {
        if (!s.parsed() || e.from >= s.parse().size()) {
            return false;
        }
        Parse p = s.parse();
        int k = e.to - 1; // the head of a multi-word form is its last word ("air strikes"), of a verb form its first
        int v = e.from;
        if (e.rule.noun()) {
            if (p.tag(e.from).equals("VBG") && p.dependent(e.from, Set.of("dobj")) >= 0) {
                return true;
            }
            int h = p.head(k);
            if (h >= 0 && p.label(k).equals("pobj") && p.lemma(h).equals("of") && p.head(h) >= 0
                    && lexicon.unrealHead(p.lemma(p.head(h)))) {
                return true;
            }
            if (h >= 0 && p.label(k).equals("nsubj") && modal(s, p, h)) {
                return true;
            }
            if (h >= 0 && p.label(k).equals("dobj") && habitual(p, h)) {
                return true; // "a former prisoner who leads anti-Orange protests": what someone does, not what happened
            }
            if (Set.of("nn", "compound").contains(p.label(k)) && h > k && p.tag(h).startsWith("NN")) {
                e.modifier = true;
            }
            return false;
        }
        if (habitual(p, v)) {
            return true; // "a group that protests every week"
        }
        int clause = p.label(v).equals("conj") && p.head(v) >= 0 && p.verb(p.head(v)) ? p.head(v) : v; // "if ... indicted and convicted"
        return lexicon.unrealClause(s, p, clause, v);
    }

    /** A simple present in a relative clause tells a habit or a standing fact ("who leads protests", "which meets monthly"). */
    private static boolean habitual(Parse p, int verb) {
        return p.label(verb).equals("relcl") && (p.tag(verb).equals("VBZ") || p.tag(verb).equals("VBP"));
    }

    private static boolean modal(Sentence s, Parse p, int verb) {
        for (int d : p.dependents(verb)) {
            if (p.label(d).equals("aux") && Set.of("could", "would", "might", "may", "should").contains(s.tokens().get(d).norm())) {
                return true;
            }
        }
        return false;
    }

    private List<EventMention> triggers(Sentence s, boolean[] blocked) {
        List<Token> toks = s.tokens();
        int n = toks.size();
        List<EventMention> out = new ArrayList<>();
        for (int i = 0; i < n; ) {
            if (blocked[i]) {
                i++;
                continue;
            }
            List<TriggerLexicon.Form> forms = lexicon.forms(toks.get(i).norm());
            TriggerLexicon.Form chosen = null;
            TriggerLexicon.Form alternative = null;
            for (TriggerLexicon.Form f : forms) {
                if (!matches(toks, blocked, i, f.tokens())) {
                    continue;
                }
                if (!f.rule().requires().isEmpty() && !requiresMet(toks, i, i + f.tokens().length, f.rule())) {
                    continue;
                }
                if (chosen == null) {
                    chosen = f;
                } else if (alternative == null && f.tokens().length == chosen.tokens().length
                        && f.rule().noun() != chosen.rule().noun() && f.rule().requires().isEmpty() && chosen.rule().requires().isEmpty()) {
                    alternative = f;
                }
            }
            if (chosen == null) {
                i++;
                continue;
            }
            if (alternative != null) {
                // the same word as noun and verb ("visit", "talks", "attack"): decided by the language layer's tag,
                // or without a parse by the word before it
                boolean verb = s.parsed() && i < s.parse().size() ? s.parse().tag(i).startsWith("VB") : verbContext(toks, i);
                if (chosen.rule().noun() == verb) {
                    chosen = alternative;
                }
            }
            if (!chosen.rule().noun() && i > 0 && Set.of("those", "the", "of", "a", "an").contains(toks.get(i - 1).norm())
                    && chosen.tokens().length == 1) {
                i++;
                continue; // "the bodies of those killed": a participle used as a noun
            }
            // a noun right next to a verb of the same type is one mention ("Fighting flared")
            int len = chosen.tokens().length;
            if (!out.isEmpty()) {
                EventMention prev = out.get(out.size() - 1);
                if (prev.to == i && prev.rule.type() == chosen.rule().type()) {
                    if (prev.rule.noun() && !chosen.rule().noun()) {
                        out.set(out.size() - 1, new EventMention(s, prev.from, i + len, chosen.rule()));
                    }
                    i += len;
                    continue;
                }
            }
            out.add(new EventMention(s, i, i + len, chosen.rule()));
            i += len;
        }
        return out;
    }

    private static final Set<String> NOUN_BEFORE = Set.of("the", "a", "an", "their", "his", "her", "its", "our", "your",
            "my", "this", "that", "these", "those", "of", "in", "during", "for", "at", "after", "following", "before", "two",
            "three", "new", "more", "further", "'s", "on", "with", "from", "by", "first", "second", "last", "next", "and", "or",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "week", "weekend");
    private static final Set<String> VERB_BEFORE = Set.of("to", "will", "would", "shall", "can", "could", "may", "might",
            "must", "should", "did", "does", "do", "who", "which", "that", "he", "she", "they", "we", "i", "it", "also", "not",
            "never", "often", "has", "have", "had", "is", "are", "was", "were");

    /**
     * Verb or noun reading of a word that can be both ("visit", "talks", "protests"), from the word before it: a
     * determiner, preposition or possessive makes a noun; a modal, pronoun, auxiliary or a name (its subject) a verb.
     * A rule instead of the POS tagger keeps extraction within its time budget.
     */
    static boolean verbContext(List<Token> toks, int i) {
        if (i == 0) {
            return false;
        }
        Token prev = toks.get(i - 1);
        String p = prev.norm();
        if (NOUN_BEFORE.contains(p)) {
            return false;
        }
        if (VERB_BEFORE.contains(p) || p.endsWith("ly")) {
            return true;
        }
        return prev.capitalized() && prev.isWord();
    }

    private static boolean matches(List<Token> toks, boolean[] blocked, int i, String[] form) {
        if (i + form.length > toks.size()) {
            return false;
        }
        for (int k = 0; k < form.length; k++) {
            if (blocked[i + k] || !toks.get(i + k).norm().equals(form[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean requiresMet(List<Token> toks, int from, int to, TriggerLexicon.Rule rule) {
        Set<String> requires = rule.requires();
        int a = Math.max(0, from - rule.before());
        int b = Math.min(toks.size(), to + rule.after());
        for (int k = a; k < b; k++) {
            if (k >= from && k < to) {
                continue;
            }
            if (requires.contains(toks.get(k).norm())) {
                return true;
            }
        }
        return false;
    }

    private String tense(Sentence s, EventMention e) {
        List<Token> toks = s.tokens();
        for (int k = e.from - 1; k >= Math.max(0, e.from - 3); k--) {
            String w = lexicon.tense(toks.get(k).norm());
            if (w == null || w.equals("pastform") || w.equals("condition") || w.equals("time-clause")) {
                continue; // conditions and time clauses are read off the parse (unreal)
            }
            if (w.equals("perfect") && k + 1 < toks.size() && Set.of("a", "an", "the", "their", "his", "her").contains(toks.get(k + 1).norm())) {
                continue; // "would have a meeting": have is the main verb
            }
            if (w.equals("future") && toks.get(k).norm().equals("to") && k > 0) {
                String before = toks.get(k - 1).norm();
                if (before.equals("agreed") || before.equals("went") || before.equals("came")) {
                    continue;
                }
            }
            return w;
        }
        String f = toks.get(e.from).norm();
        if (e.rule.noun()) {
            return "past";
        }
        if (f.endsWith("ed") || "pastform".equals(lexicon.tense(f))) {
            return "past";
        }
        if (f.endsWith("s") && !f.endsWith("ss")) {
            return "present";
        }
        return "past";
    }

    // ------------------------------------------------------------------------------------------- participants, place

    /**
     * A statement is made by the subject of its verb ("Speaking at a news conference with Sarkozy, Saakashvili
     * welcomed the plan" is Saakashvili's), not by whoever is named near it; a subject that names no actor ("The
     * panel of judges denied the appeal") leaves the statement without a named speaker, and then it is none. Where the
     * sentence has no parse or the verb no subject, the words around the trigger stand.
     *
     * @return false when the mention is to be dropped
     */
    private static boolean speaker(Sentence s, EventMention e, List<ActorMention> mentions, ActorAnalysis actors) {
        if (e.rule.type() != EventType.STATEMENT || e.rule.noun() || !s.parsed()) {
            return true;
        }
        Parse p = s.parse();
        int v = e.from;
        if (!p.verb(v) || p.dependent(v, Set.of("nsubjpass", "auxpass")) >= 0) {
            return true;
        }
        int subj = p.dependent(v, Set.of("nsubj"));
        if (subj < 0) {
            return true;
        }
        ActorEntity who = ParseFrames.actorOf(s, p, subj, mentions);
        if (who == null && PERSONAL.contains(s.tokens().get(subj).norm())) {
            who = lastPerson(s, actors); // "She also denied accusations made by Amir's brother": the woman just named
        }
        List<ActorEntity> speakers = who != null ? List.of(who) : ParseFrames.countriesOf(s, p, subj, mentions);
        if (!speakers.isEmpty()) {
            who = speakers.get(0); // "the Cypriot government", "a U.S. official", "the leaders of North and South Korea"
        }
        if (who == null || who.outlet()) {
            // "the panel of judges denied", "Kopp's stepmother said": a common noun that names nobody; a name the
            // recognizer did not take or a pronoun leaves the words around the trigger to decide
            Token head = s.tokens().get(subj);
            return who == null && (head.capitalized() || p.tag(subj).startsWith("PRP") || p.tag(subj).startsWith("W"));
        }
        if (Commentators.is(who)) {
            return false; // "said Erik Gordon, a professor at the Ross School of Business": commentary, no event
        }
        if (e.agents.size() == speakers.size() && e.agents.containsAll(speakers)) {
            return true;
        }
        e.agents.clear();
        e.agents.addAll(speakers);
        Set<ActorEntity> keep = new LinkedHashSet<>(speakers);
        for (ActorEntity aff = who.affiliation(); aff != null && keep.size() < 4; aff = aff.affiliation()) {
            if (aff.kind() == ActorKind.COUNTRY) {
                keep.add(aff);
            }
        }
        keep.addAll(e.patients);
        e.participants.retainAll(keep);
        e.participants.addAll(keep);
        return true;
    }

    private static final Set<String> PERSONAL = Set.of("he", "she");

    /**
     * The person "he" or "she" opening a sentence most likely means: the first person named in the sentence before
     * (its subject, as a rule), else in the one before that; null when neither names a person.
     */
    private static ActorEntity lastPerson(Sentence s, ActorAnalysis actors) {
        for (int k = s.index() - 1; k >= Math.max(0, s.index() - 2); k--) {
            for (ActorMention m : actors.inSentence(k)) {
                if (m.actor().kind() == ActorKind.PERSON && m.use() != ActorMention.Use.PLACE && !m.actor().outlet()) {
                    return m.actor();
                }
            }
        }
        return null;
    }

    private void participants(Sentence s, EventMention e, List<ActorMention> mentions, ActorAnalysis actors,
                              int[] clause, int[] region, boolean[] quoted) {
        if ((clause[0] > 0 || clause[1] < s.tokens().size()) && !namesGroup(s.tokens(), clause[0], clause[1])
                && mentions.stream().noneMatch(m -> m.use() != ActorMention.Use.PLACE && m.from() >= clause[0] && m.to() <= clause[1])) {
            // "..., following two days of talks in London", "Negotiations began in November, when Kishida visited":
            // a clause that names nobody is about the sentence's actors
            clause[0] = 0;
            clause[1] = s.tokens().size();
        }
        int own = region[e.from];
        boolean passive = !e.rule.noun() && Clauses.passive(s.tokens(), e.from);
        e.passive = passive;
        for (ActorMention m : mentions) {
            if (m.use() == ActorMention.Use.PLACE) {
                continue;
            }
            if (m.to() <= clause[0] || m.from() >= clause[1]) {
                continue; // "..., as both nations confront an increasingly assertive China": the setting, not a party
            }
            if (quoted[m.from()] && !quoted[e.from]) {
                continue; // "'... that Putin's not behind,' Biden told reporters": the quote's names did not speak
            }
            int theirs = region[m.from()];
            boolean antecedent = own > 0 && theirs == 0 && m.to() < s.tokens().size() && region[m.to() + 1] == own;
            if (theirs != own && !antecedent) {
                continue; // "charged Collor in 2015 ..., which also led to the arrest of Lula": Lula is the clause's
            }
            if (!m.actor().outlet()) {
                boolean before = m.to() <= e.from;
                boolean after = m.from() >= e.to;
                if (passive && after && m.from() > 0 && s.tokens().get(m.from() - 1).norm().equals("by")) {
                    e.agents.add(m.actor());
                } else if (before) {
                    (passive ? e.patients : e.agents).add(m.actor());
                } else if (after && !passive && m.from() - e.to <= 6) {
                    e.patients.add(m.actor()); // near the trigger: its object, not an actor of a later phrase
                }
            }
            ActorEntity a = m.actor();
            if (a.outlet()) {
                e.sources.add(a);
                continue;
            }
            e.participants.add(a);
        }
        List<Token> toks = s.tokens();
        for (int i = clause[0]; i + 1 < Math.min(toks.size(), clause[1]); i++) {
            String w = toks.get(i).norm();
            if (!(w.equals("both") || w.equals("two") || w.equals("each"))) {
                continue;
            }
            for (int k = i + 1; k < Math.min(toks.size(), i + 3); k++) {
                String h = toks.get(k).norm();
                if (GROUP_COUNTRY.contains(h)) {
                    e.participants.addAll(sides(actors));
                } else if (GROUP_PERSON.contains(h)) {
                    e.participants.addAll(actors.topLeaders(2));
                } else if (GROUP_ORG.contains(h)) {
                    e.participants.addAll(actors.top(ActorKind.ORGANIZATION, 2));
                } else if (h.equals("other") && w.equals("each")) {
                    e.participants.addAll(actors.top(ActorKind.COUNTRY, 2));
                }
            }
            if ((w.equals("both") && (i + 1 >= toks.size() || toks.get(i + 1).norm().equals("sides")))) {
                e.participants.addAll(actors.top(ActorKind.COUNTRY, 2));
            }
        }
        for (Token tok : toks) {
            if (tok.norm().equals("enemy")) {
                // "the enemy fired": the other side of a two-sided conflict
                e.participants.addAll(actors.top(ActorKind.COUNTRY, 2));
                break;
            }
        }
        for (int i = 0; i + 1 < toks.size(); i++) {
            if (toks.get(i).norm().equals("the") && toks.get(i + 1).norm().equals("company")) {
                e.participants.addAll(actors.top(ActorKind.ORGANIZATION, 1));
            }
        }
        // a person acts for the body or country they belong to
        for (ActorEntity a : new ArrayList<>(e.participants)) {
            ActorEntity aff = a.affiliation();
            int guard = 0;
            while (aff != null && guard++ < 3) {
                if (aff.kind() == ActorKind.COUNTRY) {
                    e.participants.add(aff);
                }
                aff = aff.affiliation();
            }
        }
        if (e.participants.isEmpty()) {
            // "a drone struck a market in El Obeid, Sudan": the country where it happened
            for (ActorMention m : mentions) {
                if (m.use() == ActorMention.Use.PLACE && m.actor().kind() == ActorKind.COUNTRY) {
                    e.participants.add(m.actor());
                }
            }
        }
        if (e.rule.type() == EventType.REPORT) {
            // a report's actor is the outlet that reports
            e.participants.clear();
            e.participants.addAll(e.sources);
            e.agents.clear();
            e.agents.addAll(e.sources);
            e.patients.clear();
        }
    }

    private static Place place(AnalyzedText text, Sentence s, EventMention e, boolean[] blocked, List<ActorMention> mentions) {
        List<Token> toks = s.tokens();
        Place first = null;
        for (int i = 0; i + 1 < toks.size(); i++) {
            if (!PLACE_PREPS.contains(toks.get(i).norm())) {
                continue;
            }
            int a = i + 1;
            if (toks.get(a).norm().equals("the") && a + 1 < toks.size()) {
                a++;
            }
            ActorMention m = null;
            for (ActorMention am : mentions) {
                if (am.from() == a) {
                    m = am;
                }
            }
            int b = a;
            if (m != null) {
                if (m.use() != ActorMention.Use.PLACE) {
                    continue;
                }
                b = m.to();
            } else {
                while (b < toks.size() && toks.get(b).capitalized() && toks.get(b).isWord() && !blocked[b]) {
                    b++;
                }
            }
            if (b == a) {
                continue;
            }
            Token ta = toks.get(a);
            Token tb = toks.get(b - 1);
            Place p = new Place(text.text().substring(ta.start(), tb.end()), ta.start(), tb.end());
            if (i >= e.to) {
                return p;
            }
            if (first == null) {
                first = p;
            }
        }
        return first;
    }

    /** "coincided with the first anniversary of the summit": the summit is N years before the anchoring event. */
    private static void anniversary(Sentence s, EventMention e, List<EventMention> found) {
        List<Token> toks = s.tokens();
        for (int i = 1; i + 2 < toks.size(); i++) {
            if (!toks.get(i).norm().equals("anniversary") || !toks.get(i + 1).norm().equals("of")) {
                continue;
            }
            String ord = toks.get(i - 1).norm();
            if (!ORDINALS.contains(ord)) {
                continue;
            }
            int years = ordinal(ord);
            if (e.from > i + 1 && e.from - (i + 1) <= 8) {
                for (EventMention other : found) {
                    if (other != e && other.to <= i - 1 && other.rule.strength() != TriggerLexicon.Strength.FRAME) {
                        e.anniversaryAnchor = other;
                        e.anniversaryYears = years;
                    }
                }
                if (e.anniversaryAnchor == null && e.date != null && e.dateSource == EventMention.DateSource.EXPLICIT) {
                    // "marked the first anniversary of Russia's invasion on Friday": Friday is the anniversary; the
                    // invasion is that day a year before
                    e.date = yearsBefore(e.date, years);
                    e.dateRule = e.dateRule + "+events.date.anniversary-of";
                }
            }
        }
    }

    private static DateValue yearsBefore(DateValue d, int years) {
        LocalDate start = d.start().minusYears(years);
        return switch (d.precision()) {
            case DAY -> DateValue.ofDay(start);
            case MONTH -> DateValue.ofMonth(YearMonth.from(start));
            case YEAR -> DateValue.ofYear(start.getYear());
            default -> d;
        };
    }

    private static int ordinal(String w) {
        return switch (w) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            case "fourth", "4th" -> 4;
            case "fifth", "5th" -> 5;
            case "sixth", "6th" -> 6;
            case "seventh", "7th" -> 7;
            case "eighth", "8th" -> 8;
            case "ninth", "9th" -> 9;
            case "tenth", "10th" -> 10;
            case "20th" -> 20;
            case "25th" -> 25;
            case "50th" -> 50;
            default -> 100;
        };
    }

    // ------------------------------------------------------------------------------------------- merging

    private List<EventGroup> merge(List<EventMention> mentions) {
        List<EventGroup> groups = new ArrayList<>();
        List<EventMention> later = new ArrayList<>();
        for (EventMention m : mentions) {
            if (m.heading || m.anaphor) {
                later.add(m);
                continue;
            }
            EventGroup target = null;
            for (int k = groups.size() - 1; k >= 0; k--) {
                EventGroup g = groups.get(k);
                if (compatible(g, m)) {
                    target = g;
                    break;
                }
            }
            if (target == null) {
                target = new EventGroup();
                groups.add(target);
            }
            add(target, m);
        }
        // undated nouns and headings only join an event told elsewhere
        for (EventMention m : later) {
            EventGroup best = null;
            int bestShared = -1;
            for (EventGroup g : groups) {
                if (!g.type.family().equals(m.rule.type().family())) {
                    continue;
                }
                // "The meeting coincided with ... the summit": a definite noun points back, not to its own sentence
                boolean before = g.mentions.get(0).sentence.index() < m.sentence.index() || m.heading;
                if (!before) {
                    continue;
                }
                // "their talks on Friday" cannot be last year's summit: a dated anaphor keeps to its date
                if (m.date != null && !m.heading && !datesCompatible(g.date, g.dateSource, m.date, m.dateSource)) {
                    continue;
                }
                int shared = overlap(g.participants, m.participants);
                if (m.participants.isEmpty() || shared > 0) {
                    // the happening that shares most of the named actors; among equals the one told last before
                    // this sentence (or, for a heading, the one told most)
                    boolean better = best == null || shared > bestShared
                            || (shared == bestShared && (m.heading ? g.mentions.size() > best.mentions.size()
                            : lastBefore(g, m) >= lastBefore(best, m)));
                    if (better) {
                        best = g;
                        bestShared = shared;
                    }
                }
            }
            if (best != null) {
                best.mentions.add(m);
                if (m.date == null) {
                    // keep the anchor for anniversaries
                    m.date = best.date;
                }
                if (best.place == null) {
                    best.place = m.place;
                }
            }
        }
        return groups;
    }

    /** The index of the group's last sentence before the mention's, or -1. */
    private static int lastBefore(EventGroup g, EventMention m) {
        int last = -1;
        for (EventMention x : g.mentions) {
            int i = x.sentence.index();
            if (i < m.sentence.index() && i > last) {
                last = i;
            }
        }
        return last;
    }

    private static boolean compatible(EventGroup g, EventMention m) {
        boolean sameFamily = g.type.family().equals(m.rule.type().family());
        if (!sameFamily) {
            // a dated noun ("the Geneva talks last month") may name the happening a verb told ("reached a truce")
            boolean nominal = m.rule.noun() || g.mentions.stream().allMatch(x -> x.rule.noun());
            if (!(nominal && g.date != null && m.date != null && g.date.equals(m.date)
                    && overlap(g.participants, m.participants) > 0 && encounterAgreement(g.type, m.rule.type()))) {
                return false;
            }
        }
        if (!datesCompatible(g.date, g.dateSource, m.date, m.dateSource)) {
            return false;
        }
        if (elsewhere(g, m)) {
            return false; // "the car bomb at the embassy in Nairobi ...", "a car bombing outside the embassy in Tanzania ...": two
        }
        if (sameFamily && g.type != m.rule.type() && !g.type.family().equals("agreement")
                && (m.dateSource == EventMention.DateSource.REFERENCE || g.dateSource == EventMention.DateSource.REFERENCE)) {
            return false; // an undated "fired" told in a quote is not the dated "missile struck" of another sentence
        }
        if (g.participants.isEmpty() || m.participants.isEmpty()) {
            return false;
        }
        int common = overlap(g.participants, m.participants);
        int union = g.participants.size() + m.participants.size() - common;
        if (common == 0) {
            return false;
        }
        boolean subset = common == Math.min(g.participants.size(), m.participants.size());
        return subset || common * 2 >= union;
    }

    /**
     * Do the mention and the group name different places for what they tell, each by a verb of its own? A verb's place
     * is where it happened; two verbs of one type and day in places that share no word are two happenings (a noun
     * may be told at another place: "the attack on Kyiv", later "the attack, in the capital").
     */
    private static boolean elsewhere(EventGroup g, EventMention m) {
        if (m.place == null || m.rule.noun()) {
            return false;
        }
        for (EventMention x : g.mentions) {
            if (x.place != null && !x.rule.noun() && x.place.name() != null && m.place.name() != null
                    && java.util.Collections.disjoint(placeWords(x.place.name()), placeWords(m.place.name()))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> placeWords(String place) {
        Set<String> out = new HashSet<>();
        for (String w : place.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() > 2 && !w.equals("the")) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean encounterAgreement(EventType a, EventType b) {
        // talks end in agreements; summits and visits are events of their own
        return (a == EventType.NEGOTIATION && b.family().equals("agreement")) || (b == EventType.NEGOTIATION && a.family().equals("agreement"));
    }

    private static boolean datesCompatible(DateValue a, EventMention.DateSource sa, DateValue b, EventMention.DateSource sb) {
        if (a == null || b == null) {
            return true;
        }
        if (a.overlaps(b)) {
            return true;
        }
        boolean hardA = sa == EventMention.DateSource.EXPLICIT || sa == EventMention.DateSource.HEADING;
        boolean hardB = sb == EventMention.DateSource.EXPLICIT || sb == EventMention.DateSource.HEADING;
        if (hardA && hardB) {
            return false;
        }
        // a reported or reference date is an upper bound: the happening came shortly before it
        DateValue hard = hardA ? a : b;
        DateValue soft = hardA ? b : a;
        if (!hardA && !hardB) {
            hard = a.start().isBefore(b.start()) ? a : b;
            soft = hard == a ? b : a;
        }
        if (soft.precision() != Precision.DAY) {
            return false; // a month-wide fallback already covers "shortly before"; outside it nothing is known
        }
        return !hard.start().isAfter(soft.end()) && ChronoUnit.DAYS.between(hard.end(), soft.start()) <= 3;
    }

    private static int overlap(Set<ActorEntity> a, Set<ActorEntity> b) {
        int n = 0;
        for (ActorEntity x : a) {
            if (b.contains(x)) {
                n++;
            }
        }
        return n;
    }

    private static void add(EventGroup g, EventMention m) {
        g.mentions.add(m);
        if (g.type == null || (g.mentions.stream().allMatch(x -> x == m || x.rule.noun()) && !m.rule.noun() && g.mentions.size() > 1)) {
            g.type = m.rule.type();
        }
        if (better(m.date, m.dateSource, g.date, g.dateSource)) {
            g.date = m.date;
            g.dateSource = m.dateSource;
            g.dateRule = m.dateRule;
        }
        if (g.place == null || (!m.rule.noun() && m.place != null && g.mentions.stream().allMatch(x -> x == m || x.rule.noun()))) {
            g.place = m.place;
        }
        g.participants.addAll(m.participants);
        g.sources.addAll(m.sources);
        boolean mTellsBoth = !m.agents.isEmpty() && !m.patients.isEmpty();
        boolean gTellsBoth = !g.agents.isEmpty() && !g.patients.isEmpty();
        boolean gActsTogether = g.agents.size() >= 2;
        if ((g.roleMention == null && (!m.agents.isEmpty() || !m.patients.isEmpty())) || (mTellsBoth && !gTellsBoth && !gActsTogether)) {
            g.patients.clear();
            g.agents.clear();
            g.agents.addAll(m.agents);
            g.patients.addAll(m.patients);
            g.roleMention = m;
        }
        g.planned |= m.tense.equals("future");
    }

    private static boolean better(DateValue d, EventMention.DateSource s, DateValue cur, EventMention.DateSource curSource) {
        if (d == null) {
            return false;
        }
        if (cur == null) {
            return true;
        }
        if (s.ordinal() != curSource.ordinal()) {
            return s.ordinal() < curSource.ordinal();
        }
        return d.precision().rank() < cur.precision().rank();
    }

    private static void anniversaries(List<EventGroup> groups) {
        for (EventGroup g : groups) {
            for (EventMention m : g.mentions) {
                if (m.anniversaryAnchor == null) {
                    continue;
                }
                EventGroup anchor = groupOf(groups, m.anniversaryAnchor);
                if (anchor == null || anchor.date == null || anchor.date.precision() != Precision.DAY) {
                    continue;
                }
                LocalDate day = anchor.date.start().minusYears(m.anniversaryYears);
                if (g.date == null || (g.date.precision().rank() > Precision.DAY.rank() && !day.isBefore(g.date.start()) && !day.isAfter(g.date.end()))) {
                    g.date = DateValue.ofDay(day);
                    g.dateSource = EventMention.DateSource.EXPLICIT;
                    g.dateRule = "events.date.anniversary";
                }
            }
        }
    }

    private static EventGroup groupOf(List<EventGroup> groups, EventMention m) {
        for (EventGroup g : groups) {
            if (g.mentions.contains(m)) {
                return g;
            }
        }
        return null;
    }












    static Set<ActorEntity> copy(Set<ActorEntity> s) {
        return new LinkedHashSet<>(s);
    }

    /** The event's title (see {@link EventTitles}). */
    public String title(EventGroup g) {
        return titles.title(g);
    }
}
