package news.timeline.chronology;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
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

import java.util.List;

/** "What changed since": the digest, as JSON or an Atom feed. */
@Path("/api/v1/digest")
public class DigestResource {

    private final ChronologyService chronology;

    DigestResource(ChronologyService chronology) {
        this.chronology = chronology;
    }

    @GET
    @Produces({Timeline.JSON, Timeline.ATOM})
    @Operation(summary = "What entered or changed since a time, grouped",
            description = "Events changed after `since` (`entered`: created after it, `changed`: older ones edited, with "
                    + "sources or participants added), by type and, for the new ones, by actor and type; the latest changed "
                    + "events themselves (`limit`, default 100); agreements created or changed; editors' decisions by the "
                    + "status set, event merges and deletions (from `/changes`); actors created. `entered + changed` is what "
                    + "`/events?addedSince=T` lists (for one actor, `&actor=X&includeAffiliated=true`; `events.list` links it); the decisions, merges, deletions, new "
                    + "agreements and actors are the entries of `/changes?since=T`. With `actor` (repeated or comma-separated), "
                    + "events in which one of them (or, unless `includeAffiliated=false`, an affiliate) takes part, their "
                    + "agreements, merges into their events, and new actors among their affiliates and those events' "
                    + "participants; deletions are then not counted (`deleted: null`). `format=atom` (or "
                    + "`Accept: application/atom+xml`) answers a feed: one entry with the counts, then one per event shown.")
    @APIResponse(responseCode = "200", description = "The digest", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Digest.class),
            examples = @ExampleObject(name = "since Monday", value = """
                    {"since": "2024-09-09T00:00:00Z", "asOf": "2024-09-14T09:45:00Z",
                     "actors": [{"id": "5d8e5b8e-3f7a-4a43-9a65-1b1e0c55aa01", "slug": "north-korea", "name": "North Korea", "kind": "country"}],
                     "events": {"entered": 2, "changed": 1,
                                "byType": [{"type": "meeting", "entered": 1, "changed": 1}, {"type": "statement", "entered": 1, "changed": 0}],
                                "byActor": [{"actor": {"slug": "north-korea", "name": "North Korea"}, "entered": 2, "byType": {"meeting": 1, "statement": 1}}],
                                "items": [{"id": "...", "type": "meeting", "title": "Kim Jong-un meets Sergei Shoigu"}],
                                "itemsOmitted": 0,
                                "list": "http://localhost:8080/api/v1/events?addedSince=2024-09-09T00:00:00Z&actor=north-korea"},
                     "agreements": {"entered": 0, "changed": 1, "items": [{"id": "...", "name": "Treaty on Comprehensive Strategic Partnership",
                                    "kind": "treaty", "status": "in_force", "signed": {"value": "2024-06-19", "precision": "day", "start": "2024-06-19", "end": "2024-06-19", "approximate": false},
                                    "entered": false, "updatedAt": "2024-09-12T08:00:00Z"}]},
                     "statusChanges": {"confirmed": 3, "rejected": 1, "extracted": 0, "merged": 1, "deleted": null},
                     "newActors": {"count": 1, "items": [{"slug": "sergei-shoigu", "name": "Sergei Shoigu", "kind": "person"}]}}""")))
    @Parameter(name = "since", in = ParameterIn.QUERY, required = true,
            description = "a timestamp with offset (2024-09-14T09:45:00+10:00) or a date (its start, UTC)")
    @Parameter(name = "actor", in = ParameterIn.QUERY, description = "actor ids or slugs, repeated or comma-separated",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "the events' statuses: extracted, confirmed, rejected; "
            + "repeated or comma-separated (default extracted and confirmed)", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "includeAffiliated", in = ParameterIn.QUERY, description = "true or false (default true)",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "json (default) or atom",
            schema = @Schema(enumeration = {"json", "atom"}))
    public Response digest(@QueryParam("since") String since, @QueryParam("limit") String limit,
                           @Context UriInfo uri, @Context HttpHeaders headers) {
        List<String> actors = QueryValues.values(uri, "actor");
        boolean rollUp = QueryValues.flag(uri, "includeAffiliated", true);
        UriBuilder list = uri.getBaseUriBuilder().path("api/v1/events").queryParam("addedSince", since == null ? "" : since.trim());
        if (actors != null) {
            actors.forEach(a -> list.queryParam("actor", a));
            list.queryParam("includeAffiliated", rollUp);
        }
        Digest d = chronology.digest(since, actors, rollUp,
                QueryValues.values(uri, "status"), Conditional.limit(limit), uri.getRequestUri(), list.build());
        String accept = String.join(",", headers.getRequestHeader(HttpHeaders.ACCEPT));
        // asOf moves with every request; the tag covers what the digest says
        Digest said = new Digest(d.since(), null, d.actors(), d.events(), d.agreements(), d.statusChanges(), d.newActors(),
                d.title(), null);
        return Conditional.respondTagged(d, new EntityTag(Integer.toUnsignedString(said.hashCode(), 36) + "-"
                + Integer.toUnsignedString(accept.hashCode(), 36), true), headers);
    }
}
