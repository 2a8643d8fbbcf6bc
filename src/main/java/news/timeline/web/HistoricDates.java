package news.timeline.web;

import java.time.LocalDate;

/**
 * Years as ISO 8601 writes them, with astronomical year numbering: {@code 0000} is 1 BC, {@code -0044} is 45 BC,
 * and years past 9999 carry a sign ({@code +10000}). {@link LocalDate} counts years the same way.
 */
public final class HistoricDates {

    private HistoricDates() {
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
}
