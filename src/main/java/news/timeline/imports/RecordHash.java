package news.timeline.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of an event as stored (resolved actor ids, not the names a file used), so a record that would
 * store the same content hashes the same whatever way it referred to its actors. Participants and sources are
 * sorted: their order carries no meaning.
 */
final class RecordHash {

    private static final char SEP = '\u001f';
    private static final String ABSENT = "\u2400";
    private static final byte[] ABSENT_UTF8 = ABSENT.getBytes(StandardCharsets.UTF_8);
    private final MessageDigest digest;
    private final List<String> parts = new ArrayList<>();

    RecordHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    RecordHash start() {
        digest.reset();
        parts.clear();
        return this;
    }

    /**
     * The digest reads the UTF-8 of "field SEP field SEP ... part SEP ...", fed piece by piece (the same bytes as
     * encoding the joined string: pieces are separated by SEP, so no character spans two of them).
     */
    RecordHash field(Object v) {
        digest.update(v == null ? ABSENT_UTF8 : v.toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) SEP);
        return this;
    }

    /** A participant or a source, as one sortable string. */
    RecordHash part(Object... values) {
        StringBuilder p = new StringBuilder(128);
        for (Object v : values) {
            p.append(v == null ? ABSENT : v.toString()).append('\u001e');
        }
        parts.add(p.toString());
        return this;
    }

    String finish() {
        Collections.sort(parts);
        for (String p : parts) {
            digest.update(p.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) SEP);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
