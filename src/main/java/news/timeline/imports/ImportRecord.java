package news.timeline.imports;

import news.timeline.actors.AliasNormalizer;
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

    /**
     * An actor by id, slug or name (at least one); unknown names create an actor of {@code kind}. The folded name,
     * the slug a bare name may be, and the lookup key are worked out once, by the reader thread.
     */
    record ActorRef(UUID id, String slug, String name, String kind, String normalized, String slugGuess, String key) {

        private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

        ActorRef(UUID id, String slug, String name, String kind) {
            this(id, slug, name, kind, name == null ? null : AliasNormalizer.normalize(name),
                    slug != null ? slug : id == null && name != null && kind == null && SLUG.matcher(name).matches() ? name : null,
                    id != null ? "i:" + id : slug != null ? "s:" + slug : "n:" + AliasNormalizer.normalize(name));
        }
    }

    record Participant(ActorRef actor, String role) {
    }

    record Source(UUID articleId, String url, String quote, Integer start, Integer end, String ruleId, String extractorVersion) {
    }
}
