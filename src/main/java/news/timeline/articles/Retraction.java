package news.timeline.articles;

import java.util.List;
import java.util.UUID;

/**
 * The answer to {@code DELETE /api/v1/articles/{id}}: what went with the article ({@code deleted}: facts it was the
 * only source of), what stayed although it lost its last source ({@code kept}, with why), and the events that keep
 * other sources ({@code updated}). Every deletion and change is also in the change feed.
 */
public record Retraction(UUID article, Facts deleted, List<Kept> kept, List<UUID> updatedEvents) {

    public record Facts(List<UUID> events, List<UUID> actors, List<UUID> agreements) {
    }

    /**
     * A fact left without a source and kept: {@code entity} is event, actor or agreement; {@code reason} is confirmed,
     * rejected, edited (an editor created or changed it), imported, or in use (another kept fact refers to it).
     */
    public record Kept(String entity, UUID id, String reason) {
    }
}
