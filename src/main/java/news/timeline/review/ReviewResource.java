package news.timeline.review;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.events.EventService;
import news.timeline.web.Cursor;
import news.timeline.web.Page;
import news.timeline.web.QueryValues;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

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

    ReviewResource(ReviewQueue queue) {
        this.queue = queue;
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
}
