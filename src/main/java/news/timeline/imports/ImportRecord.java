package news.timeline.imports;

import news.timeline.extraction.temporal.DateValue;

import java.util.List;
import java.util.UUID;

/**
 * One event to import, read and validated by a format reader, not yet resolved against the database.
 *
 * @param line the line (or CSV record start) it came from, for error reports
 */
record ImportRecord(
        long line,
        String externalSource,
        String externalId,
        String type,
        String title,
        String summary,
        DateValue date,
        DateValue endDate,
        String placeName,
        float confidence,
        String status,
        UUID agreementId,
        List<Participant> participants,
        List<Source> sources) {

    /** An actor by id, slug or name (at least one); unknown names create an actor of {@code kind}. */
    record ActorRef(UUID id, String slug, String name, String kind) {

        String describe() {
            return id != null ? id.toString() : slug != null ? slug : name;
        }
    }

    record Participant(ActorRef actor, String role) {
    }

    record Source(UUID articleId, String url, String quote, Integer start, Integer end, String ruleId, String extractorVersion) {
    }
}
