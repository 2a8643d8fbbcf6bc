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
import news.timeline.web.QueryValues;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The summary of two actors' relationship. Its own class with the full path: JAX-RS picks the class by path before the method. */
@Path("/api/v1/relationships/{actorA}/{actorB}")
public class RelationshipSummaryResource {

    private final ChronologyService chronology;

    RelationshipSummaryResource(ChronologyService chronology) {
        this.chronology = chronology;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What two actors share: counts by type and period, first and latest event, agreements, people",
            description = "Counts the events `/relationships/{actorA}/{actorB}/timeline` lists with the same `from`, `to`, `type`, "
                    + "`addedSince`, `status` and `includeAffiliated` (the `timeline` link). `byPeriod` counts by the year of "
                    + "each event's start, or by month (`periodUnit: month`) when the shared events start within 24 months of "
                    + "each other; years are ISO 8601 with astronomical numbering (`0000` is 1 BC, `-0044` is 45 BC). "
                    + "`first` and `latest` are the first and last event of that timeline. `agreements` have a party on each "
                    + "side (its affiliates with roll-up); signed ones are kept when their signing overlaps `from`/`to`. "
                    + "`sides` lists, per side, the affiliated people and bodies that took part. Weak ETag, 304 on `If-None-Match`.")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RelationshipSummary.class),
            examples = @ExampleObject(name = "North Korea and Russia", value = """
                    {"actors": [{"id": "5d8e5b8e-3f7a-4a43-9a65-1b1e0c55aa01", "slug": "north-korea", "name": "North Korea", "kind": "country"},
                                {"id": "0b6c0c55-52e1-4d1e-9a65-3f1b3c1f6f10", "slug": "russia", "name": "Russia", "kind": "country"}],
                     "events": 3,
                     "byType": [{"type": "meeting", "events": 2}, {"type": "agreement_signed", "events": 1}],
                     "periodUnit": "month",
                     "byPeriod": [{"period": "2024-06", "events": 2}, {"period": "2024-09", "events": 1}],
                     "first": {"id": "...", "type": "agreement_signed", "title": "Treaty on Comprehensive Strategic Partnership signed", "date": {"value": "2024-06-19", "precision": "day", "start": "2024-06-19", "end": "2024-06-19", "approximate": false}},
                     "latest": {"id": "...", "type": "meeting", "title": "Kim Jong-un meets Sergei Shoigu", "date": {"value": "2024-09-13", "precision": "day", "start": "2024-09-13", "end": "2024-09-13", "approximate": false}},
                     "agreements": [{"id": "...", "name": "Treaty on Comprehensive Strategic Partnership", "kind": "treaty", "status": "signed",
                                     "signed": {"value": "2024-06-19", "precision": "day", "start": "2024-06-19", "end": "2024-06-19", "approximate": false}}],
                     "sides": [{"actor": {"slug": "north-korea"}, "affiliates": [{"actor": {"slug": "kim-jong-un", "name": "Kim Jong-un", "kind": "person"}, "events": 3}]},
                               {"actor": {"slug": "russia"}, "affiliates": [{"actor": {"slug": "sergei-shoigu", "name": "Sergei Shoigu", "kind": "person"}, "events": 1}]}],
                     "timeline": "http://localhost:8080/api/v1/relationships/north-korea/russia/timeline?from=2024-06"}""")))
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "event types, repeated or comma-separated",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "extracted, confirmed, rejected; repeated or "
            + "comma-separated (default extracted and confirmed)", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "includeAffiliated", in = ParameterIn.QUERY, description = "true or false (default true); any other "
            + "value, the empty one included, is a 400", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
    public Response summary(@PathParam("actorA") String actorA, @PathParam("actorB") String actorB,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("addedSince") String addedSince,
                            @Context UriInfo uri, @Context HttpHeaders headers) {
        TimelineFilter filter = TimelineFilter.parse(from, to, QueryValues.values(uri, "type"), null, addedSince,
                QueryValues.values(uri, "status"), null);
        // the timeline these counts describe: this request's path and filters
        var timeline = uri.getRequestUriBuilder().path("timeline").build();
        RelationshipSummary s = chronology.relationshipSummary(actorA, actorB,
                QueryValues.flag(uri, "includeAffiliated", true), filter, timeline);
        return Conditional.respondJson(s, s.hashCode(), headers);
    }
}
