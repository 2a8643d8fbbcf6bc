package news.timeline.imports;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.web.QueryValues;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/imports")
@Tag(name = "imports", description = "Bulk, idempotent imports of events")
public class ImportResource {

    private final ImportService imports;

    ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import events in bulk",
            description = "Reads application/x-ndjson, text/csv or a JSON array of events in the service's own shape, each "
                    + "with an externalId (participants' actors by id, slug or name; unknown names create actors), or "
                    + "?format=gdelt (GDELT 2.0 event export) or ?format=acled (ACLED CSV). The body is streamed and stored "
                    + "in batches, each its own transaction; a bad record is reported as {line, message} and skipped. "
                    + "Re-running an import answers unchanged for what is stored. A changed record whose event was edited "
                    + "through the API since its last import is rejected and the edit kept, unless ?onConflict=overwrite. "
                    + "?async=true answers 202 with a job "
                    + "to poll at Location. Bodies over timeline.imports.max-bytes answer 413. dryRun and async take true or "
                    + "false only, onConflict keep or overwrite, format one of its names: any other value, the empty one "
                    + "included, is a 400 and nothing is read or stored.")
    @Parameter(name = "dryRun", in = ParameterIn.QUERY, description = "validate and count without storing: true or false (default)",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    @Parameter(name = "async", in = ParameterIn.QUERY, description = "run as a background job: true or false (default)",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    @Parameter(name = "onConflict", in = ParameterIn.QUERY, description = "an event edited through the API since its last "
            + "import: 'keep' the edit and reject the record (default) or 'overwrite' it with the record",
            schema = @Schema(enumeration = {"keep", "overwrite"}, defaultValue = "keep"))
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "ndjson, csv, json, gdelt or acled; by default from Content-Type",
            schema = @Schema(enumeration = {"ndjson", "csv", "json", "gdelt", "acled"}))
    public Response importEvents(InputStream body,
                                 @Parameter(description = "external source the externalIds belong to (native formats; default 'import')")
                                 @RestQuery String source,
                                 @RestHeader("Content-Type") String contentType,
                                 UriInfo uri) throws IOException {
        // every parameter is checked before the body is read: a refused request stores nothing
        boolean background = QueryValues.flag(uri, "async", false);
        List<String> format = QueryValues.values(uri, "format");
        ImportService.Options options = ImportService.options(format == null ? null : format.get(0), contentType, source,
                QueryValues.flag(uri, "dryRun", false),
                QueryValues.oneOf(uri, "onConflict", List.of("keep", "overwrite"), "keep"));
        if (background) {
            ImportJob job = imports.startJob(body, options);
            URI location = uri.getBaseUriBuilder().path("api/v1/imports").path(job.id().toString()).build();
            return Response.accepted(job).location(location).build();
        }
        return Response.ok(imports.importNow(body, options)).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress and result of a background import")
    public ImportJob job(@RestPath UUID id) {
        return imports.job(id);
    }
}
