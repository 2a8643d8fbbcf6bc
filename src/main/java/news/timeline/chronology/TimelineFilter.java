package news.timeline.chronology;

import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.ApiProblem;
import news.timeline.web.Cursor;
import news.timeline.web.HistoricDates;
import news.timeline.web.QueryValues;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a chronological list is restricted to. {@code from}/{@code to} select events whose covered days overlap
 * [from, to]; both accept a date at any precision ({@code to=2024-06} means up to 30 June).
 */
public record TimelineFilter(LocalDate from, LocalDate to, List<String> types, String query, Instant addedSince,
                             List<String> statuses, int limit) {

    static final Set<String> EVENT_TYPES = Set.of("meeting", "visit", "statement", "agreement_signed", "agreement_other",
            "negotiation", "accusation", "threat", "military_action", "attack", "sanction", "aid", "protest",
            "election", "appointment", "resignation", "announcement", "report", "other");
    static final Set<String> STATUSES = Set.of("extracted", "confirmed", "rejected");
    /** Rejected events are editors' "this is wrong": lists leave them out unless asked for by status. */
    static final List<String> DEFAULT_STATUSES = List.of("extracted", "confirmed");

    /**
     * The filters in a canonical form (sorted sets, resolved dates), for binding cursors to the list they page:
     * {@code from=2024-06} and {@code from=2024-06-01} are the same list; the page size is not part of it.
     */
    String listKey() {
        // the query is free text: its length first, so no text can pass for other fields
        return from + "|" + to + "|" + types.stream().sorted().toList() + "|"
                + (query == null ? "-" : query.length() + ":" + query) + "|" + addedSince + "|" + statuses.stream().sorted().toList();
    }

    /** True when the only restriction on the events themselves is the default "not rejected". */
    boolean onlyExcludesRejected() {
        return types.isEmpty() && addedSince == null && query == null && isDefaultStatuses(statuses);
    }

    static boolean isDefaultStatuses(List<String> statuses) {
        return Set.copyOf(statuses).equals(Set.copyOf(DEFAULT_STATUSES));
    }

    /** Parses and validates query parameters; every problem is reported at once as a 400 with field errors. */
    public static TimelineFilter parse(String from, String to, List<String> types, String q, String addedSince,
                                       List<String> statuses, Integer limit) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        LocalDate f = date("from", from, true, errors);
        LocalDate t = date("to", to, false, errors);
        if (f != null && t != null && t.isBefore(f)) {
            errors.add(new ApiProblem.FieldError("to", "is before 'from' (" + f + "); the range is reversed"));
        }
        List<String> ty = values("type", types, EVENT_TYPES, errors);
        List<String> st = values("status", statuses, STATUSES, errors);
        Instant since = instant("addedSince", addedSince, errors);
        String query = q == null || q.isBlank() ? null : q.trim();
        if (query != null && query.length() > 500) {
            errors.add(new ApiProblem.FieldError("q", "is longer than 500 characters"));
        }
        int lim = Cursor.DEFAULT_LIMIT;
        if (limit != null && (limit < 1 || limit > Cursor.MAX_LIMIT)) {
            errors.add(new ApiProblem.FieldError("limit", "must be between 1 and " + Cursor.MAX_LIMIT));
        } else if (limit != null) {
            lim = limit;
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new TimelineFilter(f, t, ty, query, since, st.isEmpty() ? DEFAULT_STATUSES : st, lim);
    }

    private static LocalDate date(String field, String raw, boolean start, List<ApiProblem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            DateValue d = HistoricDates.parse(raw);
            if (HistoricDates.isOpen(d)) {
                errors.add(new ApiProblem.FieldError(field, "is not a date: '..' (an open end) bounds no range; leave the parameter out"));
                return null;
            }
            return start ? d.start() : d.end();
        } catch (IllegalArgumentException e) {
            errors.add(new ApiProblem.FieldError(field, "is not a date: " + e.getMessage()));
            return null;
        }
    }

    private static Instant instant(String field, String raw, List<ApiProblem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                errors.add(new ApiProblem.FieldError(field, "is not a timestamp with offset (e.g. 2024-09-14T09:45:00+10:00) or a date"));
                return null;
            }
        }
    }

    /** Accepts repeated and comma-separated values, each one of {@code allowed}. */
    private static List<String> values(String field, List<String> raw, Set<String> allowed, List<ApiProblem.FieldError> errors) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null) {
            for (String r : raw) {
                for (String v : r.split(",", -1)) {
                    String s = v.trim();
                    if (!allowed.contains(s)) {
                        // an empty value ("status=", "type=a,,b") is refused like a typo: it is none of the values
                        errors.add(new ApiProblem.FieldError(field, "unknown value " + QueryValues.quoted(s)
                                + "; expected one of " + String.join(", ", allowed.stream().sorted().toList())));
                    } else {
                        out.add(s);
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
