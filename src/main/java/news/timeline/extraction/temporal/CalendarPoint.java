package news.timeline.extraction.temporal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar position at a TIMEX3 granularity: a representative first day plus the unit it is known to. The
 * arithmetic behind relative expressions ("last week", "a year earlier") works on these and formats back to
 * the TIMEX3 value at the same granularity.
 */
record CalendarPoint(LocalDate day, Unit unit) {

    /** Granularities, finest first; the letter is the one used in rule values ({@code @rel dct Y -1}). */
    enum Unit {
        DAY('D'), WEEK('W'), MONTH('M'), SEASON('S'), QUARTER('Q'), HALF('H'), YEAR('Y'), DECADE('E'), CENTURY('C');

        final char letter;

        Unit(char letter) {
            this.letter = letter;
        }

        static Unit of(String letter) {
            for (Unit u : values()) {
                if (letter.length() == 1 && u.letter == letter.charAt(0)) {
                    return u;
                }
            }
            throw new IllegalArgumentException("unknown unit '" + letter + "' (expected one of D W M S Q H Y E C)");
        }
    }

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:T.*)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})(?:-WE)?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern SEASON = Pattern.compile("(\\d{4})-(SP|SU|FA|WI)");
    private static final Pattern DECADE = Pattern.compile("(\\d{3})");
    private static final Pattern CENTURY = Pattern.compile("(\\d{2})");

    static CalendarPoint of(LocalDate day, Unit unit) {
        return new CalendarPoint(day, unit);
    }

    /** The point a concrete TIMEX3 value denotes, or null when the value is not a calendar position. */
    static CalendarPoint parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            Matcher m;
            if ((m = DAY.matcher(value)).matches()) {
                return of(LocalDate.of(i(m, 1), i(m, 2), i(m, 3)), Unit.DAY);
            }
            if ((m = MONTH.matcher(value)).matches()) {
                return of(LocalDate.of(i(m, 1), i(m, 2), 1), Unit.MONTH);
            }
            if ((m = YEAR.matcher(value)).matches()) {
                return of(LocalDate.of(i(m, 1), 1, 1), Unit.YEAR);
            }
            if ((m = QUARTER.matcher(value)).matches()) {
                return of(LocalDate.of(i(m, 1), (i(m, 2) - 1) * 3 + 1, 1), Unit.QUARTER);
            }
            if ((m = WEEK.matcher(value)).matches()) {
                LocalDate d = LocalDate.of(i(m, 1), 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, i(m, 2))
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return of(d, Unit.WEEK);
            }
            if ((m = HALF.matcher(value)).matches()) {
                return of(LocalDate.of(i(m, 1), i(m, 2) == 1 ? 1 : 7, 1), Unit.HALF);
            }
            if ((m = SEASON.matcher(value)).matches()) {
                int month = switch (m.group(2)) {
                    case "SP" -> 3;
                    case "SU" -> 6;
                    case "FA" -> 9;
                    default -> 12;
                };
                return of(LocalDate.of(i(m, 1), month, 1), Unit.SEASON);
            }
            if ((m = DECADE.matcher(value)).matches()) {
                return of(LocalDate.of(i(m, 1) * 10, 1, 1), Unit.DECADE);
            }
            if ((m = CENTURY.matcher(value)).matches()) {
                return of(LocalDate.of(i(m, 1) * 100, 1, 1), Unit.CENTURY);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static int i(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    /** The same place in time, known only to the coarser unit {@code u} (never refines). */
    CalendarPoint coarsen(Unit u) {
        return u.ordinal() <= unit.ordinal() ? this : of(day, u);
    }

    /** Moves by {@code n} units of {@code by}, keeping this point's own granularity. */
    CalendarPoint plus(Unit by, long n) {
        LocalDate d = switch (by) {
            case DAY -> day.plusDays(n);
            case WEEK -> day.plusWeeks(n);
            case MONTH -> day.plusMonths(n);
            case SEASON, QUARTER -> day.plusMonths(3 * n);
            case HALF -> day.plusMonths(6 * n);
            case YEAR -> day.plusYears(n);
            case DECADE -> day.plusYears(10 * n);
            case CENTURY -> day.plusYears(100 * n);
        };
        return of(d, unit);
    }

    /** The TIMEX3 value at this point's granularity. */
    String value() {
        int y = day.getYear();
        return switch (unit) {
            case DAY -> day.toString();
            case WEEK -> String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%04d-%02d", y, day.getMonthValue());
            case SEASON -> seasonValue();
            case QUARTER -> String.format("%04d-Q%d", y, (day.getMonthValue() - 1) / 3 + 1);
            case HALF -> String.format("%04d-H%d", y, day.getMonthValue() <= 6 ? 1 : 2);
            case YEAR -> String.format("%04d", y);
            case DECADE -> String.format("%03d", Math.floorDiv(y, 10));
            case CENTURY -> String.format("%02d", Math.floorDiv(y, 100));
        };
    }

    private String seasonValue() {
        int m = day.getMonthValue();
        int y = day.getYear();
        if (m <= 2) {
            return String.format("%04d-WI", y - 1);
        }
        String s = m <= 5 ? "SP" : m <= 8 ? "SU" : m <= 11 ? "FA" : "WI";
        return String.format("%04d-%s", y, s);
    }
}
