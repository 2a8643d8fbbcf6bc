package news.timeline.chronology;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.timeline.web.ApiProblem;

import java.net.URI;
import java.util.List;

/** Query-parameter parsing shared by the read resources, links, and conditional GET (weak ETags, 304). */
final class Conditional {

    private Conditional() {
    }

    /** A page with its ETag (varies with the negotiated format), {@code Link: rel=next}, or a 304 when the client has it. */
    static Response respond(Timeline t, UriInfo uri, HttpHeaders headers) {
        URI self = uri.getRequestUri();
        URI next = t.next() == null ? null : uri.getRequestUriBuilder().replaceQueryParam("cursor", t.next()).build();
        String accept = String.join(",", headers.getRequestHeader(HttpHeaders.ACCEPT));
        EntityTag tag = new EntityTag(t.fingerprint() + "-" + Integer.toUnsignedString(accept.hashCode(), 36), true);
        if (matches(headers, tag)) {
            return Response.notModified(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        Response.ResponseBuilder r = Response.ok(t.withLinks(self, next)).tag(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (next != null) {
            r.link(next, "next");
        }
        return r.build();
    }

    static Response respondJson(Object entity, int hash, HttpHeaders headers) {
        EntityTag tag = new EntityTag(Integer.toUnsignedString(hash, 36), true);
        if (matches(headers, tag)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(entity).tag(tag).build();
    }

    /** An entity negotiated between formats, with a tag the caller made (it should vary with the Accept header). */
    static Response respondTagged(Object entity, EntityTag tag, HttpHeaders headers) {
        if (matches(headers, tag)) {
            return Response.notModified(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        return Response.ok(entity).tag(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** If-None-Match uses weak comparison (RFC 9110 13.1.2): opaque tags equal, W/ ignored; "*" matches any. */
    private static boolean matches(HttpHeaders headers, EntityTag tag) {
        List<String> values = headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH);
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String candidate : value.split(",")) {
                String c = candidate.trim();
                if (c.equals("*")) {
                    return true;
                }
                if (c.startsWith("W/")) {
                    c = c.substring(2);
                }
                if (c.equals("\"" + tag.getValue() + "\"")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Integer limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("limit", "is not a whole number between 1 and 1000");
        }
    }
}
