package news.timeline.articles;

import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.ApiProblem;
import news.timeline.web.Cursor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Filters of {@code GET /api/v1/articles}. {@code addedSince}: stored or re-extracted after that time;
 * {@code publishedFrom}/{@code publishedTo}: publication day within the range (dates at any precision,
 * {@code publishedTo=2024-06} means up to 30 June); {@code q}: full text over title and text; {@code host}: the URL's
 * host or a domain above it ({@code bbc.co.uk} also finds {@code www.bbc.co.uk}); {@code extractorVersion}: exactly.
 */
record ArticleQuery(Instant addedSince, LocalDate publishedFrom, LocalDate publishedTo, String q, String host,
                    String extractorVersion) {

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    static ArticleQuery none() {
        return new ArticleQuery(null, null, null, null, null, null);
    }

    /** Parses and validates the parameters; every problem is reported at once, each naming its parameter. */
    static ArticleQuery parse(String addedSince, String publishedFrom, String publishedTo, String q, String host,
                              String extractorVersion) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Instant since = instant("addedSince", addedSince, errors);
        LocalDate from = date("publishedFrom", publishedFrom, true, errors);
        LocalDate to = date("publishedTo", publishedTo, false, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new ApiProblem.FieldError("publishedTo", "is before 'publishedFrom' (" + from + "); the range is reversed"));
        }
        String query = blankToNull(q, "q", errors);
        if (query != null && query.length() > 500) {
            errors.add(new ApiProblem.FieldError("q", "is longer than 500 characters"));
        }
        String h = blankToNull(host, "host", errors);
        if (h != null) {
            h = h.toLowerCase(Locale.ROOT);
            if (h.length() > 253 || !HOST.matcher(h).matches()) {
                errors.add(new ApiProblem.FieldError("host", "must be a host name such as www.example.com (no scheme, port or path)"));
            }
        }
        String version = blankToNull(extractorVersion, "extractorVersion", errors);
        if (version != null && version.length() > 32) {
            errors.add(new ApiProblem.FieldError("extractorVersion", "is longer than 32 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new ArticleQuery(since, from, to, query, h, version);
    }

    /** The filters in a canonical form, for binding cursors to the list they page. */
    String scope() {
        return Cursor.scope(addedSince, publishedFrom, publishedTo, q == null ? "-" : q.length() + ":" + q, host, extractorVersion);
    }

    /** An empty value ({@code ?host=}) is refused like any other value the parameter cannot mean. */
    private static String blankToNull(String raw, String field, List<ApiProblem.FieldError> errors) {
        if (raw == null) {
            return null;
        }
        if (raw.isBlank()) {
            errors.add(new ApiProblem.FieldError(field, "must not be empty; leave the parameter out instead"));
            return null;
        }
        return raw.trim();
    }

    private static LocalDate date(String field, String raw, boolean start, List<ApiProblem.FieldError> errors) {
        String v = blankToNull(raw, field, errors);
        if (v == null) {
            return null;
        }
        try {
            DateValue d = DateValue.parse(v);
            return start ? d.start() : d.end();
        } catch (IllegalArgumentException e) {
            errors.add(new ApiProblem.FieldError(field, "is not a date (2024, 2024-06, 2024-06-13...): " + e.getMessage()));
            return null;
        }
    }

    private static Instant instant(String field, String raw, List<ApiProblem.FieldError> errors) {
        String v = blankToNull(raw, field, errors);
        if (v == null) {
            return null;
        }
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
}
