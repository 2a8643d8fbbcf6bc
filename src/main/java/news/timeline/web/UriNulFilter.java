package news.timeline.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a URI whose path or query decodes to a NUL character ({@code %00}): no id, slug or filter holds one, and
 * PostgreSQL cannot even compare text with it, so it would otherwise surface as a 500 from the first query.
 */
public class UriNulFilter {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseNul(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (!holdsNul(uri.getRawPath()) && !holdsNul(uri.getRawQuery())) {
            return Optional.empty();
        }
        return Optional.of(ProblemMapper.build(400, "validation", "Invalid request",
                "the request URI contains a NUL character (%00), which no id or parameter can hold", request.getUriInfo(), List.of()));
    }

    static boolean holdsNul(String raw) {
        return raw != null && raw.contains("%00");
    }
}
