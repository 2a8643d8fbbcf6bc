package news.timeline.events;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import news.timeline.actors.ActorSummary;
import news.timeline.extraction.temporal.DateValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An event as the API shows it (API.md). Written by {@link EventViewSerializer}, without reflection. */
@JsonSerialize(using = EventViewSerializer.class)
public record EventView(
        UUID id,
        String type,
        String title,
        String summary,
        DateValue date,
        DateValue endDate,
        Place place,
        List<Participant> participants,
        AgreementRef agreement,
        List<Source> sources,
        double confidence,
        String status,
        String externalId,
        Instant createdAt,
        Instant updatedAt) {

    /** The stored confidence (a {@code real}) as answered: three decimals, so 0.59 reads 0.59, not 0.5899999737739563. */
    public static double confidence(float stored) {
        return Math.round(stored * 1000d) / 1000d;
    }

    /** The same event with other participants (an article's answer gives theirs with their aliases). */
    public EventView withParticipants(List<Participant> others) {
        return new EventView(id, type, title, summary, date, endDate, place, others, agreement, sources, confidence, status,
                externalId, createdAt, updatedAt);
    }

    public record Place(String name) {
    }

    public record Participant(ActorSummary actor, String role) {
    }

    public record AgreementRef(UUID id, String name) {
    }

    /**
     * Provenance; offsets are code points into the article text as submitted. {@code id} names the source for a split
     * (null in a preview, where nothing is stored).
     */
    public record Source(UUID articleId, String url, String quote, Integer start, Integer end, String ruleId,
                         String extractorVersion, UUID id) {
    }
}
