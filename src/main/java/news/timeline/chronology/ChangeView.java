package news.timeline.chronology;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the change log: {@code action} is created, updated, deleted or merged (then {@code mergedInto}). A
 * review decision is an update that also carries the {@code status} an editor set, the {@code reason} given and
 * who decided ({@code by}: the API key's name, when keys are named); null on other entries.
 */
public record ChangeView(long seq, String entity, UUID id, String action, UUID mergedInto, Instant changedAt,
                         String status, String reason, String by) {
}
