package news.timeline.curation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import news.timeline.actors.ActorView;
import news.timeline.actors.MergeRequest;
import news.timeline.web.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Deleting and merging actors: the actor endpoints that reach events and agreements (see {@link ActorRemovals}). */
@Path("/api/v1/actors/{actor}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Actors")
@APIResponse(responseCode = "400", description = "Invalid input: malformed JSON, unknown field, wrong type or a broken rule (errors lists each field)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ActorRemovalResource {

    private final ActorRemovals removals;

    ActorRemovalResource(ActorRemovals removals) {
        this.removals = removals;
    }

    @DELETE
    @Operation(summary = "Delete an actor", description = "Its aliases and affiliations go with it; its events and agreements stay, without it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such actor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@Parameter(description = "Actor id (UUID) or slug, e.g. kim-jong-un") @PathParam("actor") String actor) {
        removals.delete(actor);
    }

    @POST
    @Path("/merge")
    @Operation(summary = "Merge an actor into another",
            description = "The target gains the actor's name and aliases (as aliases), events, agreements, affiliations and sources; "
                    + "the merged actor is deleted and the change log records it as merged into the target.")
    @APIResponse(responseCode = "200", description = "The target after the merge", content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "404", description = "No such actor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Merging an actor into itself", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActorView merge(@Parameter(description = "Actor id (UUID) or slug, e.g. kim-jong-un") @PathParam("actor") String actor, MergeRequest request) {
        return removals.merge(actor, request == null ? null : request.into());
    }
}
