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

/** The timeline of two actors' shared events, in every format. Its own class with the full path: JAX-RS picks the class by path before the method. */
@Path("/api/v1/relationships/{actorA}/{actorB}/timeline")
public class RelationshipTimelineResource {

    private final ChronologyService chronology;

    RelationshipTimelineResource(ChronologyService chronology) {
        this.chronology = chronology;
    }

    @GET
    @Produces({Timeline.JSON, Timeline.TIMELINEJS, Timeline.VIS, Timeline.CSV, Timeline.ICS, Timeline.ATOM})
    @Operation(summary = "Events in which both actors take part, chronological",
            description = "Each side includes its affiliated actors within their periods of affiliation unless `includeAffiliated=false`; "
                    + "filters, order, formats and conditional GET as for an actor's timeline.")
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "event types, repeated or comma-separated",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "extracted, confirmed, rejected; repeated or "
            + "comma-separated (default extracted and confirmed)", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "includeAffiliated", in = ParameterIn.QUERY, description = "true or false (default true); any other "
            + "value, the empty one included, is a 400", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
    public Response relationshipTimeline(@PathParam("actorA") String actorA, @PathParam("actorB") String actorB,
                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("q") String q,
                                         @QueryParam("addedSince") String addedSince,
                                         @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
                                         @QueryParam("format") String format,
                                         @Context UriInfo uri, @Context HttpHeaders headers) {
        TimelineFilter filter = TimelineFilter.parse(from, to, QueryValues.values(uri, "type"), q, addedSince,
                QueryValues.values(uri, "status"), Conditional.limit(limit));
        Timeline t = chronology.relationshipTimeline(actorA, actorB,
                QueryValues.flag(uri, "includeAffiliated", true), filter, cursor);
        return Conditional.respond(t, uri, headers);
    }
}
