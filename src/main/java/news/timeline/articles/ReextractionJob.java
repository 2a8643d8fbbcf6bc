package news.timeline.articles;

import java.time.Instant;
import java.util.UUID;

/**
 * A re-extraction job as {@code GET /api/v1/reextractions/{id}} shows it. {@code state}: queued, running, succeeded
 * or failed. {@code selected}: articles that matched when the job was created; {@code done}: articles read so far,
 * {@code changed} of them with a difference, {@code unchanged} without, {@code failed} not read (the message of the
 * job's log says why; rerunning is safe). The other totals add up the articles' answers.
 */
public record ReextractionJob(UUID id, String state, String extractorVersion, Filter filter, long selected, long done,
                              long changed, long unchanged, long failed, Totals totals, String message, Instant createdAt,
                              Instant startedAt, Instant finishedAt) {

    /** Which articles: those matching these (as {@code GET /api/v1/articles}), read with another version unless includeCurrent. */
    public record Filter(boolean includeCurrent, Instant addedSince, java.time.LocalDate publishedFrom,
                         java.time.LocalDate publishedTo, String q, String host, String extractorVersion) {
    }

    public record Totals(long eventsAdded, long eventsRemoved, long eventsChanged, long actorsAdded, long actorsRemoved,
                         long agreementsAdded, long agreementsRemoved) {
    }
}
