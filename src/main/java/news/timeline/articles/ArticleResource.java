package news.timeline.articles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.web.Cursor;
import news.timeline.web.Page;
import news.timeline.web.Problem;
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
    private final Retractions retractions;
    private final Reextractions reextractions;

    ArticleResource(ArticleService service, Retractions retractions, Reextractions reextractions) {
        this.service = service;
        this.retractions = retractions;
        this.reextractions = reextractions;
    }

    @POST
    @Path("/articles/{id}/reextract")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Run the current extractor over a stored article again",
            description = "Answers the difference: events added, removed (deleted when the article was their last source) and "
                    + "changed (before and after), actors and agreements the article now names or no longer names. Never "
                    + "overrides an editor: events confirmed, rejected, created or edited keep their status and fields, and one "
                    + "the extractor no longer finds stays as it was (listed under kept). An event other articles report too "
                    + "keeps its fields. A second run with the same extractor changes nothing. With dryRun=true the answer is "
                    + "the same and nothing is stored.")
    @APIResponse(responseCode = "200", description = "What changed (or would change, in a dry run)",
            content = @Content(schema = @Schema(implementation = Reextraction.class)))
    @APIResponse(responseCode = "404", description = "No such article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Extraction is off or its models are still loading",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = "dryRun", in = ParameterIn.QUERY, description = "answer the difference without storing it: true or false "
            + "(default); any other value, the empty one included, is a 400", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public Reextraction reextract(@PathParam("id") UUID id, @jakarta.ws.rs.core.Context UriInfo uri) {
        return reextractions.reextract(id, QueryValues.flag(uri, "dryRun", false));
    }

    @GET
    @Path("/articles")
    @Operation(summary = "Stored articles, newest first",
            description = "Paged like every list (`cursor`, `limit`). `addedSince`: stored or re-extracted after that timestamp "
                    + "(retracted ones: `GET /api/v1/changes?entity=article&action=deleted`); `publishedFrom`/`publishedTo`: "
                    + "publication day in the range (dates at any precision; `publishedTo=2024-06` means to 30 June); `q`: full "
                    + "text over title and text; `host`: the URL's host or a domain above it; `extractorVersion`: exactly. "
                    + "A value a parameter cannot mean, the empty one included, is a 400 naming it.")
    @APIResponse(responseCode = "200", description = "One page: {items: [article summaries], next: cursor or null}")
    @APIResponse(responseCode = "400", description = "A parameter's value is refused (problem+json naming it)")
    @Parameter(name = "addedSince", in = ParameterIn.QUERY, description = "timestamp with offset, or a date (midnight UTC)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "publishedFrom", in = ParameterIn.QUERY, description = "first publication day: a date at any precision",
            schema = @Schema(type = SchemaType.STRING, example = "2024-06"))
    @Parameter(name = "publishedTo", in = ParameterIn.QUERY, description = "last publication day: a date at any precision",
            schema = @Schema(type = SchemaType.STRING, example = "2024-06"))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "full text over title and text (web search syntax), at most 500 characters",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "host", in = ParameterIn.QUERY, description = "host of the article's URL (bbc.co.uk also finds www.bbc.co.uk)",
            schema = @Schema(type = SchemaType.STRING, example = "www.example.com"))
    @Parameter(name = "extractorVersion", in = ParameterIn.QUERY, description = "the extractor version the article was last read with",
            schema = @Schema(type = SchemaType.STRING, example = "timeline-extraction-en/0.2.0"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "the 'next' value of the previous page", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-1000, default 100", schema = @Schema(type = SchemaType.INTEGER))
    public Page<ArticleSummary> list(@jakarta.ws.rs.core.Context UriInfo uri) {
        ArticleQuery query = ArticleQuery.parse(QueryValues.first(uri, "addedSince"), QueryValues.first(uri, "publishedFrom"),
                QueryValues.first(uri, "publishedTo"), QueryValues.first(uri, "q"), QueryValues.first(uri, "host"),
                QueryValues.first(uri, "extractorVersion"));
        String cursor = QueryValues.first(uri, "cursor");
        return service.list(query, cursor, Cursor.limitParam(QueryValues.first(uri, "limit")));
    }

    @DELETE
    @Path("/articles/{id}")
    @Operation(summary = "Retract an article",
            description = "Its sources are removed from every event, actor and agreement. A fact left without a source is deleted "
                    + "unless an editor confirmed, rejected, created or edited it, or a kept fact refers to it; those are kept and "
                    + "listed with the reason. Every deletion and change is in the change feed. Submitting the article again "
                    + "later is a first submission.")
    @APIResponse(responseCode = "200", description = "Retracted: what was deleted and what was kept",
            content = @Content(schema = @Schema(implementation = Retraction.class)))
    @APIResponse(responseCode = "404", description = "No such article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Retraction retract(@PathParam("id") UUID id) {
        return retractions.retract(id);
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
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    @Operation(summary = "An article with the facts extracted from it", description = "As on submission, plus `review`: each "
            + "stored fact's review status (an event's status and decision, whether an editor edited it), and `article.text`: "
            + "the stored text (for an HTML page, the text found in it) that every offset of the answer counts in.")
    public ArticleResponse get(@PathParam("id") UUID id) {
        return service.getWithText(id);
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
