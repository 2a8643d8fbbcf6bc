package news.timeline.subscriptions;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.web.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Webhook subscriptions: matching new, changed and deleted events are POSTed to a callback, signed. */
@Path("/api/v1/subscriptions")
@Tag(name = "Subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private static final String EXAMPLE = """
            {"id": "3f0c9a52-7d1e-4c1b-9d8e-2a4b6c8d0e1f", "callbackUrl": "https://newsroom.example.org/hooks/timeline",
             "filter": {"actors": [{"id": "5d8e5b8e-3f7a-4a43-9a65-1b1e0c55aa01", "slug": "north-korea", "name": "North Korea", "kind": "country"}],
                        "pair": [], "types": ["meeting"], "minStatus": "extracted"},
             "state": "active", "position": 1042, "delivered": 17, "failures": 0,
             "lastDeliveryAt": "2024-09-14T09:45:02Z", "lastStatus": 204, "nextAttemptAt": "2024-09-14T09:45:03Z",
             "lag": {"changes": 0}, "createdAt": "2024-09-01T08:00:00Z"}""";

    private final Subscriptions subscriptions;

    SubscriptionResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a callback URL to matching events",
            description = "From now on, each new or changed event that matches the filter (any of `actors` or an actor affiliated "
                    + "to one takes part; each side of `pair` takes part; of `types`; at least `minStatus`) is POSTed to "
                    + "`callbackUrl` as `{\"subscription\", \"seq\", \"action\": \"created\"|\"updated\", \"changedAt\", \"event\"}`; "
                    + "deletions and merges of events it was sent as `{..., \"action\": \"deleted\"|\"merged\", \"id\", \"mergedInto\"}`. "
                    + "One POST per change, in change-log order (`seq`), at least once: a receiver should ignore a `seq` it has seen. "
                    + "Each POST carries `X-Timeline-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>`, "
                    + "`X-Timeline-Subscription` and `X-Timeline-Delivery` (the seq). Any 2xx is a delivery; otherwise it is "
                    + "retried with a doubling wait, and after TIMELINE_SUBSCRIPTIONS_MAX_FAILURES failures in a row the "
                    + "subscription is paused (resume it with POST .../resume). The secret is answered here only.")
    @APIResponse(responseCode = "201", description = "Subscribed; the answer holds the secret", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = SubscriptionView.class),
            examples = @ExampleObject(name = "created", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad URL (scheme, credentials, an internal address), actor, type or status")
    public Response create(SubscriptionInput input, @Context UriInfo uri) {
        SubscriptionView v = subscriptions.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(v.id().toString()).build()).entity(v).build();
    }

    @GET
    @Operation(summary = "Every subscription with its delivery state")
    public Page<SubscriptionView> list() {
        return new Page<>(subscriptions.list(), null);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A subscription: filter, state, last delivery, last error, lag",
            description = "`position` is the last change-log sequence dealt with; `lag.changes` counts the event changes after it.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubscriptionView.class), examples = @ExampleObject(name = "active", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such subscription")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return subscriptions.get(id);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a paused subscription where its delivery stopped (failures cleared, tried at once)")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public SubscriptionView resume(@PathParam("id") UUID id) {
        return subscriptions.setState(id, true);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause a subscription; nothing is lost, delivery resumes from the same place")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public SubscriptionView pause(@PathParam("id") UUID id) {
        return subscriptions.setState(id, false);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a subscription")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public void delete(@PathParam("id") UUID id) {
        subscriptions.delete(id);
    }
}
