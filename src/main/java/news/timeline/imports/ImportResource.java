package news.timeline.imports;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
                    + "to poll at Location. Bodies over timeline.imports.max-bytes answer 413.")
    public Response importEvents(InputStream body,
                                 @Parameter(description = "ndjson, csv, json, gdelt or acled; by default from Content-Type")
                                 @RestQuery String format,
                                 @Parameter(description = "external source the externalIds belong to (native formats; default 'import')")
                                 @RestQuery String source,
                                 @Parameter(description = "validate and count without storing") @RestQuery boolean dryRun,
                                 @Parameter(description = "run as a background job") @RestQuery boolean async,
                                 @Parameter(description = "an event edited through the API since its last import: 'keep' the "
                                         + "edit and reject the record (default) or 'overwrite' it with the record")
                                 @RestQuery String onConflict,
                                 @RestHeader("Content-Type") String contentType,
                                 UriInfo uri) throws IOException {
        ImportService.Options options = ImportService.options(format, contentType, source, dryRun, onConflict);
        if (async) {
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
