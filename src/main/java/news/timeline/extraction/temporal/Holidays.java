package news.timeline.extraction.temporal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The date of a holiday in a year, from its {@code holiday.tsv} code. */
final class Holidays {

    private Holidays() {
    }

    /**
     * {@code MM-DD} fixed; {@code MM/N/D} the N-th weekday D (1 = Monday) of month MM, {@code L} for the last;
     * {@code MM/N/D/S} counting from day S; {@code easter}.
     */
    static LocalDate in(String code, int year) {
        if (code.equals("easter")) {
            return easter(year);
        }
        if (code.contains("-")) {
            String[] p = code.split("-");
            return LocalDate.of(year, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        }
        String[] p = code.split("/");
        int month = Integer.parseInt(p[0]);
        DayOfWeek dow = DayOfWeek.of(Integer.parseInt(p[2]));
        if (p[1].equals("L")) {
            return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(dow));
        }
        int from = p.length > 3 ? Integer.parseInt(p[3]) : 1;
        LocalDate first = LocalDate.of(year, month, from).with(TemporalAdjusters.nextOrSame(dow));
        return first.plusWeeks(Integer.parseInt(p[1]) - 1L);
    }

    /** Western Easter Sunday (anonymous Gregorian algorithm). */
    static LocalDate easter(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }
}
