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

/** The actors an actor shares events with. Its own class with the full path: JAX-RS picks the class by path before the method. */
@Path("/api/v1/actors/{actor}/relationships")
public class ActorRelationshipsResource {

    private final ChronologyService chronology;

    ActorRelationshipsResource(ChronologyService chronology) {
        this.chronology = chronology;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The actors this actor shares events with",
            description = "Most shared events first, each with the count and the date object of the latest shared event. "
                    + "Includes the events of affiliated actors within their periods unless `includeAffiliated=false`.")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "extracted, confirmed, rejected; repeated or "
            + "comma-separated (default extracted and confirmed)", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "includeAffiliated", in = ParameterIn.QUERY, description = "true or false (default true); any other "
            + "value, the empty one included, is a 400", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
    public Response relationships(@PathParam("actor") String actor,
                                  @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
                                  @Context UriInfo uri, @Context HttpHeaders headers) {
        Page<Relationship> page = chronology.relationships(actor, QueryValues.flag(uri, "includeAffiliated", true),
                QueryValues.values(uri, "status"), cursor, Conditional.limit(limit));
        return Conditional.respondJson(page, page.hashCode(), headers);
    }
}
