package news.timeline.imports;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

/** Rows in PostgreSQL's COPY text format, sent in one {@code COPY ... FROM STDIN}. */
final class CopyRows {

    private final String table;
    private final StringBuilder sb = new StringBuilder(64 * 1024);
    private boolean lineStarted;
    private long rows;

    CopyRows(String tableAndColumns) {
        this.table = tableAndColumns;
    }

    CopyRows add(Object value) {
        if (lineStarted) {
            sb.append('\t');
        }
        lineStarted = true;
        if (value == null) {
            sb.append("\\N");
            return this;
        }
        String s = value.toString();
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
        return this;
    }

    void endRow() {
        sb.append('\n');
        lineStarted = false;
        rows++;
    }

    long rows() {
        return rows;
    }

    void send(Connection c) throws SQLException {
        if (rows == 0) {
            return;
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", new StringReader(sb.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }
}
