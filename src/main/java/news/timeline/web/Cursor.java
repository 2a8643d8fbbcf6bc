package news.timeline.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded with a kind tag and, for lists
 * defined by parameters, a digest of them, so a cursor from one list is refused by another. Malformed cursors are a
 * 400, never a 500.
 */
public final class Cursor {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** Between a cursor's kind and its scope; kinds never contain it. */
    private static final String SCOPE = "@";

    private Cursor() {
    }

    public static String encode(String kind, List<String> keys) {
        String raw = kind + "\u001f" + String.join("\u001f", keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A cursor of the list that {@code scope} names ({@link #scope}): it carries the list's kind and a digest of the
     * parameters that define the list, so a cursor taken from another actor's timeline, another pair or other
     * filters is refused rather than paging through the wrong list from a key that means nothing there.
     */
    public static String encode(String kind, String scope, List<String> keys) {
        return encode(kind + SCOPE + scope, keys);
    }

    /** The keys of a cursor made by {@link #encode} for {@code kind}, or null when {@code cursor} is null. */
    public static List<String> decode(String kind, String cursor, int expectedKeys) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        List<String> parts = parts(cursor);
        if (parts != null && parts.size() == expectedKeys + 1 && parts.get(0).equals(kind)) {
            return parts.subList(1, parts.size());
        }
        throw notOfThisList();
    }

    /**
     * The keys of a cursor made by {@link #encode(String, String, List)} for {@code kind} and {@code scope}, or null
     * when {@code cursor} is null; a cursor of the same kind of list with other parameters is a 400 that says so.
     */
    public static List<String> decode(String kind, String scope, String cursor, int expectedKeys) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        List<String> parts = parts(cursor);
        if (parts != null && parts.size() == expectedKeys + 1 && parts.get(0).startsWith(kind + SCOPE)) {
            if (!parts.get(0).equals(kind + SCOPE + scope)) {
                throw ApiProblem.invalid("cursor", "belongs to another list (another actor, pair or filter than this "
                        + "request's); page with the 'next' value this list answered, or start again without a cursor");
            }
            return parts.subList(1, parts.size());
        }
        throw notOfThisList();
    }

    /**
     * A short digest of the parameters that define a list (actor ids, flags, filters in a canonical form; never the
     * page size, which a client may change between pages).
     */
    public static String scope(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object part : parts) {
            b.append(part).append('\u001f');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> parts(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return List.of(raw.split("\u001f", -1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ApiProblem notOfThisList() {
        return ApiProblem.invalid("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
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
