package news.timeline.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records over a {@link LineReader}: quoted fields may hold the delimiter, doubled quotes and line
 * breaks. A record that is still inside quotes at the end of the input is reported as truncated.
 */
final class CsvRecords {

    record Row(long line, List<String> fields, String problem) {
    }

    private static final int MAX_LINES_PER_RECORD = 1000;

    private final LineReader lines;
    private final char delimiter;

    CsvRecords(LineReader lines, char delimiter) {
        this.lines = lines;
        this.delimiter = delimiter;
    }

    /** The next non-blank record, or null at the end. */
    Row next() throws IOException {
        LineReader.Line first;
        do {
            first = lines.next();
            if (first == null) {
                return null;
            }
        } while (first.problem() == null && first.text().isBlank());
        if (first.problem() != null) {
            return new Row(first.number(), null, first.problem());
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        String text = first.text();
        int physical = 1;
        while (true) {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (ch == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else {
                    field.append(ch);
                }
            }
            if (!quoted) {
                fields.add(field.toString());
                return new Row(first.number(), fields, null);
            }
            LineReader.Line more = lines.next();
            if (more == null) {
                return new Row(first.number(), null, "truncated record: a quoted field is not closed before the end of the input");
            }
            if (more.problem() != null) {
                return new Row(first.number(), null, "line " + more.number() + " of the record: " + more.problem());
            }
            if (++physical > MAX_LINES_PER_RECORD) {
                return new Row(first.number(), null, "a quoted field spans more than " + MAX_LINES_PER_RECORD + " lines");
            }
            field.append('\n');
            text = more.text();
        }
    }
}
