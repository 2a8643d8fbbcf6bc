package news.timeline.imports;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's COPY text format, encoded as UTF-8 as they are added and sent in one
 * {@code COPY ... FROM STDIN}. Values without a character to escape (nearly all) are copied whole.
 */
final class CopyRows {

    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final String table;
    private byte[] buf = new byte[64 * 1024];
    private int size;
    private boolean lineStarted;
    private long rows;
    private Instant lastInstant;
    private byte[] lastInstantBytes;

    CopyRows(String tableAndColumns) {
        this.table = tableAndColumns;
    }

    CopyRows add(Object value) {
        if (lineStarted) {
            put((byte) '\t');
        }
        lineStarted = true;
        if (value == null) {
            put(NULL);
            return this;
        }
        if (value instanceof UUID id) {
            putUuid(id);
            return this;
        }
        if (value instanceof Instant t) {
            // a batch stamps all its rows with one time: encode it once
            if (!t.equals(lastInstant)) {
                lastInstant = t;
                lastInstantBytes = t.toString().getBytes(StandardCharsets.US_ASCII);
            }
            put(lastInstantBytes);
            return this;
        }
        // PostgreSQL's text input reads years before 1 with their era only
        String s = value instanceof java.time.LocalDate day ? news.timeline.web.HistoricDates.postgresDay(day) : value.toString();
        if (needsEscaping(s)) {
            s = escape(s);
        }
        put(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    void endRow() {
        put((byte) '\n');
        lineStarted = false;
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Empties the rows for the next batch, keeping the buffer. */
    CopyRows clear() {
        size = 0;
        rows = 0;
        lineStarted = false;
        return this;
    }

    /** The rows as COPY will read them. */
    String text() {
        return new String(buf, 0, size, StandardCharsets.UTF_8);
    }

    void send(Connection c) throws SQLException {
        if (rows == 0) {
            return;
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
        try {
            copy.writeToCopy(buf, 0, size);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static boolean needsEscaping(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch == '\n' || ch == '\r' || ch == '\t') {
                return true;
            }
        }
        return false;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** The canonical 8-4-4-4-12 lower-case hex form, written straight into the buffer. */
    private void putUuid(UUID id) {
        ensure(36);
        hex(id.getMostSignificantBits() >>> 32, 8);
        buf[size++] = '-';
        hex(id.getMostSignificantBits() >>> 16, 4);
        buf[size++] = '-';
        hex(id.getMostSignificantBits(), 4);
        buf[size++] = '-';
        hex(id.getLeastSignificantBits() >>> 48, 4);
        buf[size++] = '-';
        hex(id.getLeastSignificantBits(), 12);
    }

    private void hex(long bits, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buf[size + i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
        size += digits;
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
