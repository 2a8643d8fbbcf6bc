package news.timeline.chronology;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import news.timeline.web.ApiProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A first look at what the database holds: what the page at {@code /} shows before any search. */
@Path("/api/v1/overview")
public class OverviewResource {

    private static final int DEFAULT_LIMIT = 10;

    private final ChronologyService chronology;

    OverviewResource(ChronologyService chronology) {
        this.chronology = chronology;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the database holds",
            description = "`counts` of events (not rejected), actors and articles; `latestEvents`: the latest-dated events "
                    + "(not rejected), latest first; `activeActors`: the actors taking part in the most events (not rejected), "
                    + "with that number, most first. All zero and empty on a new database.")
    public Overview overview(@Parameter(description = "Entries per list, 1..50, default 10",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "10"))
                             @QueryParam("limit") String limit) {
        return chronology.overview(limit(limit));
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) { // as every list's limit: absent or empty is the default
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1 && n <= ChronologyService.OVERVIEW_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw ApiProblem.invalid("limit", "must be a whole number between 1 and " + ChronologyService.OVERVIEW_MAX);
    }
}
