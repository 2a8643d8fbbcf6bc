package news.timeline.extraction.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import news.timeline.extraction.EventType;
import news.timeline.extraction.Place;
import news.timeline.extraction.actors.ActorEntity;
import news.timeline.extraction.temporal.DateValue;

/** One happening: the mentions merged into it, its type, date, place and participants. */
public final class EventGroup {

    final List<EventMention> mentions = new ArrayList<>();
    EventType type;
    DateValue date;
    EventMention.DateSource dateSource = EventMention.DateSource.NONE;
    String dateRule;
    Place place;
    final Set<ActorEntity> participants = new LinkedHashSet<>();
    final Set<ActorEntity> sources = new LinkedHashSet<>();
    /** Who acts and whom it is done to, as the first mention that tells both (or the first that tells who acts). */
    final Set<ActorEntity> agents = new LinkedHashSet<>();
    final Set<ActorEntity> patients = new LinkedHashSet<>();
    /** The mention the roles come from. */
    EventMention roleMention;
    boolean planned;
    Object agreement;

    public List<EventMention> mentions() {
        return mentions;
    }

    public EventType type() {
        return type;
    }

    public DateValue date() {
        return date;
    }

    public EventMention.DateSource dateSource() {
        return dateSource;
    }

    public String dateRule() {
        return dateRule;
    }

    public Place place() {
        return place;
    }

    public Set<ActorEntity> participants() {
        return participants;
    }

    /** Who acts in it, as the text tells (see {@link EventMention}); empty when no mention tells. */
    public Set<ActorEntity> agents() {
        return agents;
    }

    /** Whom it is done to, as the text tells; empty when no mention tells. */
    public Set<ActorEntity> patients() {
        return patients;
    }

    public Set<ActorEntity> sources() {
        return sources;
    }

    public boolean planned() {
        return planned;
    }

    public Object agreement() {
        return agreement;
    }

    public void agreement(Object a) {
        this.agreement = a;
    }

    public void addParticipant(ActorEntity a) {
        participants.add(a);
    }

    /**
     * An agreement's parties are who acts in its events ("the deal, brokered by Qatar, takes effect": Israel and
     * Hamas, not Qatar, which stays a participant).
     */
    public void actedByParties(Collection<ActorEntity> parties) {
        agents.clear();
        agents.addAll(parties);
        patients.clear();
        participants.addAll(parties);
        roleMention = null;
    }

    /** Takes in another group told of the same happening: its mentions (kept in text order), participants, sources. */
    public void absorb(EventGroup other) {
        mentions.addAll(other.mentions);
        mentions.sort(Comparator.comparingInt((EventMention m) -> m.sentence().start()).thenComparingInt(EventMention::from));
        participants.addAll(other.participants);
        sources.addAll(other.sources);
        if (place == null) {
            place = other.place;
        }
    }

    public double confidence() {
        double c = switch (dateSource) {
            case EXPLICIT, HEADING -> 0.9;
            case REPORTED, SENTENCE -> 0.8;
            case REFERENCE -> 0.65;
            case NONE -> 0.4;
        };
        c += Math.min(0.05 * (mentions.size() - 1), 0.08);
        return Math.round(Math.min(c, 0.98) * 100) / 100.0;
    }
}
