package news.timeline.chronology;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.web.Page;
import news.timeline.web.QueryValues;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/** The change log, for clients that keep a copy in sync. Its own class with the full path: JAX-RS picks the class by path before the method. */
@Path("/api/v1/changes")
public class ChangesResource {

    private final ChronologyService chronology;

    ChangesResource(ChronologyService chronology) {
        this.chronology = chronology;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The change log: what was created, updated, deleted or merged since a time",
            description = "Oldest first. With `addedSince` on the event lists, this is how a client keeps a copy in sync: deleted and "
                    + "merged entities appear here (a merge names `mergedInto`). Filter with `entity` and `action`.")
    @Parameter(name = "entity", in = ParameterIn.QUERY, description = "actor, event, agreement, article, dismissal (a merge suggestion an editor dismissed); repeated or comma-separated",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "action", in = ParameterIn.QUERY, description = "created, updated, deleted, merged; repeated or comma-separated",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    public Response changes(@QueryParam("since") String since, @QueryParam("cursor") String cursor,
                            @QueryParam("limit") String limit, @Context UriInfo uri, @Context HttpHeaders headers) {
        Page<ChangeView> page = chronology.changes(since, QueryValues.values(uri, "entity"), QueryValues.values(uri, "action"),
                cursor, Conditional.limit(limit));
        return Conditional.respondJson(page, page.hashCode(), headers);
    }
}
