package news.timeline.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before anything reads it,
 * as a 413 problem+json like every other error (the HTTP layer's own refusal has no body).
 */
@Singleton
class BodyTooLarge {

    private final long maxBytes;

    BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= maxBytes) {
            ctx.next();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", Problem.TYPE_BASE + "payload-too-large")
                .put("title", "Payload too large")
                .put("status", 413)
                .put("detail", "the body is " + length + " bytes; the limit is " + maxBytes)
                .put("instance", ctx.request().path());
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                .end(problem.encode());
    }
}
