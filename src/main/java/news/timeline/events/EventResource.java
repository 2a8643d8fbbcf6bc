package news.timeline.events;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.web.Cursor;
import news.timeline.web.Page;
import news.timeline.web.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Dated events with participants, provenance and editorial status")
@APIResponse(responseCode = "400", description = "Invalid input: malformed JSON, unknown field, wrong type, impossible date or a broken rule (errors lists each field)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EventResource {

    private final EventService events;

    EventResource(EventService events) {
        this.events = events;
    }

    @GET
    @Operation(summary = "List events", description = "Chronological: by date start, then precision (finer first), then id; paged with an opaque cursor.")
    @APIResponse(responseCode = "200", description = "One page; next is null on the last")
    public Page<EventView> list(@Parameter(description = "The next value of the previous page") @QueryParam("cursor") String cursor,
                                @Parameter(description = "Page size, 1..1000, default 100", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit) {
        return events.list(EventQuery.all(), cursor, Cursor.limitParam(limit));
    }

    @POST
    @Operation(summary = "Create an event", description = "Participants and parties are actor ids or slugs. Dates are ISO strings at any precision or date objects.")
    @APIResponse(responseCode = "201", description = "Created; Location points at it", content = @Content(schema = @Schema(implementation = EventView.class)))
    public Response create(EventInput input, @Context UriInfo uri) {
        EventView created = events.create(input);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/events").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an event", description = "The ETag header carries the version for optimistic locking (send it as version on PUT/PATCH).")
    @APIResponse(responseCode = "200", description = "The event")
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        EventView view = events.get(id);
        return Response.ok(view).tag(String.valueOf(events.version(id))).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace an event", description = "Participants and sources are replaced by those given. With version, a stale copy answers 409.")
    @APIResponse(responseCode = "200", description = "The updated event")
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Version stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventView update(@PathParam("id") UUID id, EventInput input) {
        return events.update(id, input);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change some fields of an event", description = "Editors set status (extracted, confirmed, rejected) this way. Absent or null fields stay.")
    @APIResponse(responseCode = "200", description = "The updated event")
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Version stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventView patch(@PathParam("id") UUID id, EventPatch patch) {
        return events.patch(id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an event", description = "With its participants and sources.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        events.delete(id);
    }

    @POST
    @Path("/{id}/sources")
    @Operation(summary = "Add a source to an event", description = "Provenance: article and/or URL, quote and its code-point offsets.")
    @APIResponse(responseCode = "201", description = "The event with the new source", content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addSource(@PathParam("id") UUID id, SourceInput input, @Context UriInfo uri) {
        EventView view = events.addSource(id, input);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/events").path(id.toString()).build()).entity(view).build();
    }
}
