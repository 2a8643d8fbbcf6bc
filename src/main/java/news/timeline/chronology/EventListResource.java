package news.timeline.chronology;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.web.QueryValues;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/** The chronological event list with its filters; the same formats as the timelines. */
@Path("/api/v1/events")
public class EventListResource {

    private final ChronologyService chronology;

    EventListResource(ChronologyService chronology) {
        this.chronology = chronology;
    }

    @GET
    @Produces({Timeline.JSON, Timeline.TIMELINEJS, Timeline.VIS, Timeline.CSV, Timeline.ICS, Timeline.ATOM})
    @Operation(summary = "Events, chronological, filtered",
            description = "`from`/`to`: events whose covered days overlap the range (dates at any precision); `actor`: an actor's id or "
                    + "slug (its own events, or also its affiliates' with `includeAffiliated=true`); `type`: event types (repeat or "
                    + "comma-separate); `q`: full text over titles, summaries and source quotes; `addedSince`: created or changed after "
                    + "that timestamp (deletions and merges: `GET /api/v1/changes?since=`); `status`: defaults to extracted and confirmed. "
                    + "Sorted by start day, precision (finer first), id; keyset `cursor`.")
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "event types, repeated or comma-separated",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "extracted, confirmed, rejected; repeated or "
            + "comma-separated (default extracted and confirmed)", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "includeAffiliated", in = ParameterIn.QUERY, description = "true or false (default false); any other "
            + "value, the empty one included, is a 400", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public Response list(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("actor") String actor, @QueryParam("q") String q,
                         @QueryParam("addedSince") String addedSince,
                         @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
                         @QueryParam("format") String format,
                         @Context UriInfo uri, @Context HttpHeaders headers) {
        TimelineFilter filter = TimelineFilter.parse(from, to, QueryValues.values(uri, "type"), q, addedSince,
                QueryValues.values(uri, "status"), Conditional.limit(limit));
        Timeline t = chronology.events(actor, QueryValues.flag(uri, "includeAffiliated", false), filter, cursor);
        return Conditional.respond(t, uri, headers);
    }
}
