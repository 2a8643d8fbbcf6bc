package news.timeline.imports;

import news.timeline.web.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import news.timeline.extraction.temporal.DateValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The service's own event shape (API.md, as {@code GET /api/v1/events/{id}} shows it) plus {@code externalId},
 * read from a JSON object. Unknown fields are refused like everywhere else in the API; the read-only fields of an
 * export ({@code id}, {@code createdAt}, {@code updatedAt}) are accepted and ignored so exports re-import.
 */
final class NativeEventMapper {

    private static final Set<String> FIELDS = Set.of("id", "externalSource", "externalId", "type", "title", "summary",
            "date", "endDate", "place", "participants", "agreement", "sources", "confidence", "status", "createdAt", "updatedAt");
    private static final Set<String> ACTOR_FIELDS = Set.of("id", "slug", "name", "kind");
    private static final Set<String> SOURCE_FIELDS = Set.of("articleId", "url", "quote", "start", "end", "ruleId", "extractorVersion");

    private final String defaultSource;

    NativeEventMapper(String defaultSource) {
        this.defaultSource = defaultSource;
    }

    ImportRecord map(JsonNode node, long line) throws RecordProblem {
        if (node == null || !node.isObject()) {
            throw new RecordProblem("expected a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new RecordProblem(f + ": unknown field");
            }
        }
        String externalId = text(node, "externalId");
        if (externalId == null) {
            externalId = text(node, "id");
        }
        String source = text(node, "externalSource");
        DateValue date = date(node.get("date"), "date");
        if (date == null) {
            throw new RecordProblem("date: is required");
        }
        DateValue endDate = date(node.get("endDate"), "endDate");
        JsonNode place = node.get("place");
        String placeName = place == null || place.isNull() ? null : place.isTextual() ? place.asText() : text(place, "name");
        float confidence = 1f;
        JsonNode c = node.get("confidence");
        if (c != null && !c.isNull()) {
            if (!c.isNumber()) {
                throw new RecordProblem("confidence: must be a number");
            }
            confidence = (float) c.asDouble();
        }
        String status = text(node, "status");
        UUID agreementId = null;
        JsonNode agreement = node.get("agreement");
        if (agreement != null && !agreement.isNull()) {
            String raw = agreement.isTextual() ? agreement.asText() : text(agreement, "id");
            if (raw == null) {
                throw new RecordProblem("agreement.id: is required");
            }
            agreementId = RecordRules.uuid(raw, "agreement.id");
        }
        ImportRecord r = new ImportRecord(line, source == null ? defaultSource : source, externalId, text(node, "type"),
                text(node, "title"), RecordRules.emptyToNull(text(node, "summary")), date, endDate,
                RecordRules.emptyToNull(placeName), confidence, status == null ? "confirmed" : status, agreementId,
                participants(node.get("participants")), sources(node.get("sources")));
        return RecordRules.check(r);
    }

    private static List<ImportRecord.Participant> participants(JsonNode node) throws RecordProblem {
        List<ImportRecord.Participant> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new RecordProblem("participants: must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            String f = "participants[" + i + "]";
            if (p.isTextual()) {
                out.add(new ImportRecord.Participant(actor(p, f), "participant"));
                continue;
            }
            if (!p.isObject()) {
                throw new RecordProblem(f + ": must be an object or an actor name");
            }
            for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!name.equals("actor") && !name.equals("role")) {
                    throw new RecordProblem(f + "." + name + ": unknown field");
                }
            }
            String role = text(p, "role");
            out.add(new ImportRecord.Participant(actor(p.get("actor"), f + ".actor"), role == null ? "participant" : role));
        }
        return RecordRules.distinct(out);
    }

    /** An actor object, or a string that is an id, a slug or a name (tried in that order when stored). */
    private static ImportRecord.ActorRef actor(JsonNode a, String f) throws RecordProblem {
        if (a == null || a.isNull()) {
            throw new RecordProblem(f + ": is required");
        }
        if (a.isTextual()) {
            String s = a.asText().trim();
            if (s.isEmpty()) {
                throw new RecordProblem(f + ": is empty");
            }
            UUID id = Ids.parseOrNull(s);
            return id != null ? new ImportRecord.ActorRef(id, null, null, null) : new ImportRecord.ActorRef(null, null, s, null);
        }
        if (!a.isObject()) {
            throw new RecordProblem(f + ": must be an object or a string");
        }
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!ACTOR_FIELDS.contains(name)) {
                throw new RecordProblem(f + "." + name + ": unknown field");
            }
        }
        String id = text(a, "id");
        return new ImportRecord.ActorRef(id == null ? null : RecordRules.uuid(id, f + ".id"),
                RecordRules.emptyToNull(text(a, "slug")), RecordRules.emptyToNull(text(a, "name")), text(a, "kind"));
    }

    private static List<ImportRecord.Source> sources(JsonNode node) throws RecordProblem {
        List<ImportRecord.Source> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new RecordProblem("sources: must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            String f = "sources[" + i + "]";
            if (s.isTextual()) {
                out.add(new ImportRecord.Source(null, s.asText(), null, null, null, null, null));
                continue;
            }
            if (!s.isObject()) {
                throw new RecordProblem(f + ": must be an object or a URL");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                String name = it.next().getKey();
                if (!SOURCE_FIELDS.contains(name)) {
                    throw new RecordProblem(f + "." + name + ": unknown field");
                }
            }
            String article = text(s, "articleId");
            out.add(new ImportRecord.Source(article == null ? null : RecordRules.uuid(article, f + ".articleId"),
                    text(s, "url"), text(s, "quote"), integer(s, "start", f), integer(s, "end", f),
                    text(s, "ruleId"), text(s, "extractorVersion")));
        }
        return out;
    }

    /** A date as a string ({@code "2024-06"}) or as the API's date object (its value and approximate flag count). */
    private static DateValue date(JsonNode d, String field) throws RecordProblem {
        if (d == null || d.isNull()) {
            return null;
        }
        if (d.isTextual()) {
            return RecordRules.date(d.asText(), field);
        }
        if (!d.isObject()) {
            throw new RecordProblem(field + ": must be a date string or a date object");
        }
        String value = text(d, "value");
        if (value == null) {
            throw new RecordProblem(field + ".value: is required");
        }
        DateValue v = RecordRules.date(value, field + ".value");
        JsonNode approx = d.get("approximate");
        return approx != null && approx.asBoolean(false) ? v.withApproximate(true) : v;
    }

    private static Integer integer(JsonNode n, String name, String f) throws RecordProblem {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new RecordProblem(f + "." + name + ": must be an integer");
        }
        return v.asInt();
    }

    private static String text(JsonNode n, String name) throws RecordProblem {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            throw new RecordProblem(name + ": must be a string");
        }
        return v.asText();
    }

}
