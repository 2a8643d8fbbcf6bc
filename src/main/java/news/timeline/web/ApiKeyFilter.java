package news.timeline.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import news.timeline.config.TimelineConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes need a configured key in {@code X-API-Key}; with no keys configured the API is open. Reads are open
 * unless {@code timeline.api.read-requires-key} is set.
 */
public class ApiKeyFilter {

    static final String HEADER = "X-API-Key";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final TimelineConfig config;
    private final ApiKeys keys;

    ApiKeyFilter(TimelineConfig config, ApiKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> checkKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (keys.open() || !path.startsWith("/api/")) {
            return Optional.empty();
        }
        boolean read = READS.contains(request.getMethod());
        if (read && !config.api().readRequiresKey()) {
            return Optional.empty();
        }
        String given = request.getHeaderString(HEADER);
        if (keys.accepts(given)) {
            return Optional.empty();
        }
        int status = given == null ? 401 : 403;
        String detail = given == null ? "this call needs an API key in the X-API-Key header" : "the API key is not valid";
        return Optional.of(ProblemMapper.build(status, given == null ? "unauthorized" : "forbidden",
                given == null ? "Unauthorized" : "Forbidden", detail, request.getUriInfo(), List.of()));
    }
}
