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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
            description = "Most shared events first, each with the count, the counts by type (`byType`, most first) and the "
                    + "date object of the latest shared event. Includes the events of affiliated actors within their periods "
                    + "unless `includeAffiliated=false`. `from`, `to`, `type`, `addedSince` and `status` select the events "
                    + "counted as on a timeline; for a counterpart without affiliates, its count is the number of events "
                    + "`/relationships/{actor}/{counterpart}/timeline` lists with the same filters. Weak ETag, 304 on `If-None-Match`.")
    @APIResponse(responseCode = "200", description = "A page of counterparts", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "counterparts", value = """
                    {"items": [{"actor": {"id": "0b6c0c55-52e1-4d1e-9a65-3f1b3c1f6f10", "slug": "russia", "name": "Russia", "kind": "country"},
                                "events": 3, "byType": {"meeting": 2, "agreement_signed": 1},
                                "latest": {"value": "2024-09-13", "precision": "day", "start": "2024-09-13", "end": "2024-09-13", "approximate": false},
                                "latestEventId": "6a1f6d4e-0d0c-4a43-8d8e-6a1d0f0b1e21"}],
                     "next": null}""")))
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "event types, repeated or comma-separated",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "extracted, confirmed, rejected; repeated or "
            + "comma-separated (default extracted and confirmed)", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "includeAffiliated", in = ParameterIn.QUERY, description = "true or false (default true); any other "
            + "value, the empty one included, is a 400", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
    public Response relationships(@PathParam("actor") String actor,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("addedSince") String addedSince,
                                  @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
                                  @Context UriInfo uri, @Context HttpHeaders headers) {
        TimelineFilter filter = TimelineFilter.parse(from, to, QueryValues.values(uri, "type"), null, addedSince,
                QueryValues.values(uri, "status"), Conditional.limit(limit));
        Page<Relationship> page = chronology.relationships(actor, QueryValues.flag(uri, "includeAffiliated", true), filter, cursor);
        return Conditional.respondJson(page, page.hashCode(), headers);
    }
}
