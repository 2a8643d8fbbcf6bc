package news.timeline.extraction.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated data file of the extraction layer (lexicons, gazetteers, rules), read once from the classpath.
 * Blank lines and lines starting with {@code #} are skipped. Every problem fails fast naming file and line.
 */
public final class DataTable {

    /** One data row with the line it came from, for error messages. */
    public record Row(String file, int line, String[] cells) {
        public String cell(int i) {
            return i < cells.length ? cells[i].trim() : "";
        }

        public IllegalStateException error(String message) {
            return new IllegalStateException(file + ":" + line + ": " + message);
        }
    }

    private DataTable() {
    }

    /** Reads {@code resource} (absolute classpath path), requiring at least {@code minCells} cells per row. */
    public static List<Row> read(String resource, int minCells) {
        InputStream in = DataTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + ": data file missing from the classpath");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Row row = new Row(resource, n, cells);
                if (cells.length < minCells) {
                    throw row.error("expected at least " + minCells + " tab-separated cells, found " + cells.length);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": cannot be read: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Splits a {@code |}-separated list cell, dropping empty items. */
    public static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
