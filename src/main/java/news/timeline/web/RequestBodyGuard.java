package news.timeline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.timeline.config.TimelineConfig;

import java.util.List;

/**
 * Answers an empty or over-large request with a 413 problem+json instead of cutting the connection. The body is read and
 * discarded first, so ordinary HTTP clients (curl, urllib, REST Assured) get to see the answer rather than a broken
 * pipe. Imports have their own, larger limit; the HTTP layer's hard limit (quarkus.http.limits.max-body-size) sits
 * above both and only bounds chunked uploads that announce no length.
 */
@ApplicationScoped
public class RequestBodyGuard {

    private final TimelineConfig config;

    private final ObjectMapper json;

    RequestBodyGuard(TimelineConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    /**
     * Actions whose body is optional: running an article's extraction again, starting a re-extraction job, a decision,
     * pausing or resuming a subscription.
     */
    static boolean takesNoBody(String path) {
        return path.endsWith("/reextract") || path.equals("/api/v1/reextractions") || path.endsWith("/confirm")
                || path.endsWith("/reject") || path.startsWith("/api/v1/subscriptions/")
                && (path.endsWith("/resume") || path.endsWith("/pause"));
    }

    private void check(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String length = ctx.request().getHeader("Content-Length");
        if (length == null || method == HttpMethod.GET || method == HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            ctx.next();
            return;
        }
        if (declared == 0 && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)
                && ctx.normalizedPath().startsWith("/api/") && !takesNoBody(ctx.normalizedPath())) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(problem("empty-body", "Empty body", 400, "this call needs a request body", ctx));
            return;
        }
        boolean isImport = ctx.normalizedPath().startsWith("/api/v1/imports");
        long limit = isImport ? config.imports().maxBytes() : config.http().maxBodyBytes();
        if (declared <= limit) {
            ctx.next();
            return;
        }
        String detail = "the body is " + declared + " bytes; the limit here is " + limit + " bytes"
                + (isImport ? " (TIMELINE_IMPORT_MAX_BYTES)" : " (TIMELINE_MAX_BODY_BYTES; bulk data goes to /api/v1/imports)");
        String json = problem("payload-too-large", "Payload too large", 413, detail, ctx);
        ctx.request().handler(chunk -> { });
        ctx.request().endHandler(v -> ctx.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE).end(json));
        ctx.request().exceptionHandler(e -> ctx.response().close());
        ctx.request().resume();
    }

    private String problem(String type, String title, int status, String detail, RoutingContext ctx) {
        Problem p = new Problem(Problem.TYPE_BASE + type, title, status, detail, ctx.normalizedPath(), List.of());
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serializes", e);
        }
    }
}
