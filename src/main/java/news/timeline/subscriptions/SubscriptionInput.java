package news.timeline.subscriptions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new subscription: where to POST, what to send, and optionally the secret to sign with (one is made otherwise). */
@Schema(name = "SubscriptionInput", example = """
        {"callbackUrl": "https://newsroom.example.org/hooks/timeline",
         "filter": {"actors": ["north-korea"], "types": ["meeting", "agreement_signed"], "minStatus": "extracted"},
         "secret": "a shared secret of 16 characters or more"}""")
public record SubscriptionInput(
        @Schema(description = "http or https, no credentials; no loopback, link-local or private address unless "
                + "TIMELINE_SUBSCRIPTIONS_ALLOWED_NETWORKS allows its network") String callbackUrl,
        Filter filter,
        @Schema(description = "16 to 200 characters; a random one is made and answered once when absent") String secret) {

    /** Which events: any of {@code actors} (with their affiliates), both sides of {@code pair}, of {@code types}, at least {@code minStatus}. */
    @Schema(name = "SubscriptionFilter")
    public record Filter(
            @Schema(description = "actor ids or slugs; an event matches when one of them or an actor affiliated to one takes part")
            List<String> actors,
            @Schema(description = "two actor ids or slugs; an event matches when each side (or an affiliate) takes part")
            List<String> pair,
            @Schema(description = "event types (all when absent)") List<String> types,
            @Schema(enumeration = {"extracted", "confirmed"}, description = "extracted (default: all but rejected) or confirmed")
            String minStatus) {
    }
}
