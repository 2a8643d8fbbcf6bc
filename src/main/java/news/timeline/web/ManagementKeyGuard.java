package news.timeline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * With {@code timeline.api.read-requires-key}, the service's own endpoints under {@code /q} (metrics, the OpenAPI
 * document, Swagger UI) need the API's key as well: they are no JAX-RS resources, so {@link ApiKeyFilter} never sees
 * them. The health probes ({@code /q/health}, live, ready, started) stay open for the orchestrator; so does the page
 * at {@code /} with its scripts, which hold no data (its calls to the API carry the key it is given).
 */
@ApplicationScoped
public class ManagementKeyGuard {

    private final ApiKeys keys;

    private final ObjectMapper json;

    ManagementKeyGuard(ApiKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 5).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (!keys.readsRequireKey() || keys.configured().isEmpty() || !guarded(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        ApiKeys.Refusal refusal = keys.check(ctx.request().getHeader(ApiKeys.HEADER));
        if (refusal == null) {
            ctx.next();
            return;
        }
        Problem p = new Problem(Problem.TYPE_BASE + refusal.type(), refusal.title(), refusal.status(), refusal.detail(),
                ctx.normalizedPath(), List.of());
        String body;
        try {
            body = json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serializes", e);
        }
        ctx.response().setStatusCode(refusal.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (refusal.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", ApiKeys.CHALLENGE);
        }
        ctx.response().end(body);
    }

    /** Everything under /q but the health probes. */
    static boolean guarded(String normalizedPath) {
        String path = normalizedPath.replaceAll("/{2,}", "/").toLowerCase(java.util.Locale.ROOT);
        if (!path.equals("/q") && !path.startsWith("/q/")) {
            return false;
        }
        return !(path.equals("/q/health") || path.startsWith("/q/health/"));
    }
}
