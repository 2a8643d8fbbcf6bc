package news.timeline.articles;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** Re-extraction of many articles as a background job. Its own class: JAX-RS picks the class by path first. */
@Path("/api/v1/reextractions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ReextractionResource {

    private final ReextractionJobs jobs;

    ReextractionResource(ReextractionJobs jobs) {
        this.jobs = jobs;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Re-extract many articles as a job",
            description = "Runs POST /api/v1/articles/{id}/reextract over every stored article last read with another extractor "
                    + "version than the current one (all matching ones with includeCurrent=true), narrowed by the filters of GET "
                    + "/api/v1/articles. Answers 202 with the job at Location; poll it for progress and totals. One article per "
                    + "transaction: a job a restart interrupted resumes where it stopped, and a second job over the same "
                    + "articles finds nothing to do. No body is needed.")
    @APIResponse(responseCode = "202", description = "Queued; Location names the job",
            content = @Content(schema = @Schema(implementation = ReextractionJob.class)))
    @APIResponse(responseCode = "400", description = "A parameter's value is refused (problem+json naming it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = "includeCurrent", in = ParameterIn.QUERY, description = "also articles already read with the current "
            + "extractor: true or false (default)", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    @Parameter(name = "addedSince", in = ParameterIn.QUERY, description = "as GET /api/v1/articles", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "publishedFrom", in = ParameterIn.QUERY, description = "as GET /api/v1/articles", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "publishedTo", in = ParameterIn.QUERY, description = "as GET /api/v1/articles", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "as GET /api/v1/articles", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "host", in = ParameterIn.QUERY, description = "as GET /api/v1/articles", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "extractorVersion", in = ParameterIn.QUERY, description = "only articles last read with this version",
            schema = @Schema(type = SchemaType.STRING))
    public Response start(@Context UriInfo uri) {
        boolean includeCurrent = QueryValues.flag(uri, "includeCurrent", false);
        ArticleQuery query = ArticleQuery.parse(QueryValues.first(uri, "addedSince"), QueryValues.first(uri, "publishedFrom"),
                QueryValues.first(uri, "publishedTo"), QueryValues.first(uri, "q"), QueryValues.first(uri, "host"),
                QueryValues.first(uri, "extractorVersion"));
        ReextractionJob job = jobs.create(query, includeCurrent, true);
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/v1/reextractions").path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress and totals of a re-extraction job")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReextractionJob.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReextractionJob job(@PathParam("id") UUID id) {
        return jobs.job(id);
    }
}
