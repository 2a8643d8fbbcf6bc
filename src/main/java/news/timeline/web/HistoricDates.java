package news.timeline.web;

import news.timeline.extraction.temporal.DateValue;
import news.timeline.extraction.temporal.Precision;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of the API beyond the news: years before 1 in ISO 8601's expanded form, with astronomical year numbering as
 * ISO 8601 has it ({@code 0000} is 1 BC, {@code -0044} is 45 BC, {@code -0499} is 500 BC; {@link LocalDate} counts
 * the same way), and the open end of an event still going on ({@code ".."}, ISO 8601-2's open interval end, or
 * {@code {"open": true}} in JSON). Every date the API reads goes through {@link #parse}; the extraction's
 * {@link DateValue#parse} reads the news forms (four-digit years) and is what this falls back to.
 */
public final class HistoricDates {

    /** The earliest year PostgreSQL's {@code date} holds: 4713 BC. */
    public static final int EARLIEST_YEAR = -4712;
    /** ISO 8601-2's mark of an open interval end, the value an open end carries. */
    public static final String OPEN_VALUE = "..";
    /**
     * An open end ("still going on"). Stored as its value {@code ..} with the last day PostgreSQL and every format
     * can hold as start and end, so range checks ("not before date") and storage need no special case.
     */
    public static final DateValue OPEN_END = new DateValue(OPEN_VALUE, Precision.DAY, LocalDate.of(9999, 12, 31),
            LocalDate.of(9999, 12, 31), false);

    private static final Pattern EXPANDED = Pattern.compile("-(\\d{4,})(?:-(\\d{2})(?:-(\\d{2}))?|-Q([1-4]))?");

    private HistoricDates() {
    }

    /**
     * Parses any date value the API accepts: the news forms of {@link DateValue#parse}, {@code 0000}..., negative
     * years ({@code -0044-03-15}, {@code -0044-03}, {@code -0500}, {@code -0044-Q1}) and the open end {@code ..}.
     *
     * @throws IllegalArgumentException with a readable message
     */
    public static DateValue parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a date value is required");
        }
        String v = raw.trim();
        if (v.equals(OPEN_VALUE)) {
            return OPEN_END;
        }
        Matcher m = EXPANDED.matcher(v);
        if (!m.matches()) {
            if (v.startsWith("-") || v.startsWith("+")) {
                throw new IllegalArgumentException("'" + v + "' is not an ISO 8601 date before year 1 (expected e.g. -0044-03-15, "
                        + "-0044-03, -0500 or -0044-Q1: astronomical years, 0000 is 1 BC, -0044 is 45 BC)");
            }
            return DateValue.parse(v);
        }
        int year;
        try {
            year = -Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            year = Integer.MIN_VALUE;
        }
        if (year < EARLIEST_YEAR) {
            throw new IllegalArgumentException("'" + v + "' is before " + year(EARLIEST_YEAR) + " (4713 BC), the earliest date stored");
        }
        try {
            if (m.group(4) != null) {
                YearMonth first = YearMonth.of(year, (Integer.parseInt(m.group(4)) - 1) * 3 + 1);
                return new DateValue(v, Precision.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth(), false);
            }
            if (m.group(2) == null) {
                return new DateValue(v, Precision.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), false);
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return new DateValue(v, Precision.MONTH, month.atDay(1), month.atEndOfMonth(), false);
            }
            LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
            return new DateValue(v, Precision.DAY, day, day, false);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + v + "' is not a real date: " + e.getMessage());
        }
    }

    /** True for the open end of an event still going on. */
    public static boolean isOpen(DateValue d) {
        return d != null && OPEN_VALUE.equals(d.value());
    }

    /** The ISO 8601 year of a day: {@code 2024}, {@code 0001}, {@code 0000}, {@code -0044}, {@code +10000}. */
    public static String year(LocalDate day) {
        return year(day.getYear());
    }

    public static String year(int y) {
        if (y < 0) {
            return String.format("-%04d", -y);
        }
        return y > 9999 ? "+" + y : String.format("%04d", y);
    }

    /** The ISO 8601 month of a day: {@code 2024-06}, {@code -0044-03}. */
    public static String month(LocalDate day) {
        return year(day) + String.format("-%02d", day.getMonthValue());
    }

    /** A day as PostgreSQL's text input reads it: years before 1 need the era ({@code 0045-03-15 BC} is -0044-03-15). */
    public static String postgresDay(LocalDate day) {
        if (day.getYear() > 0) {
            return day.toString();
        }
        return String.format("%04d-%02d-%02d BC", 1 - day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    /** A day as ECMAScript's Date reads it: years before 0 or after 9999 in its six-digit expanded form ({@code -000044-03-15}). */
    public static String scriptDay(LocalDate day) {
        int y = day.getYear();
        if (y >= 0 && y <= 9999) {
            return day.toString();
        }
        return String.format("%s%06d-%02d-%02d", y < 0 ? "-" : "+", Math.abs(y), day.getMonthValue(), day.getDayOfMonth());
    }
}
