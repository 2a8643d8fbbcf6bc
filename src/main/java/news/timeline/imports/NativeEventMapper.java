package news.timeline.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.Ids;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The service's own event shape (API.md, as {@code GET /api/v1/events/{id}} shows it) plus {@code externalId},
 * read token by token from a JSON parser: no tree is built for a record, which is what an NDJSON import of millions
 * of lines spends most of its reading on otherwise. Unknown fields are refused like everywhere else in the API; the
 * read-only fields of an export ({@code id}, {@code createdAt}, {@code updatedAt}) are accepted and ignored so
 * exports re-import. A field of the wrong kind is reported by its name; a syntax error surfaces as the parser's own
 * exception for the caller to report.
 */
final class NativeEventMapper {

    private final String defaultSource;

    NativeEventMapper(String defaultSource) {
        this.defaultSource = defaultSource;
    }

    /** Reads one event object: {@code p} stands before it (no token read yet). Reads no further than its end. */
    ImportRecord map(JsonParser p, long line) throws IOException, RecordProblem {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            throw new RecordProblem("expected a JSON object");
        }
        String externalId = null;
        String id = null;
        boolean idNotText = false;
        String source = null;
        String type = null;
        String title = null;
        String summary = null;
        DateValue date = null;
        DateValue endDate = null;
        String placeName = null;
        float confidence = 1f;
        String status = null;
        UUID agreementId = null;
        List<ImportRecord.Participant> participants = List.of();
        List<ImportRecord.Source> sources = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "externalId" -> externalId = text(p, f);
                case "id" -> {
                    // only read when there is no externalId: an export's id is otherwise ignored
                    idNotText = v.isStructStart();
                    id = idNotText ? skip(p) : text(p, f);
                }
                case "externalSource" -> source = text(p, f);
                case "type" -> type = text(p, f);
                case "title" -> title = text(p, f);
                case "summary" -> summary = text(p, f);
                case "date" -> date = date(p, f);
                case "endDate" -> endDate = date(p, f);
                case "place" -> placeName = place(p);
                case "participants" -> participants = participants(p);
                case "agreement" -> agreementId = agreement(p);
                case "sources" -> sources = sources(p);
                case "confidence" -> {
                    if (v != JsonToken.VALUE_NULL) {
                        if (!v.isNumeric()) {
                            throw new RecordProblem("confidence: must be a number");
                        }
                        confidence = (float) p.getDoubleValue();
                    }
                }
                case "status" -> status = text(p, f);
                case "createdAt", "updatedAt" -> p.skipChildren();
                default -> throw new RecordProblem(f + ": unknown field");
            }
        }
        if (externalId == null) {
            if (idNotText) {
                throw new RecordProblem("id: must be a string");
            }
            externalId = id;
        }
        if (date == null) {
            throw new RecordProblem("date: is required");
        }
        ImportRecord r = new ImportRecord(line, source == null ? defaultSource : source, externalId, type, title,
                RecordRules.emptyToNull(summary), date, endDate, RecordRules.emptyToNull(placeName), confidence,
                status == null ? "confirmed" : status, agreementId, participants, sources);
        return RecordRules.check(r);
    }

    /** A place as a name or as the API's place object, of which only the name counts. */
    private static String place(JsonParser p) throws IOException, RecordProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            String name = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("name")) {
                    name = text(p, f);
                } else {
                    p.skipChildren();
                }
            }
            return name;
        }
        if (t == JsonToken.START_ARRAY) {
            throw new RecordProblem("place: must be a name or an object");
        }
        return text(p, "place");
    }

    private static UUID agreement(JsonParser p) throws IOException, RecordProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        String raw = null;
        if (t == JsonToken.VALUE_STRING) {
            raw = p.getText();
        } else if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("id")) {
                    raw = text(p, f);
                } else {
                    p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        if (raw == null) {
            throw new RecordProblem("agreement.id: is required");
        }
        return RecordRules.uuid(raw, "agreement.id");
    }

    private static List<ImportRecord.Participant> participants(JsonParser p) throws IOException, RecordProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw new RecordProblem("participants: must be an array");
        }
        List<ImportRecord.Participant> out = new ArrayList<>(4);
        int i = 0;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), i++) {
            if (e == JsonToken.VALUE_STRING) {
                out.add(new ImportRecord.Participant(actor(p, i, ""), "participant"));
                continue;
            }
            if (e != JsonToken.START_OBJECT) {
                throw new RecordProblem("participants[" + i + "]: must be an object or an actor name");
            }
            ImportRecord.ActorRef actor = null;
            String role = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "actor" -> actor = actor(p, i, ".actor");
                    case "role" -> role = text(p, f);
                    default -> throw new RecordProblem("participants[" + i + "]." + f + ": unknown field");
                }
            }
            if (actor == null) {
                throw new RecordProblem("participants[" + i + "].actor: is required");
            }
            out.add(new ImportRecord.Participant(actor, role == null ? "participant" : role));
        }
        return RecordRules.distinct(out);
    }

    /**
     * An actor object, or a string that is an id, a slug or a name (tried in that order when stored); null for a
     * JSON null, which the caller reports as missing.
     */
    private static ImportRecord.ActorRef actor(JsonParser p, int index, String suffix) throws IOException, RecordProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (s.isEmpty()) {
                throw new RecordProblem("participants[" + index + "]" + suffix + ": is empty");
            }
            UUID id = Ids.parseOrNull(s);
            return id != null ? new ImportRecord.ActorRef(id, null, null, null) : new ImportRecord.ActorRef(null, null, s, null);
        }
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            throw new RecordProblem("participants[" + index + "]" + suffix + ": must be an object or a string");
        }
        String id = null;
        String slug = null;
        String name = null;
        String kind = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "id" -> id = text(p, f);
                case "slug" -> slug = text(p, f);
                case "name" -> name = text(p, f);
                case "kind" -> kind = text(p, f);
                default -> throw new RecordProblem("participants[" + index + "]" + suffix + "." + f + ": unknown field");
            }
        }
        return new ImportRecord.ActorRef(id == null ? null : RecordRules.uuid(id, "participants[" + index + "]" + suffix + ".id"),
                RecordRules.emptyToNull(slug), RecordRules.emptyToNull(name), kind);
    }

    private static List<ImportRecord.Source> sources(JsonParser p) throws IOException, RecordProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw new RecordProblem("sources: must be an array");
        }
        List<ImportRecord.Source> out = new ArrayList<>(2);
        int i = 0;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), i++) {
            if (e == JsonToken.VALUE_STRING) {
                out.add(new ImportRecord.Source(null, p.getText(), null, null, null, null, null));
                continue;
            }
            if (e != JsonToken.START_OBJECT) {
                throw new RecordProblem("sources[" + i + "]: must be an object or a URL");
            }
            String article = null;
            String url = null;
            String quote = null;
            Integer start = null;
            Integer end = null;
            String ruleId = null;
            String version = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "articleId" -> article = text(p, f);
                    case "url" -> url = text(p, f);
                    case "quote" -> quote = text(p, f);
                    case "start" -> start = integer(p, "sources[" + i + "].start");
                    case "end" -> end = integer(p, "sources[" + i + "].end");
                    case "ruleId" -> ruleId = text(p, f);
                    case "extractorVersion" -> version = text(p, f);
                    case "id" -> text(p, f); // a source as events answer it: its id is the stored row's, not the record's
                    default -> throw new RecordProblem("sources[" + i + "]." + f + ": unknown field");
                }
            }
            out.add(new ImportRecord.Source(article == null ? null : RecordRules.uuid(article, "sources[" + i + "].articleId"),
                    url, quote, start, end, ruleId, version));
        }
        return out;
    }

    /** A date as a string ({@code "2024-06"}) or as the API's date object (its value and approximate flag count). */
    private static DateValue date(JsonParser p, String field) throws IOException, RecordProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return RecordRules.date(p.getText(), field);
        }
        if (t != JsonToken.START_OBJECT) {
            throw new RecordProblem(field + ": must be a date string or a date object");
        }
        String value = null;
        String precision = null;
        String start = null;
        String end = null;
        boolean approximate = false;
        boolean open = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "value" -> value = text(p, field + ".value");
                case "approximate" -> approximate = flag(p, field + ".approximate");
                case "precision" -> precision = text(p, field + ".precision");
                case "start" -> start = text(p, field + ".start");
                case "end" -> end = text(p, field + ".end");
                case "open" -> open = flag(p, field + ".open");
                default -> throw new RecordProblem(field + "." + f + ": unknown field (a date object has value, precision, "
                        + "start, end, approximate and open)");
            }
        }
        if (open) {
            // an open end ("still going on"): {"open": true}, with the value ".." or none
            if (value != null && !value.equals(news.timeline.web.HistoricDates.OPEN_VALUE)) {
                throw new RecordProblem(field + ".value: an open end has no value but '..'");
            }
            return news.timeline.web.HistoricDates.OPEN_END;
        }
        if (value == null) {
            throw new RecordProblem(field + ".value: is required");
        }
        DateValue d = RecordRules.date(value, field + ".value");
        // precision, start and end follow from the value; given ones must agree, as the API's date objects must
        // ({"value": "2024-06-13", "precision": "month"} says two different things, and storing either is a guess)
        RecordRules.agrees(d, precision, start, end, field);
        return approximate ? d.withApproximate(true) : d;
    }

    /**
     * true or false, as JSON or as text (CSV cells are text; any case); null is false. Anything else ("yes", 1) was
     * read as false and is refused now, as the API's date objects refuse it.
     */
    private static boolean flag(JsonParser p, String field) throws IOException, RecordProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_STRING) {
            String v = p.getText().trim().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return v.equals("true");
            }
        }
        p.skipChildren();
        throw new RecordProblem(field + ": must be true or false");
    }

    private static Integer integer(JsonParser p, String field) throws IOException, RecordProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new RecordProblem(field + ": must be an integer");
        }
        return p.getIntValue();
    }

    /** A scalar as text (a number or a boolean in its JSON spelling); null for null; an object or array is refused. */
    private static String text(JsonParser p, String name) throws IOException, RecordProblem {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isStructStart()) {
            throw new RecordProblem(name + ": must be a string");
        }
        return p.getText();
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}
