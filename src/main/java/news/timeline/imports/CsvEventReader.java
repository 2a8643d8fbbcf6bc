package news.timeline.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.timeline.web.ApiProblem;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code text/csv}: the event shape flattened to columns, named by a header row. Columns: {@code externalId},
 * {@code externalSource}, {@code type}, {@code title}, {@code summary}, {@code date}, {@code endDate}, {@code place},
 * {@code confidence}, {@code status}, {@code participants} (actor ids, slugs or names separated by {@code ;}, each
 * optionally {@code role=actor}), {@code sources} (URLs separated by {@code ;}), {@code agreement} (an id).
 */
final class CsvEventReader implements RecordReader {

    static final List<String> COLUMNS = List.of("externalId", "externalSource", "type", "title", "summary", "date",
            "endDate", "place", "confidence", "status", "participants", "sources", "agreement");
    private static final Map<String, String> BY_LOWER = Map.ofEntries(COLUMNS.stream()
            .map(c -> Map.entry(c.toLowerCase(Locale.ROOT), c)).toArray(Map.Entry[]::new));

    private final CsvRecords rows;
    private final ObjectMapper json;
    private final NativeEventMapper mapper;
    private String[] header;

    CsvEventReader(LineReader lines, ObjectMapper json, NativeEventMapper mapper) {
        this.rows = new CsvRecords(lines, ',');
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public Item next() throws IOException {
        if (header == null && !readHeader()) {
            return null;
        }
        CsvRecords.Row row = rows.next();
        if (row == null) {
            return null;
        }
        if (row.problem() != null) {
            return Item.rejected(row.line(), row.problem());
        }
        if (row.fields().size() != header.length) {
            return Item.rejected(row.line(), "expected " + header.length + " columns, found " + row.fields().size());
        }
        ObjectNode node = json.createObjectNode();
        for (int i = 0; i < header.length; i++) {
            String v = row.fields().get(i).trim();
            if (v.isEmpty()) {
                continue;
            }
            switch (header[i]) {
                case "place" -> node.putObject("place").put("name", v);
                case "agreement" -> node.putObject("agreement").put("id", v);
                case "confidence" -> {
                    try {
                        node.put("confidence", Double.parseDouble(v));
                    } catch (NumberFormatException e) {
                        return Item.rejected(row.line(), "confidence: '" + RecordRules.abbreviate(v) + "' is not a number");
                    }
                }
                case "participants" -> {
                    ArrayNode ps = node.putArray("participants");
                    for (String part : v.split(";")) {
                        String p = part.trim();
                        if (p.isEmpty()) {
                            continue;
                        }
                        int eq = p.indexOf('=');
                        ObjectNode o = ps.addObject();
                        if (eq > 0 && p.substring(0, eq).matches("[a-z_]{1,32}")) {
                            o.put("role", p.substring(0, eq));
                            o.put("actor", p.substring(eq + 1).trim());
                        } else {
                            o.put("actor", p);
                        }
                    }
                }
                case "sources" -> {
                    ArrayNode ss = node.putArray("sources");
                    for (String s : v.split(";")) {
                        if (!s.isBlank()) {
                            ss.add(s.trim());
                        }
                    }
                }
                default -> node.put(header[i], v);
            }
        }
        try (JsonParser parser = node.traverse(json)) {
            return Item.of(mapper.map(parser, row.line()));
        } catch (RecordProblem p) {
            return Item.rejected(row.line(), p.getMessage());
        }
    }

    private boolean readHeader() throws IOException {
        CsvRecords.Row row = rows.next();
        if (row == null) {
            return false;
        }
        if (row.problem() != null) {
            throw ApiProblem.badRequest("the CSV header cannot be read: " + row.problem());
        }
        header = new String[row.fields().size()];
        for (int i = 0; i < header.length; i++) {
            String name = BY_LOWER.get(row.fields().get(i).trim().toLowerCase(Locale.ROOT));
            if (name == null) {
                throw ApiProblem.invalid("header", "unknown column '" + RecordRules.abbreviate(row.fields().get(i))
                        + "'; the columns are " + String.join(", ", COLUMNS));
            }
            header[i] = name;
        }
        return true;
    }
}
