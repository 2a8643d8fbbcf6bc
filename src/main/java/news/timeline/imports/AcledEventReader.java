package news.timeline.imports;

import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.ApiProblem;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ACLED CSV export ({@code ?format=acled}), columns found by their header names. event_id_cnty is the external
 * id; event_date with time_precision 1, 2, 3 becomes a day, the ISO week, or the month; actor1 and actor2 are
 * initiator and target, assoc_actor_1/2 ({@code ;}-separated) associated; event_type and sub_event_type map
 * through {@code acled-event-types.tsv}; notes are the summary; each outlet named in source becomes a source.
 */
final class AcledEventReader implements RecordReader {

    private static final List<String> REQUIRED = List.of("event_id_cnty", "event_date", "event_type", "actor1");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, String> TYPES = new HashMap<>();

    static {
        for (String[] row : CodeTable.load("acled-event-types.tsv", 3, 2)) {
            TYPES.put(key(row[0], row[1]), row[2]);
        }
    }

    /** The event type for an ACLED event_type and sub_event_type, or null. */
    static String type(String eventType, String subType) {
        String type = TYPES.get(key(eventType, subType == null ? "" : subType));
        return type != null ? type : TYPES.get(key(eventType, ""));
    }

    private final CsvRecords rows;
    private Map<String, Integer> columns;
    private int width;

    AcledEventReader(LineReader lines) {
        this.rows = new CsvRecords(lines, ',');
    }

    @Override
    public Item next() throws IOException {
        if (columns == null && !readHeader()) {
            return null;
        }
        CsvRecords.Row row = rows.next();
        if (row == null) {
            return null;
        }
        if (row.problem() != null) {
            return Item.rejected(row.line(), row.problem());
        }
        if (row.fields().size() != width) {
            return Item.rejected(row.line(), "expected " + width + " columns as in the header, found " + row.fields().size());
        }
        try {
            return Item.of(map(row.fields(), row.line()));
        } catch (RecordProblem p) {
            return Item.rejected(row.line(), p.getMessage());
        }
    }

    private ImportRecord map(List<String> f, long line) throws RecordProblem {
        String id = get(f, "event_id_cnty");
        if (id == null) {
            throw new RecordProblem("event_id_cnty: is required");
        }
        DateValue date = date(get(f, "event_date"), get(f, "time_precision"));
        String eventType = get(f, "event_type");
        String subType = get(f, "sub_event_type");
        if (eventType == null) {
            throw new RecordProblem("event_type: is required");
        }
        String type = type(eventType, subType);
        if (type == null) {
            throw new RecordProblem("event_type: '" + RecordRules.abbreviate(eventType) + "' is not an ACLED event type");
        }
        String actor1 = get(f, "actor1");
        String actor2 = get(f, "actor2");
        if (actor1 == null) {
            throw new RecordProblem("actor1: is required");
        }
        List<ImportRecord.Participant> ps = new ArrayList<>();
        ps.add(participant(actor1, get(f, "inter1"), "initiator"));
        if (actor2 != null) {
            ps.add(participant(actor2, get(f, "inter2"), "target"));
        }
        for (String assoc : List.of("assoc_actor_1", "assoc_actor_2")) {
            String v = get(f, assoc);
            if (v != null) {
                for (String name : v.split(";")) {
                    if (!name.isBlank()) {
                        ps.add(participant(name.trim(), null, "associated"));
                    }
                }
            }
        }
        String location = get(f, "location");
        StringBuilder place = new StringBuilder();
        for (String p : new String[] {location, get(f, "admin1"), get(f, "country")}) {
            if (p != null && place.indexOf(p) < 0) {
                place.append(place.length() == 0 ? "" : ", ").append(p);
            }
        }
        String title = (subType == null ? eventType : subType) + ": " + actor1 + (actor2 == null ? "" : " – " + actor2)
                + (location == null ? "" : " in " + location);
        List<ImportRecord.Source> sources = new ArrayList<>();
        String source = get(f, "source");
        if (source != null) {
            for (String outlet : source.split(";")) {
                if (!outlet.isBlank()) {
                    sources.add(new ImportRecord.Source(null, null, outlet.trim(), null, null, "acled:source", null));
                }
            }
        }
        return RecordRules.check(new ImportRecord(line, "acled", id, type, title.length() > 500 ? title.substring(0, 500) : title,
                get(f, "notes"), date, null, place.length() == 0 ? null : place.toString(), 1f, "confirmed", null,
                RecordRules.distinct(ps), sources));
    }

    private static ImportRecord.Participant participant(String name, String inter, String role) {
        // ACLED interaction codes: 1 state forces, 8 external/other forces are bodies; 2-7 are groups of people
        String kind = inter == null ? "group" : switch (inter.trim().toLowerCase(Locale.ROOT)) {
            case "1", "8", "state forces", "external/other forces" -> "organization";
            default -> "group";
        };
        return new ImportRecord.Participant(new ImportRecord.ActorRef(null, null, name, kind), role);
    }

    private static DateValue date(String raw, String precision) throws RecordProblem {
        if (raw == null) {
            throw new RecordProblem("event_date: is required");
        }
        LocalDate day;
        try {
            day = Character.isDigit(raw.charAt(0)) && raw.length() == 10 && raw.charAt(4) == '-'
                    ? RecordRules.date(raw, "event_date").start()
                    : LocalDate.parse(raw.replace('-', ' '), LONG_DATE);
        } catch (DateTimeParseException e) {
            throw new RecordProblem("event_date: '" + RecordRules.abbreviate(raw) + "' is not a date (2024-01-15 or 15 January 2024)");
        }
        String p = precision == null ? "1" : precision.trim();
        return switch (p) {
            case "1" -> DateValue.ofDay(day);
            case "2" -> RecordRules.date(String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), "event_date");
            case "3" -> DateValue.ofMonth(java.time.YearMonth.from(day));
            default -> throw new RecordProblem("time_precision: must be 1 (day), 2 (week) or 3 (month)");
        };
    }

    private String get(List<String> f, String column) {
        Integer i = columns.get(column);
        return i == null ? null : RecordRules.emptyToNull(f.get(i).trim());
    }

    private boolean readHeader() throws IOException {
        CsvRecords.Row row = rows.next();
        if (row == null) {
            return false;
        }
        if (row.problem() != null) {
            throw ApiProblem.badRequest("the ACLED header cannot be read: " + row.problem());
        }
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < row.fields().size(); i++) {
            found.put(row.fields().get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String r : REQUIRED) {
            if (!found.containsKey(r)) {
                throw ApiProblem.invalid("header", "an ACLED export needs the column '" + r + "'");
            }
        }
        columns = found;
        width = row.fields().size();
        return true;
    }

    private static String key(String eventType, String subType) {
        return eventType.trim().toLowerCase(Locale.ROOT) + "\t" + subType.trim().toLowerCase(Locale.ROOT);
    }
}
