package news.timeline.chronology;

import news.timeline.actors.ActorSummary;
import news.timeline.extraction.temporal.DateValue;

import java.util.Map;
import java.util.UUID;

/** A counterpart of an actor: how many events they share, how many of each type, and the date of the latest one. */
public record Relationship(ActorSummary actor, long events, Map<String, Long> byType, DateValue latest, UUID latestEventId) {
}
