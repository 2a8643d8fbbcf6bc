package news.timeline.events;

import news.timeline.actors.ActorSummary;
import news.timeline.extraction.temporal.DateValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An event as the API shows it (API.md). */
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

    public record Place(String name) {
    }

    public record Participant(ActorSummary actor, String role) {
    }

    public record AgreementRef(UUID id, String name) {
    }

    /** Provenance; offsets are code points into the article text as submitted. */
    public record Source(UUID articleId, String url, String quote, Integer start, Integer end, String ruleId,
                         String extractorVersion) {
    }
}
