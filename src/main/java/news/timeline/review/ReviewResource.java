package news.timeline.review;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.events.EventService;
import news.timeline.events.MergeDismissals;
import news.timeline.web.ApiKeys;
import news.timeline.web.ApiProblem;
import news.timeline.web.Problem;
import news.timeline.web.Cursor;
import news.timeline.web.Page;
import news.timeline.web.QueryValues;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * The review queue: extracted events no editor has decided on, with their evidence. Above events and articles (it
 * shows an event with its articles' titles), so it is a feature of its own; decisions are made on the event
 * ({@code POST /api/v1/events/{id}/confirm}, {@code /reject}).
 */
@Path("/api/v1/review")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review", description = "Extracted events awaiting an editor's decision")
public class ReviewResource {

    static final List<String> ORDERS = List.of("confidence", "newest");

    private final ReviewQueue queue;
    private final MergeDismissals dismissals;
    private final ApiKeys keys;

    ReviewResource(ReviewQueue queue, MergeDismissals dismissals, ApiKeys keys) {
        this.queue = queue;
        this.dismissals = dismissals;
        this.keys = keys;
    }

    @GET
    @Operation(summary = "Events awaiting a decision",
            description = "Extracted events (status extracted), lowest confidence first (order=confidence, the default) or newest "
                    + "first (order=newest), each with its evidence: every quote with its offsets and the article's title. "
                    + "Confirm or reject one with POST /api/v1/events/{id}/confirm or /reject. Paged with cursor and limit.")
    @APIResponse(responseCode = "200", description = "One page: {items: [{event, evidence}], next}")
    @APIResponse(responseCode = "400", description = "A parameter's value is refused (problem+json naming it)")
    @Parameter(name = "order", in = ParameterIn.QUERY, description = "confidence (lowest first, default) or newest",
            schema = @Schema(enumeration = {"confidence", "newest"}, defaultValue = "confidence"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "the 'next' value of the previous page", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-1000, default 100", schema = @Schema(type = SchemaType.INTEGER))
    public Page<ReviewItem> queue(@Context UriInfo uri) {
        String order = QueryValues.oneOf(uri, "order", ORDERS, "confidence");
        return queue.page(order, QueryValues.first(uri, "cursor"), Cursor.limitParam(QueryValues.first(uri, "limit")));
    }

    @GET
    @Path("/merge-suggestions")
    @Operation(summary = "Events that may be one happening",
            description = "Pairs of events (not rejected) of the same type, with overlapping dates and an actor in common: "
                    + "the newer one (among the 500 most recently stored) and an older one, with the actors they share, newest "
                    + "first. Merge one with POST /api/v1/events/{event.id}/merge and {\"into\": into.id}.")
    @APIResponse(responseCode = "200", description = "[{event, into, sharedActors}]")
    @APIResponse(responseCode = "400", description = "limit is no whole number between 1 and 1000")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-1000, default 100", schema = @Schema(type = SchemaType.INTEGER))
    public List<EventService.MergeSuggestion> mergeSuggestions(@Context UriInfo uri) {
        Integer limit = Cursor.limitParam(QueryValues.first(uri, "limit"));
        return queue.mergeSuggestions(Cursor.limit(limit));
    }

    /** {@code POST /api/v1/review/merge-suggestions/dismissals}: two events that are not one happening. */
    @Schema(name = "MergeDismissalRequest", example = """
            {"event": "0190f3c2-7d1e-7a4b-9c55-1f2e3d4c5b6a", "other": "0190f3c2-8e2f-7b5c-8d66-2a3f4e5d6c7b", "reason": "two meetings a week apart"}""")
    public record DismissalRequest(@Schema(description = "id of one event (a suggestion's event.id)", required = true) String event,
                                   @Schema(description = "id of the other (a suggestion's into.id)", required = true) String other,
                                   @Schema(description = "why, at most 2000 characters") String reason) {
    }

    @POST
    @Path("/merge-suggestions/dismissals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dismiss a merge suggestion: the two events are not one happening",
            description = "The pair (in either order) is no longer suggested, and the automatic de-duplication of article ingest "
                    + "does not merge it. Kept with the reason and who (the API key's name, when keys are named) and written to "
                    + "the change feed (entity dismissal, created, with reason and by). 201 with Location; the pair dismissed "
                    + "already: 200 with that dismissal, nothing changed. Withdraw it with DELETE on its Location.")
    @APIResponse(responseCode = "201", description = "The dismissal: {id, events, reason, by, dismissedAt}")
    @APIResponse(responseCode = "200", description = "The pair was dismissed already: that dismissal")
    @APIResponse(responseCode = "400", description = "A missing or malformed id, the same event twice, a reason over 2000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event (either)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response dismiss(DismissalRequest body, @HeaderParam("X-API-Key") String key, @Context UriInfo uri) {
        if (body == null) {
            throw ApiProblem.invalid("event", "must be an event id");
        }
        MergeDismissals.Outcome o = dismissals.dismiss(body.event(), body.other(), body.reason(), keys.nameOf(key));
        if (!o.created()) {
            return Response.ok(o.dismissal()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/review/merge-suggestions/dismissals")
                .path(o.dismissal().id().toString()).build()).entity(o.dismissal()).build();
    }

    @GET
    @Path("/merge-suggestions/dismissals")
    @Operation(summary = "Dismissed merge suggestions", description = "Newest first, paged with cursor and limit; event= narrows to one event's.")
    @APIResponse(responseCode = "200", description = "One page: {items: [{id, events, reason, by, dismissedAt}], next}")
    @Parameter(name = "event", in = ParameterIn.QUERY, description = "an event id", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "the 'next' value of the previous page", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-1000, default 100", schema = @Schema(type = SchemaType.INTEGER))
    public Page<MergeDismissals.Dismissal> dismissals(@Context UriInfo uri) {
        return dismissals.list(QueryValues.first(uri, "event"), QueryValues.first(uri, "cursor"),
                Cursor.limit(Cursor.limitParam(QueryValues.first(uri, "limit"))));
    }

    @GET
    @Path("/merge-suggestions/dismissals/{id}")
    @Operation(summary = "A dismissed merge suggestion")
    @APIResponse(responseCode = "200", description = "{id, events, reason, by, dismissedAt}")
    @APIResponse(responseCode = "404", description = "No such dismissal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MergeDismissals.Dismissal dismissal(@PathParam("id") UUID id) {
        return dismissals.get(id);
    }

    @DELETE
    @Path("/merge-suggestions/dismissals/{id}")
    @Operation(summary = "Withdraw a dismissal", description = "The pair may be suggested (and de-duplicated) again; the change feed "
            + "records the dismissal deleted, with by.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such dismissal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void withdraw(@PathParam("id") UUID id, @HeaderParam("X-API-Key") String key) {
        dismissals.withdraw(id, keys.nameOf(key));
    }
}
