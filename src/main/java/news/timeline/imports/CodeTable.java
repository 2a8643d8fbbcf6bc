package news.timeline.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A tab-separated mapping table under {@code src/main/resources/imports/}; fails fast with file and line. */
final class CodeTable {

    private CodeTable() {
    }

    /** The rows of {@code name}: comment and blank lines skipped, each row exactly {@code columns} wide, with a known event type in {@code typeColumn}. */
    static List<String[]> load(String name, int columns, int typeColumn) {
        String path = "imports/" + name;
        try (InputStream in = CodeTable.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing mapping table " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(path + ":" + number + ": expected " + columns + " tab-separated columns, found " + cells.length);
                }
                if (!RecordRules.EVENT_TYPES.contains(cells[typeColumn])) {
                    throw new IllegalStateException(path + ":" + number + ": unknown event type");
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
