package news.timeline.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.timeline.actors.ActorSummary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription and its delivery state: {@code position} is the last change-log sequence dealt with (delivered or
 * found not to match), {@code lag} what the change log holds past it. {@code secret} is answered on creation only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String callbackUrl, Filter filter, String state, long position, long delivered,
                               int failures, Instant lastDeliveryAt, Integer lastStatus, String lastError,
                               Instant nextAttemptAt, Lag lag, Instant createdAt, String secret) {

    public record Filter(List<ActorSummary> actors, List<ActorSummary> pair, List<String> types, String minStatus) {
    }

    /** Event changes in the log after the position, and when the oldest of them was made (null when none). */
    public record Lag(long changes, Instant oldestChangeAt) {
    }

    SubscriptionView withSecret(String s) {
        return new SubscriptionView(id, callbackUrl, filter, state, position, delivered, failures, lastDeliveryAt, lastStatus,
                lastError, nextAttemptAt, lag, createdAt, s);
    }
}
