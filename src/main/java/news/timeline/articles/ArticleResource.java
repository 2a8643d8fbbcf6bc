package news.timeline.articles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.web.QueryValues;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Submit news; get dated events, actors and agreements with their provenance")
public class ArticleResource {

    private final ArticleService service;

    ArticleResource(ArticleService service) {
        this.service = service;
    }

    @POST
    @Path("/articles")
    @Operation(summary = "Submit an article", description = "Extracts dated events, actors and agreements and stores them with "
            + "their provenance in one transaction. Submitting the same article again (same url or same normalized text) "
            + "answers 200 with the stored result and creates nothing. With dryRun=true nothing is stored.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the article",
            content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "200", description = "Already stored (or a dry run)",
            content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid submission (problem+json with field errors)")
    @APIResponse(responseCode = "413", description = "Body over the size limit")
    @APIResponse(responseCode = "422", description = "Nothing but boilerplate in the text")
    @Parameter(name = "dryRun", in = ParameterIn.QUERY, description = "validate and extract without storing: true or false "
            + "(default); any other value, the empty one included, is a 400", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public Response submit(@Valid @NotNull ArticleSubmission submission, @jakarta.ws.rs.core.Context UriInfo uri) {
        Submission s = service.submit(submission, QueryValues.flag(uri, "dryRun", false));
        if (s.created()) {
            return Response.created(uri.getBaseUriBuilder().path("api/v1/articles").path(s.response().article().id().toString()).build())
                    .entity(s.response()).build();
        }
        return Response.ok(s.response()).build();
    }

    @GET
    @Path("/articles/{id}")
    @Operation(summary = "An article with the facts extracted from it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    public ArticleResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/analyze")
    @Operation(summary = "Analyze any text", description = "The same events, actors, agreements and TIMEX3 time expressions "
            + "as a submission, with code-point offsets into text, resolved against referenceDate. Stores nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing text or malformed referenceDate")
    public ArticleResponse analyze(@Valid @NotNull AnalyzeRequest request) {
        return service.analyze(request);
    }
}
