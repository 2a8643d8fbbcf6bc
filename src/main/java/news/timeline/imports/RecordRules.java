package news.timeline.imports;

import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.HistoricDates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The checks every format shares, so that nothing reaches the database that a column would refuse. */
final class RecordRules {

    static final Set<String> EVENT_TYPES = Set.of("meeting", "visit", "statement", "agreement_signed", "agreement_other",
            "negotiation", "accusation", "threat", "military_action", "attack", "sanction", "aid", "protest", "election",
            "appointment", "resignation", "announcement", "report", "other");
    static final Set<String> STATUSES = Set.of("extracted", "confirmed", "rejected");
    static final Set<String> ACTOR_KINDS = Set.of("person", "country", "organization", "group", "other");

    private RecordRules() {
    }

    static ImportRecord check(ImportRecord r) throws RecordProblem {
        require(r.externalId(), "externalId");
        max(r.externalId(), 200, "externalId");
        max(r.externalSource(), 32, "externalSource");
        require(r.type(), "type");
        if (!EVENT_TYPES.contains(r.type())) {
            throw new RecordProblem("type: '" + r.type() + "' is not an event type");
        }
        require(r.title(), "title");
        max(r.title(), 500, "title");
        text(r.summary(), "summary");
        if (r.date() == null) {
            throw new RecordProblem("date: is required");
        }
        if (HistoricDates.isOpen(r.date())) {
            throw new RecordProblem("date: cannot be open ('..'); only endDate can");
        }
        if (r.endDate() != null && r.endDate().end().isBefore(r.date().start())) {
            throw new RecordProblem("endDate: is before date");
        }
        max(r.placeName(), 300, "place.name");
        if (!(r.confidence() >= 0 && r.confidence() <= 1)) {
            throw new RecordProblem("confidence: must be between 0 and 1");
        }
        if (!STATUSES.contains(r.status())) {
            throw new RecordProblem("status: must be one of extracted, confirmed, rejected");
        }
        for (int i = 0; i < r.participants().size(); i++) {
            ImportRecord.Participant p = r.participants().get(i);
            String f = "participants[" + i + "]";
            ImportRecord.ActorRef a = p.actor();
            if (a == null || (a.id() == null && blank(a.slug()) && blank(a.name()))) {
                throw new RecordProblem(f + ".actor: needs an id, a slug or a name");
            }
            max(a.name(), 300, f + ".actor.name");
            max(a.slug(), 200, f + ".actor.slug");
            if (a.kind() != null && !ACTOR_KINDS.contains(a.kind())) {
                throw new RecordProblem(f + ".actor.kind: must be one of person, country, organization, group, other");
            }
            if (a.name() != null && a.normalized().isEmpty() && a.id() == null && blank(a.slug())) {
                throw new RecordProblem(f + ".actor.name: has no letters or digits");
            }
            require(p.role(), f + ".role");
            max(p.role(), 32, f + ".role");
        }
        for (int i = 0; i < r.sources().size(); i++) {
            ImportRecord.Source s = r.sources().get(i);
            String f = "sources[" + i + "]";
            max(s.url(), 2048, f + ".url");
            text(s.quote(), f + ".quote");
            max(s.ruleId(), 100, f + ".ruleId");
            max(s.extractorVersion(), 32, f + ".extractorVersion");
            if (s.start() != null && s.end() != null && s.end() < s.start()) {
                throw new RecordProblem(f + ".end: is before start");
            }
        }
        return r;
    }

    /** Participants with one entry per actor reference (the database keeps one row per actor). */
    static List<ImportRecord.Participant> distinct(List<ImportRecord.Participant> ps) {
        Map<String, ImportRecord.Participant> out = new LinkedHashMap<>();
        for (ImportRecord.Participant p : ps) {
            out.putIfAbsent(p.actor().key(), p);
        }
        return new ArrayList<>(out.values());
    }

    static DateValue date(String raw, String field) throws RecordProblem {
        try {
            return HistoricDates.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new RecordProblem(field + ": " + e.getMessage());
        }
    }

    /**
     * A date object's {@code precision}, {@code start} and {@code end}, when given, must be what its value says
     * (each may be left out); the message names the field and what it should be.
     */
    static void agrees(DateValue d, String precision, String start, String end, String field) throws RecordProblem {
        if (precision != null && !precision.trim().equalsIgnoreCase(d.precision().apiName())) {
            throw new RecordProblem(field + ".precision: '" + abbreviate(precision) + "' does not match value '" + d.value()
                    + "', which is a " + d.precision().apiName() + " (leave precision out or make it " + d.precision().apiName() + ")");
        }
        if (start != null && !start.trim().equals(d.start().toString())) {
            throw new RecordProblem(field + ".start: '" + abbreviate(start) + "' does not match value '" + d.value()
                    + "', which starts on " + d.start() + " (leave start out or make it " + d.start() + ")");
        }
        if (end != null && !end.trim().equals(d.end().toString())) {
            throw new RecordProblem(field + ".end: '" + abbreviate(end) + "' does not match value '" + d.value()
                    + "', which ends on " + d.end() + " (leave end out or make it " + d.end() + ")");
        }
    }

    static UUID uuid(String raw, String field) throws RecordProblem {
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new RecordProblem(field + ": '" + abbreviate(raw) + "' is not a UUID");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static void require(String v, String field) throws RecordProblem {
        if (blank(v)) {
            throw new RecordProblem(field + ": is required");
        }
        text(v, field);
    }

    private static void max(String v, int max, String field) throws RecordProblem {
        if (v != null) {
            text(v, field);
            if (v.length() > max) {
                throw new RecordProblem(field + ": is longer than " + max + " characters");
            }
        }
    }

    /** PostgreSQL text cannot hold NUL. */
    private static void text(String v, String field) throws RecordProblem {
        if (v != null && v.indexOf('\u0000') >= 0) {
            throw new RecordProblem(field + ": contains a NUL character");
        }
    }
}
