package news.timeline.extraction.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import news.timeline.extraction.ActorKind;
import news.timeline.extraction.EventType;
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
import news.timeline.extraction.text.DataTable;
import news.timeline.extraction.text.Parse;
import news.timeline.extraction.text.Sentence;
import news.timeline.extraction.text.Token;

/**
 * Events read off the dependency parse ({@code extraction/en/events/frames.tsv}): a listed verb with a named actor as
 * its subject. Today's frames are statements, which the token-window rules keep only when dated and alone: "Kibaki
 * says ...", "'...,' said He Yafei", "the Equality Campaign says", "Trump tells reporters". One event per speaker and
 * date, however many sentences quote them; the quotes are its sources.
 */
public final class ParseFrames {

    /**
     * A frame: the rule its events carry (id and type; its verbs index it), whether it reports speech (undated speech is told on the narrative's day,
     * one event per speaker) and the nouns one of which its object must be, when any ("seize power").
     */
    record Frame(TriggerLexicon.Rule rule, boolean speech, Set<String> objects, boolean objectActor) {
        EventType type() {
            return rule.type();
        }
    }

    private static final Set<String> SUBJECT = Set.of("nsubj", "agent");
    private static final Set<String> OBJECT = Set.of("dobj", "iobj");
    private static final Set<String> CLAUSE = Set.of("ccomp", "xcomp", "parataxis", "advcl", "relcl", "acl", "conj", "csubj");
    private static final Set<String> HYPOTHETICAL = Set.of("would", "could", "might", "may", "should", "must", "can");
    private static final Set<String> FUTURE = Set.of("will", "shall", "'ll");
    private static final Set<String> PLANNING = Set.of("due", "set", "expect", "plan", "schedule", "intend", "aim", "prepare", "go");

    private final Map<String, List<Frame>> byLemma = new HashMap<>();
    /** The trigger rules' lexicon, for the words that open a condition or a clause of time. */
    private final TriggerLexicon lexicon;

