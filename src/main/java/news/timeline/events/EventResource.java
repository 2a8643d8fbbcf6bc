package news.timeline.events;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.timeline.web.ApiKeys;
import news.timeline.web.ApiProblem;
import news.timeline.web.Problem;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    private final EventMerges merges;
    private final ApiKeys keys;
    private final ObjectMapper json;

    EventResource(EventService events, EventMerges merges, ApiKeys keys, ObjectMapper json) {
        this.events = events;
        this.merges = merges;
        this.keys = keys;
        this.json = json;
    }

    /** {@code POST /api/v1/events/{id}/merge}: the event to merge into. */
    @Schema(name = "EventMergeRequest", example = """
            {"into": "0190f3c2-7d1e-7a4b-9c55-1f2e3d4c5b6a"}""")
    public record MergeInto(@Schema(description = "id of the event that stays", required = true) String into) {
    }

    /** {@code POST /api/v1/events/{id}/split}: the sources to take out. */
    @Schema(name = "EventSplitRequest", example = """
            {"sources": ["0190f3c2-7d1e-7a4b-9c55-1f2e3d4c5b6a"]}""")
    public record SplitOff(@Schema(description = "ids of the event's sources (as in its sources list)", required = true)
                           java.util.List<String> sources) {
    }

    @POST
    @Path("/{id}/merge")
    @Operation(summary = "Merge an event into another", description = "Its sources (with their quotes) and participants move to "
            + "the target (where both had an actor, the target's role stays); the target takes its agreement when it had none. "
            + "The event is gone, recorded in the change feed as merged (mergedInto), the target as updated. Undo it by "
            + "splitting out exactly the sources the merge brought in: the event comes back as it was.")
    @APIResponse(responseCode = "200", description = "The target after the merge", content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "No such event (either)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Into itself, or into an event that was deleted or merged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventView merge(@PathParam("id") UUID id, MergeInto body) {
        if (body == null) {
            throw ApiProblem.invalid("into", "must be the id of the event to merge into");
        }
        return merges.merge(id, body.into());
    }

    @POST
    @Path("/{id}/split")
    @Operation(summary = "Split sources out of an event", description = "The given sources move to a new event with this one's "
            + "fields and the participants they support (201, Location): a participant that only the sources taken out support "
            + "(their article names the actor, or their quote its name or an alias) leaves this event; one both sides support, "
            + "or none does, is on both. When they are exactly the sources an earlier merge brought in, the "
            + "merged event comes back instead, as it was before the merge: its id, fields, participants and sources; the "
            + "target loses the participants and agreement the merge gave it. The event keeps at least one source.")
    @APIResponse(responseCode = "201", description = "The event split out (new or restored)", content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", description = "No sources, or one that is not this event's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response split(@PathParam("id") UUID id, SplitOff body, @Context UriInfo uri) {
        EventMerges.Split s = merges.split(id, body == null ? null : body.sources());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/events").path(s.event().id().toString()).build())
                .entity(s.event()).build();
    }

    /** The optional body of a decision. */
    @Schema(name = "Decision", example = """
            {"reason": "two sources confirm the meeting"}""")
    public record Decision(@Schema(description = "why, at most 2000 characters") String reason) {
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm an event", description = "An editor's review decision, with an optional reason in the body "
            + "({\"reason\": \"...\"}; no body is needed). Kept on the event with who decided (the API key's name, when "
            + "keys are named: TIMELINE_API_KEYS=name:key,...) and in the change feed (an update with status, reason, by). "
            + "A confirmed event survives the retraction of its articles and is never changed by a re-extraction.")
    @APIResponse(responseCode = "200", description = "The confirmed event", content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    public EventView confirm(@PathParam("id") UUID id, String body, @HeaderParam("X-API-Key") String key) {
        return events.decide(id, "confirmed", reason(body), keys.nameOf(key));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reject an event", description = "As confirm. A rejected event is left out of lists unless asked for "
            + "by status, survives the retraction of its articles, and never comes back: a re-extraction or another article "
            + "reporting the same happening adds its source to the rejected event, which stays rejected.")
    @APIResponse(responseCode = "200", description = "The rejected event", content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    public EventView reject(@PathParam("id") UUID id, String body, @HeaderParam("X-API-Key") String key) {
        return events.decide(id, "rejected", reason(body), keys.nameOf(key));
    }

    /** The reason of an optional {@link Decision} body; unknown fields and broken JSON are a 400 like everywhere. */
    private String reason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            Decision d = json.readValue(body, Decision.class);
            return d == null ? null : d.reason();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiProblem.invalid("body", "must be {\"reason\": \"...\"} or empty: " + e.getOriginalMessage());
        }
    }

    // GET /api/v1/events (the filtered, chronological list in every format) is chronology's EventListResource.

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
    public EventView patch(@PathParam("id") UUID id, EventPatch patch, @HeaderParam("X-API-Key") String key) {
        return events.patch(id, patch, keys.nameOf(key));
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
