package news.timeline.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.timeline.config.TimelineConfig;
import news.timeline.web.Problem;

import java.util.List;

/**
 * Body size limits per route. Imports need a far larger limit than the rest of the API, and Quarkus has one
 * global limit ({@code quarkus.http.limits.max-body-size}), so that one is set to the import limit and this handler,
 * running right after it, holds every other route to {@code timeline.imports.other-max-bytes}. A declared
 * Content-Length over the limit is refused before a byte is read, with a problem+json 413; a chunked import
 * body is counted while it streams ({@link LimitedInputStream}).
 */
@ApplicationScoped
class ImportBodyLimit {

    static final String IMPORT_PATH = "/api/v1/imports/events";
    /** Where Quarkus REST's request stream looks for the limit it enforces. */
    private static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";

    private final long importMax;
    private final long otherMax;
    private final ObjectMapper json;

    ImportBodyLimit(TimelineConfig config, ObjectMapper json) {
        this.importMax = config.imports().maxBytes().asLongValue();
        this.otherMax = config.imports().otherMaxBytes().asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        // before Quarkus's own check, which answers a bare 413
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredOversize);
        // after it, since it sets the limit its request stream enforces
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::setStreamLimit);
    }

    private void refuseDeclaredOversize(RoutingContext rc) {
        boolean isImport = isImport(rc);
        long limit = isImport ? importMax : otherMax;
        String declared = rc.request().getHeader("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > limit) {
                refuse(rc, limit, isImport);
                return;
            }
        }
        rc.next();
    }

    private void setStreamLimit(RoutingContext rc) {
        boolean isImport = isImport(rc);
        // imports count their own bytes, to answer with a report rather than a bare status
        rc.put(MAX_REQUEST_SIZE_KEY, isImport ? Long.MAX_VALUE : otherMax);
        rc.next();
    }

    private static boolean isImport(RoutingContext rc) {
        return rc.request().method() == HttpMethod.POST && IMPORT_PATH.equals(rc.normalizedPath());
    }

    private void refuse(RoutingContext rc, long limit, boolean isImport) {
        String detail = "the body is larger than " + limit + " bytes"
                + (isImport ? " (timeline.imports.max-bytes); nothing was imported. Split the file: reruns are safe" : "");
        String body;
        try {
            body = json.writeValueAsString(new Problem("https://timeline.news/problems/payload-too-large", "Payload too large",
                    413, detail, rc.normalizedPath(), List.of()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        rc.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .endHandler(v -> rc.request().connection().close())
                .end(body);
    }
}
