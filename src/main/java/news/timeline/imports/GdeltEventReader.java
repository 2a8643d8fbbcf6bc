package news.timeline.imports;

import news.timeline.extraction.temporal.DateValue;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GDELT 2.0 event export ({@code ?format=gdelt}): 61 tab-separated columns, no header, no quoting. GLOBALEVENTID is
 * the external id, SQLDATE the day, Actor1/Actor2 the participants (initiator, target), the CAMEO EventCode
 * the type ({@code cameo-event-types.tsv}, longest prefix), ActionGeo_FullName the place and SOURCEURL the source.
 * GDELT is machine-coded: events are {@code extracted}, with a confidence that grows with NumSources.
 */
final class GdeltEventReader implements RecordReader {

    static final int COLUMNS = 61;
    private static final int GLOBALEVENTID = 0;
    private static final int SQLDATE = 1;
    private static final int ACTOR1 = 5;
    private static final int ACTOR2 = 15;
    // offsets inside an actor's 10-column block
    private static final int CODE = 0;
    private static final int NAME = 1;
    private static final int COUNTRY = 2;
    private static final int TYPE1 = 7;
    private static final int EVENTCODE = 26;
    private static final int NUMSOURCES = 32;
    private static final int ACTIONGEO_FULLNAME = 52;
    private static final int SOURCEURL = 60;

    private static final Set<String> ORGANIZATION_TYPES = Set.of("GOV", "MIL", "COP", "JUD", "LEG", "BUS", "MNC", "IGO",
            "NGO", "EDU", "MED", "HLH", "SPY", "PTY", "ELI");
    private static final Set<String> GROUP_TYPES = Set.of("REB", "INS", "SEP", "UAF", "CRM", "OPP", "RAD", "LAB", "AGR",
            "REF", "CVL", "REL", "MOD", "IMG", "SET", "DEV", "ENV", "NGM");
    private static final Map<String, String[]> CAMEO = new HashMap<>();

    static {
        for (String[] row : CodeTable.load("cameo-event-types.tsv", 3, 1)) {
            CAMEO.put(row[0], new String[] {row[1], row[2]});
        }
    }

    private final LineReader lines;

    GdeltEventReader(LineReader lines) {
        this.lines = lines;
    }

    @Override
    public Item next() throws IOException {
        LineReader.Line line = lines.nextNonBlank();
        if (line == null) {
            return null;
        }
        if (line.problem() != null) {
            return Item.rejected(line.number(), line.problem());
        }
        String[] c = line.text().split("\t", -1);
        if (c.length != COLUMNS) {
            return Item.rejected(line.number(), (line.lastWithoutNewline() && c.length < COLUMNS ? "truncated line: " : "")
                    + "expected " + COLUMNS + " tab-separated columns (GDELT 2.0 event export), found " + c.length);
        }
        try {
            return Item.of(map(c, line.number()));
        } catch (RecordProblem p) {
            return Item.rejected(line.number(), p.getMessage());
        }
    }

    static ImportRecord map(String[] c, long line) throws RecordProblem {
        String id = c[GLOBALEVENTID].trim();
        if (!id.matches("\\d{1,19}")) {
            throw new RecordProblem("GLOBALEVENTID: '" + RecordRules.abbreviate(id) + "' is not a number");
        }
        DateValue date = day(c[SQLDATE].trim());
        String code = c[EVENTCODE].trim();
        String[] mapped = cameo(code);
        if (mapped == null) {
            throw new RecordProblem("EventCode: '" + RecordRules.abbreviate(code) + "' is not a CAMEO event code");
        }
        List<ImportRecord.Participant> ps = new ArrayList<>();
        String a1 = actor(c, ACTOR1, "initiator", ps);
        String a2 = actor(c, ACTOR2, "target", ps);
        String title = mapped[1] + (a1 == null && a2 == null ? "" : ": " + (a1 == null ? "?" : a1) + (a2 == null ? "" : " → " + a2));
        float confidence = 0.5f;
        String sources = c[NUMSOURCES].trim();
        if (sources.matches("\\d{1,9}")) {
            confidence = Math.min(1f, Math.round((0.3 + 0.1 * Integer.parseInt(sources)) * 100) / 100f);
        }
        String url = RecordRules.emptyToNull(c[SOURCEURL].trim());
        List<ImportRecord.Source> src = url == null ? List.of()
                : List.of(new ImportRecord.Source(null, url, null, null, null, "gdelt:cameo:" + code, null));
        return RecordRules.check(new ImportRecord(line, "gdelt", id, mapped[0], title.length() > 500 ? title.substring(0, 500) : title,
                null, date, null, RecordRules.emptyToNull(c[ACTIONGEO_FULLNAME].trim()), confidence, "extracted", null,
                RecordRules.distinct(ps), src));
    }

    /** The actor's display name, after adding it to {@code ps}; null when the row names no actor. */
    private static String actor(String[] c, int block, String role, List<ImportRecord.Participant> ps) {
        String rawName = c[block + NAME].trim();
        if (rawName.isEmpty()) {
            return null;
        }
        String code = c[block + CODE].trim();
        String country = c[block + COUNTRY].trim();
        String type = c[block + TYPE1].trim();
        String name = titleCase(rawName);
        String kind;
        if (!country.isEmpty() && code.equals(country)) {
            kind = "country";
        } else {
            kind = ORGANIZATION_TYPES.contains(type) ? "organization" : GROUP_TYPES.contains(type) ? "group" : "other";
            // "POLICE" of Nigeria and of Brazil are different actors; the country code keeps them apart
            if (!country.isEmpty()) {
                name = name + " (" + country + ")";
            }
        }
        ps.add(new ImportRecord.Participant(new ImportRecord.ActorRef(null, null, name, kind), role));
        return name;
    }

    static String[] cameo(String code) {
        for (int len = code.length(); len >= 2; len--) {
            String[] m = CAMEO.get(code.substring(0, len));
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static DateValue day(String sqlDate) throws RecordProblem {
        if (!sqlDate.matches("\\d{8}")) {
            throw new RecordProblem("SQLDATE: '" + RecordRules.abbreviate(sqlDate) + "' is not a YYYYMMDD date");
        }
        try {
            return DateValue.ofDay(LocalDate.of(Integer.parseInt(sqlDate.substring(0, 4)),
                    Integer.parseInt(sqlDate.substring(4, 6)), Integer.parseInt(sqlDate.substring(6, 8))));
        } catch (DateTimeException e) {
            throw new RecordProblem("SQLDATE: '" + sqlDate + "' is not a real date");
        }
    }

    private static String titleCase(String upper) {
        StringBuilder sb = new StringBuilder(upper.length());
        boolean start = true;
        for (char ch : upper.toLowerCase(Locale.ROOT).toCharArray()) {
            sb.append(start ? Character.toUpperCase(ch) : ch);
            start = !Character.isLetterOrDigit(ch) && ch != '\'';
        }
        return sb.toString();
    }
}
