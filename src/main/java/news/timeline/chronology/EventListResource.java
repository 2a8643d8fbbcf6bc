package news.timeline.chronology;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
    public Response list(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("actor") String actor, @QueryParam("includeAffiliated") String includeAffiliated,
                         @QueryParam("type") List<String> type, @QueryParam("q") String q,
                         @QueryParam("addedSince") String addedSince, @QueryParam("status") List<String> status,
                         @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
                         @QueryParam("format") String format,
                         @Context UriInfo uri, @Context HttpHeaders headers) {
        TimelineFilter filter = TimelineFilter.parse(from, to, type, q, addedSince, status, Conditional.limit(limit));
        Timeline t = chronology.events(actor, Conditional.flag("includeAffiliated", includeAffiliated, false), filter, cursor);
        return Conditional.respond(t, uri, headers);
    }
}
