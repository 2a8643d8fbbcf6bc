package news.timeline.chronology;

import java.time.Instant;
import java.util.UUID;

/** One entry of the change log: {@code action} is created, updated, deleted or merged (then {@code mergedInto}). */
public record ChangeView(long seq, String entity, UUID id, String action, UUID mergedInto, Instant changedAt) {
}
