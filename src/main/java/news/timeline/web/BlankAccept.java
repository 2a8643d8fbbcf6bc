package news.timeline.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code Accept} header with empty entries ({@code Accept: }, {@code Accept: , text/csv}) means no preference
 * for those entries: they are dropped before content negotiation, and a header left empty becomes "any type", as if
 * absent. Otherwise RESTEasy matched the resource but then failed to parse the empty media type when it chose
 * a writer for a {@code Response} entity: a 500 (found by the fuzz harness, {@code FuzzTest}).
 */
public class BlankAccept {

    @ServerRequestFilter(preMatching = true)
    public void dropBlankEntries(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (values == null) {
            return;
        }
        List<String> kept = new ArrayList<>();
        boolean blank = false;
        for (String value : values) {
            for (String range : (value == null ? "" : value).split(",", -1)) {
                if (range.isBlank()) {
                    blank = true;
                } else {
                    kept.add(range.trim());
                }
            }
        }
        if (!blank) {
            return;
        }
        // "*/*" rather than removing the header: negotiation reads the request's own headers where this map has no entry
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, kept.isEmpty() ? "*/*" : String.join(", ", kept));
    }
}
