package news.timeline.actors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.web.Cursor;
import news.timeline.web.QueryValues;
import news.timeline.web.Page;
import news.timeline.web.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/actors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Actors", description = "People, countries, organizations and groups; aliases, affiliations, merge")
@APIResponse(responseCode = "400", description = "Invalid input: malformed JSON, unknown field, wrong type or a broken rule (errors lists each field)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ActorResource {

    static final String TWIN_RULE = "No twins: without a slug, a name that differs from the name or an alias of an actor of the "
            + "same kind only by case, accents, punctuation, spacing or a leading 'the' ('north korea ', 'North-Korea', 'The North "
            + "Korea') is answered 409 with that actor in the problem's existing member, and nothing is created: use it, or add the "
            + "name to its aliases. Another kind is another actor ('Georgia' the country and a person). A request that gives a slug "
            + "of its own creates a namesake on purpose (two people called John Smith).";

    private static final String ACTOR = "Actor id (UUID) or slug, e.g. kim-jong-un";

    private final ActorService actors;

    ActorResource(ActorService actors) {
        this.actors = actors;
    }

    @GET
    @Operation(summary = "List actors", description = "In name order, paged with an opaque cursor. q matches part of a name or alias.")
    @APIResponse(responseCode = "200", description = "One page; next is null on the last")
    public Page<ActorView> list(@Parameter(description = "Part of a name or alias") @QueryParam("q") String q,
                             @Parameter(schema = @Schema(enumeration = {"person", "country", "organization", "group", "other"})) @QueryParam("kind") String kind,
                             @Parameter(description = "The next value of the previous page") @QueryParam("cursor") String cursor,
                             @Parameter(description = "Page size, 1..1000, default 100", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                             @jakarta.ws.rs.core.Context UriInfo uri) {
        // "kind=" as sent (injection reads it as absent), so that it is refused like any value that is no kind
        return actors.list(q, kind == null ? QueryValues.first(uri, "kind") : kind, cursor, Cursor.limitParam(limit));
    }

    @POST
    @Operation(summary = "Create an actor", description = "Without a slug one is made from the name (-2, -3... on collision). "
            + TWIN_RULE)
    @APIResponse(responseCode = "201", description = "Created; Location points at it", content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken; or, without a slug, an actor of the same kind already has this "
            + "name or an alias folding to it (type .../duplicate; the problem's existing member is that actor: id, slug, name, kind)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(ActorInput input, @jakarta.ws.rs.core.Context UriInfo uri) {
        ActorView created = actors.create(input);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/actors").path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{actor}")
    @Operation(summary = "Get an actor")
    @APIResponse(responseCode = "200", description = "The actor")
    @APIResponse(responseCode = "404", description = "No such actor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActorView get(@Parameter(description = ACTOR) @PathParam("actor") String actor) {
        return actors.get(actor);
    }

    @PUT
    @Path("/{actor}")
    @Operation(summary = "Replace an actor", description = "Every field is replaced; a slug left out keeps the current one. With version, a stale copy answers 409. "
            + "A new name or kind that would make the actor a twin of another is a 409 as on creation.")
    @APIResponse(responseCode = "200", description = "The updated actor")
    @APIResponse(responseCode = "404", description = "No such actor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Slug taken, version stale, or the new name or kind is another actor's (existing names it)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActorView update(@Parameter(description = ACTOR) @PathParam("actor") String actor, ActorInput input) {
        return actors.update(actor, input);
    }

    @PATCH
    @Path("/{actor}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change some fields of an actor", description = "Absent or null fields stay; aliases, when given, replaces the list. "
            + "A new name or kind that would make the actor a twin of another is a 409 as on creation.")
    @APIResponse(responseCode = "200", description = "The updated actor")
    @APIResponse(responseCode = "404", description = "No such actor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Slug taken, version stale, or the new name or kind is another actor's (existing names it)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActorView patch(@Parameter(description = ACTOR) @PathParam("actor") String actor, ActorPatch patch) {
        return actors.patch(actor, patch);
    }

    @GET
    @Path("/{actor}/affiliations")
    @Operation(summary = "Affiliations of an actor", description = "Whom the actor acts for, over time, earliest first.")
    @APIResponse(responseCode = "200", description = "The affiliations")
    @APIResponse(responseCode = "404", description = "No such actor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AffiliationView> affiliations(@Parameter(description = ACTOR) @PathParam("actor") String actor) {
        return actors.affiliations(actor);
    }

    @POST
    @Path("/{actor}/affiliations")
    @Operation(summary = "Add an affiliation", description = "The actor acts for 'to' from validFrom to validTo (open ends allowed).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AffiliationView.class)))
    @APIResponse(responseCode = "404", description = "No such actor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addAffiliation(@Parameter(description = ACTOR) @PathParam("actor") String actor, AffiliationInput input,
                                   @jakarta.ws.rs.core.Context UriInfo uri) {
        AffiliationView created = actors.addAffiliation(actor, input);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/actors").path(created.actor().id().toString())
                .path("affiliations").path(created.id().toString()).build()).entity(created).build();
    }

    @DELETE
    @Path("/{actor}/affiliations/{id}")
    @Operation(summary = "Remove an affiliation")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such actor or affiliation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void removeAffiliation(@Parameter(description = ACTOR) @PathParam("actor") String actor, @PathParam("id") UUID id) {
        actors.removeAffiliation(actor, id);
    }
}
