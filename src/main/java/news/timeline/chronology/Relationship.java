package news.timeline.chronology;

import news.timeline.actors.ActorSummary;
import news.timeline.extraction.temporal.DateValue;

import java.util.UUID;

/** A counterpart of an actor: how many events they share and the date of the latest one. */
public record Relationship(ActorSummary actor, long events, DateValue latest, UUID latestEventId) {
}
