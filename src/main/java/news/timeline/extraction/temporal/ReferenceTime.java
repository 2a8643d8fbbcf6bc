package news.timeline.extraction.temporal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The time a text is anchored to, usually its publication date, in the zone it was given: a {@code +10:00}
 * morning stays on its own local day. {@code time} and {@code offset} are null when only a date was given.
 */
public record ReferenceTime(LocalDate date, LocalTime time, ZoneOffset offset) {

    public ReferenceTime {
        if (date == null) {
            throw new IllegalArgumentException("a reference date is required");
        }
    }

    public static ReferenceTime of(LocalDate date) {
        return new ReferenceTime(date, null, null);
    }

    /**
     * Accepts {@code 2024-09-14}, {@code 2024-09-14T09:45}, {@code 2024-09-14T09:45:00+10:00} or {@code ...Z}.
     *
     * @throws IllegalArgumentException when the text is none of these or not a real date
     */
    public static ReferenceTime parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a reference date is required");
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return of(LocalDate.parse(t));
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                OffsetDateTime odt = OffsetDateTime.parse(t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"));
                return new ReferenceTime(odt.toLocalDate(), odt.toLocalTime(), odt.getOffset());
            }
            java.time.LocalDateTime ldt = java.time.LocalDateTime.parse(t);
            return new ReferenceTime(ldt.toLocalDate(), ldt.toLocalTime(), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t + "' is not an ISO 8601 date or timestamp");
        }
    }
}
