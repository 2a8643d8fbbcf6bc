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
    private final MessageDigest digest;
    private final StringBuilder sb = new StringBuilder(512);
    private final List<String> parts = new ArrayList<>();

    RecordHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    RecordHash start() {
        sb.setLength(0);
        parts.clear();
        return this;
    }

    RecordHash field(Object v) {
        sb.append(v == null ? "\u2400" : v.toString()).append(SEP);
        return this;
    }

    /** A participant or a source, as one sortable string. */
    RecordHash part(Object... values) {
        StringBuilder p = new StringBuilder();
        for (Object v : values) {
            p.append(v == null ? "\u2400" : v.toString()).append('\u001e');
        }
        parts.add(p.toString());
        return this;
    }

    String finish() {
        Collections.sort(parts);
        for (String p : parts) {
            sb.append(p).append(SEP);
        }
        return HexFormat.of().formatHex(digest.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
