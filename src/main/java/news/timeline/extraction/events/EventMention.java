package news.timeline.extraction.events;

import java.util.LinkedHashSet;
import java.util.Set;
import news.timeline.extraction.Place;
import news.timeline.extraction.actors.ActorEntity;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.extraction.text.Sentence;

/** One trigger occurrence with what its sentence says about it. */
public final class EventMention {

    /** How a date was reached, best first. */
    public enum DateSource { EXPLICIT, HEADING, REPORTED, SENTENCE, REFERENCE, NONE }

    final Sentence sentence;
    final int from;
    final int to;
    final TriggerLexicon.Rule rule;
    DateValue date;
    DateSource dateSource = DateSource.NONE;
    String dateRule;
    int timexIndex = -1;
    String tense = "past";
    final Set<ActorEntity> participants = new LinkedHashSet<>();
    /** Named before the trigger in an active clause, or after "by" in a passive one: who acts. */
    final Set<ActorEntity> agents = new LinkedHashSet<>();
    /** Named after the trigger in an active clause, or before it in a passive one: whom it is done to or with. */
    final Set<ActorEntity> patients = new LinkedHashSet<>();
    /** "was impeached", "were killed": the trigger's clause is passive. */
    boolean passive;
    final Set<ActorEntity> sources = new LinkedHashSet<>();
    Place place;
    boolean heading;
    boolean anaphor;
    /** "bombing victims", "the blast site": an event noun that modifies another noun names an event told elsewhere. */
    boolean modifier;
    boolean absorbed;
    int anniversaryYears;
    EventMention anniversaryAnchor;

    EventMention(Sentence sentence, int from, int to, TriggerLexicon.Rule rule) {
        this.sentence = sentence;
        this.from = from;
        this.to = to;
        this.rule = rule;
    }

    public TriggerLexicon.Rule rule() {
        return rule;
    }

    public Sentence sentence() {
        return sentence;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }
}