    private ParseFrames(TriggerLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public static ParseFrames english(TriggerLexicon lexicon) {
        ParseFrames f = new ParseFrames(lexicon);
        Set<String> ids = new HashSet<>();
        for (DataTable.Row r : DataTable.read(TriggerLexicon.DIR + "frames.tsv", 6)) {
            String id = "events.frame." + r.cell(0);
            if (!ids.add(id)) {
                throw r.error("duplicate frame id " + id);
            }
            EventType type = TriggerLexicon.eventType(r, 1);
            List<String> lemmas = DataTable.list(r.cell(2));
            if (lemmas.isEmpty()) {
                throw r.error("no verb lemmas");
            }
            String kind = r.cell(3);
            if (!kind.equals("speech") && !kind.equals("happening")) {
                throw r.error("kind must be speech or happening, not '" + kind + "'");
            }
            Set<String> objects = new HashSet<>(DataTable.list(r.cell(4)));
            boolean objectActor = objects.remove("@actor");
            String example = r.cell(5).toLowerCase(Locale.ROOT);
            if (lemmas.stream().noneMatch(l -> example.contains(l.substring(0, Math.max(3, l.length() - 1))))) {
                throw r.error("example does not contain any verb of frame " + id);
            }
            Frame frame = new Frame(new TriggerLexicon.Rule(id, type, false, TriggerLexicon.Strength.STRONG, Set.of(), 0, 0),
                    kind.equals("speech"), Set.copyOf(objects), objectActor);
            for (String l : lemmas) {
                f.byLemma.computeIfAbsent(l, k -> new ArrayList<>()).add(frame);
            }
        }
        return f;
    }

    /** Adds to {@code groups} the frame events the trigger rules did not find. */
    public void extract(AnalyzedText text, List<Timex> timexes, ActorAnalysis actors, ReferenceTime reference,
                        List<EventGroup> groups) {
        Map<Integer, List<EventGroup>> bySentence = new HashMap<>();
        for (EventGroup g : groups) {
            for (EventMention m : g.mentions()) {
                bySentence.computeIfAbsent(m.sentence().index(), k -> new ArrayList<>()).add(g);
            }
        }
        Map<ActorEntity, Map<String, EventGroup>> made = new IdentityHashMap<>();
        DateValue leadDay = leadDay(text, timexes, reference);
        for (Sentence s : text.sentences()) {
            if (!s.parsed() || s.tokens().size() < 4 || ActorRecognizer.titleCase(s)) {
                continue;
            }
            Parse p = s.parse();
            List<ActorMention> mentions = actors.inSentence(s.index());
            if (mentions.isEmpty()) {
                continue;
            }
            for (int v = 0; v < p.size(); v++) {
                List<Frame> candidates = p.verb(v) ? byLemma.get(p.lemma(v)) : null;
                if (candidates == null || negated(p, v) || hypothetical(s, p, v)) {
                    continue;
                }
                int top = clauseTop(p, v);
                boolean passive = p.dependent(v, Set.of("nsubjpass", "auxpass")) >= 0;
                int obj = passive ? p.dependent(v, Set.of("nsubjpass")) : p.dependent(v, OBJECT); // "the bill was passed"
                Frame frame = null;
                for (Frame f : candidates) {
                    if (f.objects().isEmpty() || obj >= 0 && f.objects().contains(p.lemma(obj))) {
                        frame = f;
                        break;
                    }
                }
                if (frame == null) {
                    continue;
                }
                int subj = p.dependent(v, passive ? Set.of("agent") : SUBJECT);
                if (subj >= 0 && p.label(subj).equals("agent")) {
                    subj = p.dependent(subj, Set.of("pobj"));
                }
                if (subj < 0 && top != v) {
                    subj = p.dependent(top, Set.of("nsubj", "nsubjpass")); // "Kim is due to visit ..."
                }
                ActorEntity actor = subj < 0 ? null : actorOf(s, p, subj, mentions);
                int patientHead = passive ? p.dependent(v, Set.of("nsubjpass")) : obj;
                ActorEntity target = patientHead < 0 ? null : actorOf(s, p, patientHead, mentions);
                if (frame.speech()) {
                    if (participleAdjunct(p, v)) {
                        continue; // "began striking Iran on June 13, saying it aimed to ...": the reason given for an act
                    }
                    if (actor == null || actor.outlet() || Commentators.is(actor) || told(bySentence.get(s.index()), actor)) {
                        continue;
                    }
                } else if ((actor == null && target == null) || bySentence.containsKey(s.index())) {
                    continue; // a happening needs a named actor, and the trigger rules have the last word on their sentences
                }
                if (frame.objectActor() && target == null) {
                    continue; // "receive threats" is no meeting: "received the minister" is
                }
                boolean planned = planned(s, p, v, top);
                if (!planned && (p.label(v).equals("acl") || infinitive(s, p, v))) {
                    continue; // "attempts to kill", "offer to resign", "asking them to tell": nothing that happened
                }
                Timex when = timexOf(s, p, top, timexes, frame.speech());
                if (when == null && frame.speech() && p.label(top).equals("relcl")) {
                    continue; // "a threat Churchill warned about in his famous speech": what a noun is, not a statement of the day
                }
                DateValue date = when == null ? null : when.date().orElse(null);
                EventMention.DateSource source = EventMention.DateSource.EXPLICIT;
                String dateRule = when == null ? null : "events.date.parse:" + when.ruleId();
                if (date == null && (frame.speech() || present(p, v, top))) {
                    date = narrativeDay(text, s, s.tokens().get(v).start(), timexes, reference, leadDay);
                    source = EventMention.DateSource.REFERENCE;
                    dateRule = date.start().equals(reference.date()) ? "events.date.reference-day" : "events.date.narrative-day";
                }
                if (date == null || planned && !frame.speech() && when == null) {
                    continue; // an undated past happening is background the rules did not place; a plan needs its date
                }
                ActorEntity key = actor != null ? actor : target;
                EventGroup g = frame.speech() ? made.computeIfAbsent(key, k -> new HashMap<>()).get(frame.type().apiName()) : null;
                EventMention m = new EventMention(s, v, v + 1, frame.rule());
                m.date = date;
                m.dateSource = source;
                m.dateRule = dateRule;
                m.passive = passive;
                if (actor != null && !actor.outlet()) {
                    m.participants.add(actor);
                    m.agents.add(actor);
                }
                if (target != null && target != actor && !target.outlet()) {
                    m.participants.add(target);
                    m.patients.add(target);
                }
                if (m.participants.isEmpty()) {
                    continue;
                }
                if (g == null) {
                    g = new EventGroup();
                    g.type = frame.type();
                    g.date = date;
                    g.dateSource = source;
                    g.dateRule = dateRule;
                    g.planned = planned;
                    g.roleMention = m;
                    g.agents.addAll(m.agents);
                    g.patients.addAll(m.patients);
                    if (frame.speech()) {
                        made.get(key).put(frame.type().apiName(), g);
                    }
                    groups.add(g);
                    bySentence.computeIfAbsent(s.index(), k -> new ArrayList<>()).add(g);
                }
                g.mentions.add(m);
                g.participants.addAll(m.participants);
            }
        }
    }

    /** Does the verb carry the infinitive marker ("to resign")? */
    private static boolean infinitive(Sentence s, Parse p, int v) {
        for (int k : p.dependents(v)) {
            if (p.label(k).equals("aux") && s.tokens().get(k).norm().equals("to")) {
                return true;
            }
        }
        return false;
    }

    /** Up an xcomp chain to the verb that carries the clause: "is due to visit", "plans to sign". */
    /**
     * A participle clause with no subject or conjunction of its own hangs on the clause before it and shares its
     * subject, tense and date: "parliament has legalised same-sex marriage, passing a bill ...".
     */
    private static boolean participleAdjunct(Parse p, int k) {
        return p.label(k).equals("advcl") && p.tag(k).equals("VBG")
                && p.dependent(k, Set.of("nsubj", "nsubjpass", "mark")) < 0;
    }

    private static int clauseTop(Parse p, int v) {
        int k = v;
        for (int guard = 0; guard < 4 && k >= 0 && p.head(k) >= 0
                && (p.label(k).equals("xcomp") || participleAdjunct(p, k)); guard++) {
            k = p.head(k);
        }
        return k;
    }

    /** A present or present-perfect verb ("Police fire tear gas", "has resigned"): told as news of the day. */
    private static boolean present(Parse p, int v, int top) {
        String t = p.tag(top);
        if (t.equals("VBZ") || t.equals("VBP")) {
            return true;
        }
        // the present perfect, of the verb or of the clause it hangs on ("has legalised same-sex marriage, passing a bill")
        for (int w : new int[] {v, top}) {
            for (int k : p.dependents(w)) {
                if (p.label(k).equals("aux") && (p.lemma(k).equals("have")) && !p.tag(k).equals("VBD")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The day an undated statement is told on: the last day named before it in its own sentence or the one before,
     * when that day lies in the week up to publication ("During their talks on Friday, ... Kim said"); else the day
     * of the story's lead; else the publication day. A day named after the verb in its own sentence is what the
     * statement is about ("has congratulated the commission on the June 21 election"), not when it was made, and a day
     * named paragraphs earlier dates what was told there ("the FBI said Monday ...; ... Kikwete said" is the lead's
     * Tuesday).
     */
    private static DateValue narrativeDay(AnalyzedText text, Sentence s, int verb, List<Timex> timexes,
                                          ReferenceTime reference, DateValue leadDay) {
        int from = s.index() > 0 ? text.sentences().get(s.index() - 1).start() : s.start();
        DateValue best = null;
        for (Timex x : timexes) {
            if (x.start() >= s.end() || x.start() >= s.start() && x.start() > verb) {
                break;
            }
            if (x.start() < from) {
                continue;
            }
            DateValue d = x.date().orElse(null);
            if (withinWeek(d, reference)) {
                best = d;
            }
        }
        return best != null ? best : leadDay != null ? leadDay : DateValue.ofDay(reference.date());
    }

    /** The day the story's lead names (its first two sentences of prose), when it lies in the week up to publication. */
    private static DateValue leadDay(AnalyzedText text, List<Timex> timexes, ReferenceTime reference) {
        for (Sentence s : ActorRecognizer.lead(text)) {
            for (Timex x : timexes) {
                if (x.start() >= s.start() && x.end() <= s.end() && withinWeek(x.date().orElse(null), reference)) {
                    return x.date().get();
                }
            }
        }
        return null;
    }

    private static boolean withinWeek(DateValue d, ReferenceTime reference) {
        return d != null && d.precision() == Precision.DAY && !d.start().isAfter(reference.date())
                && !d.start().isBefore(reference.date().minusDays(7));
    }

    /** The actor the phrase headed by {@code head} names: a mention covering its head, else one inside the phrase. */
    static ActorEntity actorOf(Sentence s, Parse p, int head, List<ActorMention> mentions) {
        ActorMention inside = null;
        for (ActorMention m : mentions) {
            if (m.use() == ActorMention.Use.PLACE || m.use() == ActorMention.Use.DEMONYM) {
                continue; // "a Chinese official said": the official speaks, not China
            }
            if (m.from() <= head && head < m.to()) {
                return m.actor();
            }
            // inside the phrase: "Chinese Foreign Ministry official He Yafei"; a country inside it is the body's
            // owner, not the speaker ("Ethiopia's ruling coalition said"); a person named in it is the one who acts
            // ("Director of the FBI Louis Freeh said")
            if ((inside == null || inside.actor().kind() != ActorKind.PERSON && m.actor().kind() == ActorKind.PERSON)
                    && m.actor().kind() != ActorKind.COUNTRY && p.dominates(head, m.from())
                    && !acrossClause(p, head, m.from()) && !owner(p, m)) {
                inside = m;
            }
        }
        return inside == null ? null : inside.actor();
    }

    /**
     * The countries a phrase with no named actor speaks for: "the Cypriot government", "Canadian officials", "a U.S.
     * official", "the nation of Bangladesh", "the leaders of North and South Korea". Empty when the phrase names no
     * country, or only as a place.
     */
    static List<ActorEntity> countriesOf(Sentence s, Parse p, int head, List<ActorMention> mentions) {
        List<ActorEntity> out = new ArrayList<>();
        for (ActorMention m : mentions) {
            if (m.use() == ActorMention.Use.PLACE || m.actor().kind() != ActorKind.COUNTRY || m.actor().outlet()) {
                continue;
            }
            if ((m.from() <= head && head < m.to() || p.dominates(head, m.from())) && !acrossClause(p, head, m.from(), true)
                    && !out.contains(m.actor())) {
                out.add(m.actor()); // "the leaders of North and South Korea": both
            }
        }
        return out;
    }

    /** Is the mention the owner of the phrase ("Elian's relatives said", "Trump's lawyer said"), not the one who acts? */
    private static boolean owner(Parse p, ActorMention m) {
        for (int k = m.from(); k < m.to(); k++) {
            if (p.label(k).equals("poss") && (p.head(k) < m.from() || p.head(k) >= m.to())) {
                return true;
            }
        }
        return false;
    }

    /** Does the path from {@code node} up to {@code root} leave a clause or a prepositional phrase of place? */
    private static boolean acrossClause(Parse p, int root, int node) {
        return acrossClause(p, root, node, false);
    }

    /** The same, where a coordination of nouns ("North and South Korea") may stay inside the phrase. */
    private static boolean acrossClause(Parse p, int root, int node, boolean nounsCoordinated) {
        for (int k = node; k >= 0 && k != root; k = p.head(k)) {
            if (CLAUSE.contains(p.label(k)) && !(nounsCoordinated && p.label(k).equals("conj") && !p.verb(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(Parse p, int v) {
        return p.dependent(v, Set.of("neg")) >= 0;
    }

    private boolean hypothetical(Sentence s, Parse p, int v) {
        for (int k : p.dependents(v)) {
            if (p.label(k).equals("aux") && HYPOTHETICAL.contains(s.tokens().get(k).norm())) {
                return true;
            }
        }
        // "if X says", "unless X welcomes", "until Annan visits Baghdad"
        return lexicon.unrealClause(s, p, v, v);
    }

    private static boolean planned(Sentence s, Parse p, int v, int top) {
        for (int x = v; ; x = p.head(x)) {
            for (int k : p.dependents(x)) {
                if (p.label(k).equals("aux") && FUTURE.contains(s.tokens().get(k).norm())) {
                    return true;
                }
            }
            if (x != v && PLANNING.contains(p.lemma(x))) {
                return true; // "is due to visit", "plans to sign", "is expected to meet"
            }
            if (x == top || p.head(x) < 0) {
                return false;
            }
        }
    }

    /** Was the speaker already given an event of this sentence by the trigger rules? */
    private static boolean told(List<EventGroup> here, ActorEntity speaker) {
        if (here == null) {
            return false;
        }
        for (EventGroup g : here) {
            if ((g.type() == EventType.STATEMENT || g.type() == EventType.ANNOUNCEMENT) && g.participants().contains(speaker)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The date attached to the verb: a DATE expression in the verb's own phrase, not inside the clause it reports
     * ("said on Monday that talks would resume next week" is Monday).
     */
    private static Timex timexOf(Sentence s, Parse p, int v, List<Timex> timexes, boolean speech) {
        List<Token> toks = s.tokens();
        for (Timex x : timexes) {
            if (x.end() <= s.start() || x.start() >= s.end() || x.type() != TimexType.DATE || x.date().isEmpty()) {
                continue;
            }
            Precision pr = x.date().get().precision();
            if (pr != Precision.DAY && pr != Precision.MONTH && pr != Precision.YEAR) {
                continue;
            }
            for (int k = 0; k < toks.size(); k++) {
                Token t = toks.get(k);
                if (t.start() >= x.start() && t.end() <= x.end()) {
                    if (p.dominates(v, k) && !acrossClause(p, v, k) && !(speech && modifiesNoun(s, p, k, x))) {
                        return x;
                    }
                    break;
                }
            }
        }
        return null;
    }

    /**
     * Does the expression that starts at token {@code k} modify a noun ("the June 21 election", "Monday's attack")?
     * It dates that noun; a statement about it ("praised the June 21 vote") was made another day.
     */
    private static boolean modifiesNoun(Sentence s, Parse p, int k, Timex x) {
        List<Token> toks = s.tokens();
        int head = k;
        while (p.head(head) >= 0 && toks.get(p.head(head)).start() >= x.start() && toks.get(p.head(head)).end() <= x.end()) {
            head = p.head(head);
        }
        return NOUN_MODIFIER.contains(p.label(head));
    }

    private static final Set<String> NOUN_MODIFIER = Set.of("nn", "nmod", "compound", "amod", "poss", "num", "nummod");
}
