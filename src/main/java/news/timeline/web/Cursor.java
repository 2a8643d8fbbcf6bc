package news.timeline.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded with a kind tag so a cursor
 * from one list is refused by another. Malformed cursors are a 400, never a 500.
 */
public final class Cursor {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private Cursor() {
    }

    public static String encode(String kind, List<String> keys) {
        String raw = kind + "\u001f" + String.join("\u001f", keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor made by {@link #encode} for {@code kind}, or null when {@code cursor} is null. */
    public static List<String> decode(String kind, String cursor, int expectedKeys) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split("\u001f", -1));
            if (parts.size() == expectedKeys + 1 && parts.get(0).equals(kind)) {
                return parts.subList(1, parts.size());
            }
        } catch (IllegalArgumentException e) {
            // fall through to the problem below
        }
        throw ApiProblem.invalid("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
    }

    /**
     * Reads a {@code limit} query parameter taken as text, so "limit=many" is a 400 naming the field rather than
     * the 404 JAX-RS gives for an unconvertible parameter. Null stays null (the default applies).
     */
    public static Integer limitParam(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return limit(Integer.valueOf(raw.trim()));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
    }

    /** Validates {@code limit}: default when null, 1..1000 otherwise. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
