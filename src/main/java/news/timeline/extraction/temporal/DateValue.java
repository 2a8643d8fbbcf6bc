package news.timeline.extraction.temporal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's date object: an ISO 8601 value at its precision and the calendar days it covers.
 * {@code start} and {@code end} are inclusive; filters and sorting use them.
 */
public record DateValue(String value, Precision precision, LocalDate start, LocalDate end, boolean approximate) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern SEASON = Pattern.compile("(\\d{4})-(SP|SU|FA|WI)");
    private static final Pattern DECADE = Pattern.compile("(\\d{3})");
    private static final Pattern CENTURY = Pattern.compile("(\\d{2})");
    private static final Pattern MINUTE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}):(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final DateTimeFormatter MINUTE_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public DateValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    public static DateValue ofDay(LocalDate day) {
        return new DateValue(day.toString(), Precision.DAY, day, day, false);
    }

    public static DateValue ofMonth(YearMonth month) {
        return new DateValue(month.toString(), Precision.MONTH, month.atDay(1), month.atEndOfMonth(), false);
    }

    public static DateValue ofYear(int year) {
        return new DateValue(String.format("%04d", year), Precision.YEAR,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), false);
    }

    public DateValue withApproximate(boolean approx) {
        return new DateValue(value, precision, start, end, approx);
    }

    /** True when the two date objects share at least one calendar day. */
    public boolean overlaps(DateValue other) {
        return !end.isBefore(other.start) && !other.end.isBefore(start);
    }

    /**
     * Parses an ISO 8601 value at any supported precision ({@code 2024}, {@code 2024-Q2}, {@code 2024-06},
     * {@code 2024-W37}, {@code 2024-09-13}, {@code 2024-09-13T14:30Z}, seasons {@code 2024-SU}, decades
     * {@code 199}, centuries {@code 19}).
     *
     * @throws IllegalArgumentException with a readable message when the value is not a real date
     */
    public static DateValue parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a date value is required");
        }
        String v = raw.trim();
        try {
            Matcher m;
            if ((m = DAY.matcher(v)).matches()) {
                return ofDay(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)));
            }
            if ((m = MONTH.matcher(v)).matches()) {
                return ofMonth(YearMonth.of(num(m, 1), num(m, 2)));
            }
            if ((m = YEAR.matcher(v)).matches()) {
                return ofYear(num(m, 1));
            }
            if ((m = QUARTER.matcher(v)).matches()) {
                int y = num(m, 1);
                int q = num(m, 2);
                YearMonth first = YearMonth.of(y, (q - 1) * 3 + 1);
                return new DateValue(v, Precision.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth(), false);
            }
            if ((m = WEEK.matcher(v)).matches()) {
                int y = num(m, 1);
                int w = num(m, 2);
                LocalDate anyDay = LocalDate.of(y, 6, 1);
                if (w < 1 || w > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                    throw new IllegalArgumentException("week " + w + " does not exist in " + y);
                }
                LocalDate monday = anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return new DateValue(v, Precision.WEEK, monday, monday.plusDays(6), false);
            }
            if ((m = SEASON.matcher(v)).matches()) {
                return season(num(m, 1), m.group(2));
            }
            if ((m = MINUTE.matcher(v)).matches()) {
                return minute(m);
            }
            if ((m = DECADE.matcher(v)).matches()) {
                int first = num(m, 1) * 10;
                return new DateValue(v, Precision.DECADE, LocalDate.of(first, 1, 1), LocalDate.of(first + 9, 12, 31), false);
            }
            if ((m = CENTURY.matcher(v)).matches()) {
                int first = num(m, 1) * 100;
                return new DateValue(v, Precision.CENTURY, LocalDate.of(first, 1, 1), LocalDate.of(first + 99, 12, 31), false);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + v + "' is not a real date: " + e.getMessage());
        }
        throw new IllegalArgumentException("'" + v + "' is not an ISO 8601 date (expected e.g. 2024, 2024-Q2, 2024-06, 2024-W37, 2024-09-13 or 2024-09-13T14:30Z)");
    }

    private static DateValue season(int year, String code) {
        // Meteorological seasons of the northern hemisphere; winter runs December to February.
        return switch (code) {
            case "SP" -> span(year + "-SP", Precision.SEASON, YearMonth.of(year, 3), YearMonth.of(year, 5));
            case "SU" -> span(year + "-SU", Precision.SEASON, YearMonth.of(year, 6), YearMonth.of(year, 8));
            case "FA" -> span(year + "-FA", Precision.SEASON, YearMonth.of(year, 9), YearMonth.of(year, 11));
            default -> span(year + "-WI", Precision.SEASON, YearMonth.of(year, 12), YearMonth.of(year + 1, 2));
        };
    }

    private static DateValue span(String value, Precision p, YearMonth from, YearMonth to) {
        return new DateValue(value, p, from.atDay(1), to.atEndOfMonth(), false);
    }

    private static DateValue minute(Matcher m) {
        LocalDate day = LocalDate.parse(m.group(1));
        int hour = Integer.parseInt(m.group(2));
        int minute = Integer.parseInt(m.group(3));
        LocalDateTime local = day.atTime(hour, minute);
        String zone = m.group(4);
        LocalDateTime utc = local;
        if (zone != null && !zone.equals("Z")) {
            ZoneOffset offset = ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            utc = OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        String value = utc.format(MINUTE_OUT) + "Z";
        // The covered day is the one named in the text, in the zone it was given.
        return new DateValue(value, Precision.MINUTE, day, day, false);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
