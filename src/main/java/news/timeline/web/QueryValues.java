package news.timeline.web;

import jakarta.ws.rs.core.UriInfo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Strict readers of boolean and enum query parameters. JAX-RS turns {@code ?dryRun=yes} into {@code false}, so a
 * request meant as a dry run would store data; here only the documented values pass ({@code true}/{@code false},
 * any case), every value of a repeated parameter is checked, and anything else, the empty value included, is a
 * 400 naming the parameter, raised before the request changes anything.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /**
     * Every value of query parameter {@code name} as the client sent it, {@code ?dryRun=} and {@code ?dryRun} as an
     * empty value; null when the parameter is absent. Read from the raw query because JAX-RS injection (and
     * {@code UriInfo#getQueryParameters}) drops empty values, which made {@code ?dryRun=} look absent.
     */
    public static List<String> values(UriInfo uri, String name) {
        String query = uri.getRequestUri().getRawQuery();
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<String> out = null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (!decode(eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>();
            }
            out.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    /** The first value of {@code name} as sent ({@code ""} for {@code ?kind=}), or null when it is absent. */
    public static String first(UriInfo uri, String name) {
        List<String> v = values(uri, name);
        return v == null ? null : v.get(0);
    }

    /** {@link #flag(String, List, boolean)} of the request's values of {@code name}. */
    public static boolean flag(UriInfo uri, String name, boolean absent) {
        return flag(name, values(uri, name), absent);
    }

    /** {@link #oneOf(String, List, List, String)} of the request's values of {@code name}. */
    public static String oneOf(UriInfo uri, String name, List<String> allowed, String absent) {
        return oneOf(name, values(uri, name), allowed, absent);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a broken escape is the client's value as sent, and refused as such
        }
    }

    /** {@code absent} when the parameter is not given; otherwise each value must be true or false, and all the same. */
    public static boolean flag(String field, List<String> raw, boolean absent) {
        if (raw == null) {
            return absent;
        }
        Boolean value = null;
        for (String r : raw) {
            boolean v = switch (r == null ? "" : r.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw ApiProblem.invalid(field, "must be true or false, not " + quoted(r));
            };
            if (value != null && value != v) {
                throw ApiProblem.invalid(field, "is given twice with different values");
            }
            value = v;
        }
        return value;
    }

    /**
     * {@code absent} when the parameter is not given; otherwise each value must be one of {@code allowed}
     * (exactly), and all the same.
     */
    public static String oneOf(String field, List<String> raw, List<String> allowed, String absent) {
        if (raw == null) {
            return absent;
        }
        String value = null;
        for (String r : raw) {
            String v = r == null ? "" : r.trim();
            if (!allowed.contains(v)) {
                throw ApiProblem.invalid(field, "must be one of " + String.join(", ", allowed) + ", not " + quoted(r));
            }
            if (value != null && !value.equals(v)) {
                throw ApiProblem.invalid(field, "is given twice with different values");
            }
            value = v;
        }
        return value;
    }

    /** A client's value for a message: quoted, shortened, the empty value named as such. */
    public static String quoted(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "an empty value";
        }
        return "'" + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "'";
    }
}
