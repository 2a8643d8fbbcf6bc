package news.timeline.export;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import news.timeline.web.ApiProblem;
import news.timeline.web.QueryValues;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code format=ics} is the same request as {@code Accept: text/calendar}: the parameter replaces the Accept header
 * before content negotiation, so one mechanism picks the writer. An unknown format is a 400.
 */
public class FormatParameter {

    private static final Pattern CHRONOLOGIES = Pattern.compile(
            "/api/v1/(events|actors/[^/]+/timeline|relationships/[^/]+/[^/]+/timeline|digest)/?");
    /** The digest is a summary, not a list of events: JSON or a feed. */
    private static final Pattern DIGEST = Pattern.compile("/api/v1/digest/?");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> applyFormat(ContainerRequestContext request) {
        List<String> formats = QueryValues.values(request.getUriInfo(), "format"); // "format=" too, which is no format
        if (formats == null || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || !CHRONOLOGIES.matcher(request.getUriInfo().getPath()).matches()) {
            return Optional.empty();
        }
        ExportFormat chosen = null;
        for (String name : formats) {
            Optional<ExportFormat> format = ExportFormat.byName(name);
            if (format.isEmpty()) {
                throw ApiProblem.invalid("format", "unknown format '" + abbreviate(name) + "'; expected one of " + ExportFormat.names());
            }
            if (chosen != null && chosen != format.get()) {
                throw ApiProblem.invalid("format", "is given twice with different values");
            }
            chosen = format.get();
        }
        if (DIGEST.matcher(request.getUriInfo().getPath()).matches() && chosen != ExportFormat.JSON && chosen != ExportFormat.ATOM) {
            throw ApiProblem.invalid("format", "a digest is written as json or atom, not " + chosen.name().toLowerCase(java.util.Locale.ROOT));
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, chosen.mediaType);
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
