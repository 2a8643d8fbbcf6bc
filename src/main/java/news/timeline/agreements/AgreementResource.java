package news.timeline.agreements;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

import java.util.UUID;

@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Treaties, deals, ceasefires... with parties, dates, clauses and status")
@APIResponse(responseCode = "400", description = "Invalid input: malformed JSON, unknown field, wrong type, impossible date or a broken rule (errors lists each field)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AgreementResource {

    private final AgreementService agreements;

    AgreementResource(AgreementService agreements) {
        this.agreements = agreements;
    }

    @GET
    @Operation(summary = "List agreements", description = "In name order, paged with an opaque cursor.")
    @APIResponse(responseCode = "200", description = "One page; next is null on the last")
    public Page<AgreementView> list(@Parameter(description = "Part of the name") @QueryParam("q") String q,
                                    @Parameter(schema = @Schema(enumeration = {"treaty", "accord", "agreement", "deal", "memorandum", "ceasefire", "framework", "declaration", "merger", "other"}))
                                    @QueryParam("kind") String kind,
                                    @Parameter(schema = @Schema(enumeration = {"proposed", "negotiating", "signed", "in_force", "suspended", "terminated", "expired", "unknown"}))
                                    @QueryParam("status") String status,
                                    @Parameter(description = "The next value of the previous page") @QueryParam("cursor") String cursor,
                                    @Parameter(description = "Page size, 1..1000, default 100", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                                    @Context UriInfo uri) {
        // "kind=" and "status=" as sent (injection reads them as absent), so that they are refused like any other typo
        return agreements.list(q, kind == null ? QueryValues.first(uri, "kind") : kind,
                status == null ? QueryValues.first(uri, "status") : status, cursor, Cursor.limitParam(limit));
    }

    @POST
    @Operation(summary = "Create an agreement", description = "Parties are actor ids or slugs; signed/effective/expiry are ISO strings at any precision or date objects.")
    @APIResponse(responseCode = "201", description = "Created; Location points at it", content = @Content(schema = @Schema(implementation = AgreementView.class)))
    public Response create(AgreementInput input, @Context UriInfo uri) {
        AgreementView created = agreements.create(input);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/agreements").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an agreement")
    @APIResponse(responseCode = "200", description = "The agreement")
    @APIResponse(responseCode = "404", description = "No such agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AgreementView get(@PathParam("id") UUID id) {
        return agreements.get(id);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace an agreement", description = "Every field is replaced. With version, a stale copy answers 409.")
    @APIResponse(responseCode = "200", description = "The updated agreement")
    @APIResponse(responseCode = "404", description = "No such agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Version stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AgreementView update(@PathParam("id") UUID id, AgreementInput input) {
        return agreements.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an agreement", description = "Events that referred to it stay, unlinked.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        agreements.delete(id);
    }
}
