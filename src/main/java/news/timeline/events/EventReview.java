package news.timeline.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Where an event stands with the editors: {@code status} (extracted, confirmed, rejected), when an editor last
 * changed its fields ({@code editedAt}, null if never), and the review decision: who made it, when and why.
 */
public record EventReview(UUID id, String status, Instant editedAt, String decidedBy, Instant decidedAt, String reason) {
}
