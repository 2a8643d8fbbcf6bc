package news.timeline.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes need a configured key in {@code X-API-Key}; with no keys configured the API is open. Reads are open
 * unless {@code timeline.api.read-requires-key} is set. A 401 names the scheme in {@code WWW-Authenticate}.
 */
public class ApiKeyFilter {

    static final String HEADER = ApiKeys.HEADER;
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> checkKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (keys.configured().isEmpty() || !path.startsWith("/api/")) {
            return Optional.empty();
        }
        boolean read = READS.contains(request.getMethod());
        if (read && !keys.readsRequireKey()) {
            return Optional.empty();
        }
        ApiKeys.Refusal refusal = keys.check(request.getHeaderString(HEADER));
        if (refusal == null) {
            return Optional.empty();
        }
        Response r = ProblemMapper.build(refusal.status(), refusal.type(), refusal.title(), refusal.detail(), request.getUriInfo(), List.of());
        return Optional.of(refusal.status() == 401 ? Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, ApiKeys.CHALLENGE).build() : r);
    }
}
