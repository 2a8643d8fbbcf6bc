package news.timeline.extraction.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import news.timeline.extraction.ActorKind;
import news.timeline.extraction.EventType;
import news.timeline.extraction.actors.ActorEntity;
import news.timeline.extraction.actors.ActorMention;
import news.timeline.extraction.text.Token;

/** Event titles from the type's templates ({@code titles.tsv}), the roles the text tells and the trigger's words. */
final class EventTitles {

    private final TriggerLexicon lexicon;

    EventTitles(TriggerLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Types whose title says who did what to whom ("{a} sanctions {b}"): wrong both ways round, so only with roles. */
    private static final Set<EventType> DIRECTED = Set.of(EventType.AID, EventType.SANCTION, EventType.ACCUSATION,
            EventType.THREAT, EventType.APPOINTMENT, EventType.VISIT, EventType.STATEMENT, EventType.ANNOUNCEMENT,
            EventType.REPORT, EventType.RESIGNATION);

    /** Resignation triggers whose subject removes someone else ("Ruto dismissed most of his cabinet"). */
    private static final Set<String> DISMISSALS = Set.of("dismissed", "fired", "sacked", "ousted", "removed", "sacks", "fires");
    private static final Set<String> OBJECT_END = Set.of(",", ".", ";", ":", "on", "at", "in", "after", "before", "when", "while",
            "as", "amid", "since", "last", "this", "next", "\"", "(");

    private static final Set<String> PREPOSITIONS = Set.of("to", "from", "in", "into", "at", "on", "with", "for", "of", "by",
            "against", "over", "across", "through", "toward", "towards");

    /**
     * Title from the type's template and two participants. When the text tells who acts and whom it is done to, they
     * are the two ("Broadcom" buys "VMware"; "Collor" convicted by "the court" reads the other way round); a directed
     * type (aid, sanctions, accusations, visits...) with an actor but nobody it is done to takes the one-actor
     * template ("Aid from European Union", not "European Union aids United States"). Otherwise: the leading
     * participant (people first; for agreements the parties first) and the first after it that stands for another
     * side, so that two ministers of one government do not make "an agreement between" them.
     */
    String title(EventGroup g) {
        List<ActorKind> order = g.type.family().equals("agreement")
                ? List.of(ActorKind.COUNTRY, ActorKind.ORGANIZATION, ActorKind.GROUP, ActorKind.PERSON, ActorKind.OTHER)
                : List.of(ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.GROUP, ActorKind.COUNTRY, ActorKind.OTHER);
        String[] t = lexicon.titleTemplates(g.roleMention == null ? null : g.roleMention.rule.id(), g.type);
        List<ActorEntity> agents = ordered(g.agents, order);
        List<ActorEntity> patients = ordered(g.patients, order);
        boolean dismissal = g.type == EventType.RESIGNATION && g.roleMention != null && !g.roleMention.passive
                && DISMISSALS.contains(triggerText(g.roleMention).toLowerCase(java.util.Locale.ROOT)) && !agents.isEmpty();
        if ((g.type == EventType.OTHER || g.type == EventType.ANNOUNCEMENT || dismissal) && g.roleMention != null && !g.roleMention.rule.noun()
                && g.roleMention.rule.strength() != TriggerLexicon.Strength.FRAME) {
            EventMention m = g.roleMention;
            String cause = disaster(m);
            if (cause != null) {
                // "the earthquake that struck southern Turkey and northern Syria": what struck, and where
                List<ActorEntity> where = ordered(g.patients.isEmpty() ? g.participants : g.patients,
                        List.of(ActorKind.COUNTRY, ActorKind.OTHER, ActorKind.GROUP, ActorKind.ORGANIZATION, ActorKind.PERSON));
                if (where.isEmpty()) {
                    return cause;
                }
                return cause + " in " + where.get(0).name() + (where.size() > 1 ? " and " + where.get(1).name() : "");
            }
            // no template says what happened: the trigger does ("Fernando Collor impeached", "Court convicted Collor")
            String verb = triggerText(m);
            if (m.rule.id().startsWith("events.trigger.accident.verb")) {
                // "a private jet that crashed": the thing that crashed, and who was in it
                String thing = nounBefore(m);
                if (thing != null) {
                    ActorEntity who = ordered(g.participants, List.of(ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.GROUP,
                            ActorKind.COUNTRY, ActorKind.OTHER)).stream().findFirst().orElse(null);
                    String what = Character.toUpperCase(thing.charAt(0)) + thing.substring(1) + " " + verb;
                    return who == null ? what : what + " with " + who.name();
                }
            }
            ActorEntity a = agents.isEmpty() ? null : agents.get(0);
            ActorEntity b = patients.isEmpty() ? null : a == null ? patients.get(0) : otherSide(a, patients);
            if (b != null && !m.passive && !directObject(m, b)) {
                b = null; // "withdrew from Kherson after a Ukrainian counteroffensive": Ukraine is not what was withdrawn
            }
            if (m.passive && b != null) {
                return subject(m, b) + " " + verb + (a == null ? "" : " by " + a.name());
            }
            if (a != null) {
                return (a.name() + " " + verb + " " + (b == null ? objectText(m) : b.name())).strip();
            }
        }
        if (!agents.isEmpty() && !patients.isEmpty()) {
            ActorEntity a = agents.get(0);
            ActorEntity b = otherSide(a, patients);
            if (b != null) {
                return t[0].replace("{a}", a.name()).replace("{b}", b.name());
            }
        }
        if (agents.isEmpty() && !patients.isEmpty() && g.type == EventType.VISIT) {
            return "Visit to " + patients.get(0).name(); // "after Nancy Pelosi visited Taiwan", the visitor unknown
        }
        if (!agents.isEmpty() && DIRECTED.contains(g.type) && (patients.isEmpty() || otherSide(agents.get(0), patients) == null)) {
            // nobody else it is done to ("Liz Truss resigned as Britain's prime minister"): the actor alone
            return t[1].replace("{a}", agents.get(0).name());
        }
        if (agents.size() >= 2 && patients.isEmpty()) {
            // "Israel and Hamas agreed": the two who act together
            ActorEntity b = otherSide(agents.get(0), agents.subList(1, agents.size()));
            if (b != null) {
                return t[0].replace("{a}", agents.get(0).name()).replace("{b}", b.name());
            }
        }
        List<ActorEntity> ordered = ordered(g.participants, order);
        if (ordered.isEmpty()) {
            ordered.addAll(g.participants);
        }
        if (ordered.size() >= 2) {
            ActorEntity a = ordered.get(0);
            ActorEntity b = otherSide(a, ordered.subList(1, ordered.size()));
            if (b == null) {
                // all on one side ("NATO Secretary-General Jens Stoltenberg ... the alliance's summit"): that side's,
                // unless the type is about the person ("Resignation of Liz Truss", not of her country)
                return t[1].replace("{a}", DIRECTED.contains(g.type) ? a.name() : side(a).name());
            }
            return t[0].replace("{a}", a.name()).replace("{b}", b.name());
        }
        return t[1].replace("{a}", ordered.isEmpty() ? "unknown actors" : ordered.get(0).name());
    }

    /** The natural cause a disaster trigger requires ("Earthquake" for "the earthquake that struck"), else null. */
    private static String disaster(EventMention m) {
        if (!m.rule.id().startsWith("events.trigger.disaster")) {
            return null;
        }
        List<Token> toks = m.sentence().tokens();
        for (int k = m.from() - 1; k >= Math.max(0, m.from() - m.rule.before()); k--) {
            if (m.rule.requires().contains(toks.get(k).norm())) {
                String w = toks.get(k).norm();
                return Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
        }
        return null;
    }

    /**
     * The passive subject as the text names it: the actor, or the actor's thing ("Lula da Silva's conviction" was
     * annulled, not Lula da Silva).
     */
    private static String subject(EventMention m, ActorEntity patient) {
        List<Token> toks = m.sentence().tokens();
        for (int k = 0; k + 1 < m.from(); k++) {
            if (toks.get(k).norm().equals("'s") && k + 1 < m.from() && !Clauses.PASSIVE_AUX.contains(toks.get(k + 1).norm())) {
                StringBuilder thing = new StringBuilder();
                for (int j = k + 1; j < m.from() && !Clauses.PASSIVE_AUX.contains(toks.get(j).norm()) && j <= k + 3; j++) {
                    thing.append(' ').append(toks.get(j).text());
                }
                return patient.name() + "'s" + thing;
            }
        }
        return patient.name();
    }

    /** Is {@code b} named right after the trigger (past a determiner or title words), as its object? */
    private static boolean directObject(EventMention m, ActorEntity b) {
        List<Token> toks = m.sentence().tokens();
        for (ActorMention x : b.mentions()) {
            if (x.sentence() == m.sentence().index() && x.from() >= m.to() && x.from() <= m.to() + 3) {
                boolean preposition = false;
                for (int k = m.to(); k < x.from(); k++) {
                    preposition |= PREPOSITIONS.contains(toks.get(k).norm());
                }
                if (!preposition) {
                    return true; // "flees to Moscow": Moscow is where, not whom
                }
            }
        }
        return false;
    }

    /** The lower-case noun right before a trigger, past "that" / "which" / "was" ("a private jet that crashed": "jet"). */
    private static String nounBefore(EventMention m) {
        List<Token> toks = m.sentence().tokens();
        int k = m.from() - 1;
        while (k >= 0 && Set.of("that", "which", "was", "were", "had", "has").contains(toks.get(k).norm())) {
            k--;
        }
        if (k < 0 || !toks.get(k).isWord() || toks.get(k).capitalized()) {
            return null;
        }
        return toks.get(k).text();
    }

    /** The words after a trigger up to a date, place or clause ("its $69 billion acquisition of Activision Blizzard"). */
    private static String objectText(EventMention m) {
        List<Token> toks = m.sentence().tokens();
        int end = m.to();
        while (end < toks.size() && end < m.to() + 8 && !OBJECT_END.contains(toks.get(end).norm())) {
            end++;
        }
        return words(toks, m.to(), end);
    }

    private static String triggerText(EventMention m) {
        return words(m.sentence().tokens(), m.from(), m.to());
    }

    /** Tokens [from, to) spaced as in the text. */
    private static String words(List<Token> toks, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from && toks.get(k).start() > toks.get(k - 1).end()) {
                sb.append(' ');
            }
            sb.append(toks.get(k).text());
        }
        return sb.toString();
    }

    private static List<ActorEntity> ordered(Set<ActorEntity> actors, List<ActorKind> order) {
        List<ActorEntity> out = new ArrayList<>();
        for (ActorKind k : order) {
            for (ActorEntity a : actors) {
                if (a.kind() == k && !a.outlet()) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** The first candidate of a known side other than {@code a}'s, else the first of unknown side, else null. */
    private static ActorEntity otherSide(ActorEntity a, List<ActorEntity> candidates) {
        ActorEntity unknownSide = null;
        for (ActorEntity c : candidates) {
            if (c == a || side(c) == side(a)) {
                continue;
            }
            if (c.affiliation() != null || c.kind() != ActorKind.PERSON) {
                return c;
            }
            if (unknownSide == null) {
                unknownSide = c;
            }
        }
        return unknownSide;
    }

    /** The actor an actor acts for, at the top of its affiliations (itself when it has none). */
    private static ActorEntity side(ActorEntity a) {
        ActorEntity s = a;
        for (int depth = 0; depth < 5 && s.affiliation() != null; depth++) {
            s = s.affiliation();
        }
        return s;
    }
}
