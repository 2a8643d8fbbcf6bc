package news.timeline.extraction.temporal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Turns a rule's value (after its slots are filled) into a TIMEX3 value. Plain values pass through; values
 * starting with {@code @} are directives resolved against the reference date ({@code dct}), the narrative's most
 * recent date ({@code ref}) or the tense of the sentence:
 * <pre>
 *   &#64;rel ANCHOR UNIT N [SUFFIX]        the anchor at UNIT granularity, moved N units   ("last year")
 *   &#64;shift ANCHOR UNIT N [SUFFIX]      the anchor at its own granularity, moved N units ("a year earlier")
 *   &#64;weekday DIR D [SUFFIX]            weekday D (1 = Monday)                          ("on Friday")
 *   &#64;weekday before|after D [SUFFIX]   weekday D before or after the narrative's day    ("the previous Friday")
 *   &#64;weekend DIR                       the weekend, as its week                         ("over the weekend")
 *   &#64;month DIR M [SUFFIX]              month M of the year DIR points to                ("in June")
 *   &#64;monthday DIR M D [SUFFIX|~G]      day D of month M, or the period G that holds it  ("June 5", "the week of June 5")
 *   &#64;quarter DIR Q | &#64;half DIR H | &#64;season DIR S                                     ("the third quarter")
 * </pre>
 * A directive may end with a step on the resolved period: {@code >Y-1} ("the year-ago third quarter"),
 * {@code >Y=1988} ("the 1988 quarter": the story's quarter, in 1988).
 * ANCHOR is {@code dct}, {@code ref} or {@code cur} (the narrative's date when it lies in the year before the
 * reference, else the reference: the period a report is about); UNIT one of D W M S Q H Y E C; DIR is {@code tense}, {@code last},
 * {@code this}, {@code next} or {@code past} (on or before the reference). A trailing {@code ~G} asks for
 * granularity G. One resolver serves one document: it remembers the narrative date.
 */
final class TimexResolver {

    private static final Set<String> DIRECTIVES = Set.of("rel", "shift", "weekday", "weekend", "holiday", "month", "monthday", "quarter", "half", "season");

    record Resolved(String value, Anchoring anchoring) {
    }

    private final ReferenceTime reference;
    private final CalendarPoint dct;
    private CalendarPoint narrative;
    /** The last quarter the story named on its own ("the third quarter", "fiscal first-quarter"): the one it reports. */
    private CalendarPoint namedQuarter;

    TimexResolver(ReferenceTime reference) {
        this.reference = reference;
        this.dct = CalendarPoint.of(reference.date(), CalendarPoint.Unit.DAY);
    }

    /** Checks a directive's shape at load time (slots are not filled yet, so only the name is checked). */
    static void checkDirective(String template) {
        if (!template.startsWith("@")) {
            return;
        }
        String name = template.substring(1).split(" ", 2)[0];
        if (!DIRECTIVES.contains(name)) {
            throw new IllegalArgumentException("unknown directive @" + name + " (expected one of " + DIRECTIVES + ")");
        }
    }

    /** Remembers a resolved DATE/TIME value as the narrative's current date. */
    void mentioned(String value, Anchoring anchoring) {
        if (anchoring == Anchoring.NARRATIVE) {
            return; // "a year earlier" does not move the story's reference time
        }
        String v = value;
        int t = v.indexOf('T');
        if (t == 10) {
            v = v.substring(0, 10);
        }
        CalendarPoint p = CalendarPoint.parse(v);
        if (p != null) {
            narrative = p;
            if (p.unit() == CalendarPoint.Unit.QUARTER && !p.day().plusMonths(3).isAfter(quarterStart(dct.day()))) {
                namedQuarter = p; // a quarter already over: one a report can be about (not "the fourth quarter" ahead)
            }
        }
    }

    Resolved resolve(String value, Tense tense) {
        int then = value.indexOf(" >");
        if (value.startsWith("@") && then > 0) {
            // a last step on the resolved period: "&gt;Y-1" moves it a year back, "&gt;Y=1988" puts it in 1988
            return adjust(resolve(value.substring(0, then), tense), value.substring(then + 2).trim());
        }
        if (!value.startsWith("@")) {
            return new Resolved(value.startsWith("P") ? Durations.normalize(value) : value, Anchoring.NONE);
        }
        String[] a = value.substring(1).trim().split("\\s+");
        try {
            return switch (a[0]) {
                case "rel" -> rel(a, false);
                case "shift" -> rel(a, true);
                case "weekday" -> a[1].equals("before") || a[1].equals("after") ? narrativeWeekday(a)
                        : new Resolved(weekday(a[1], dir(a[1], tense == Tense.PRESENT ? Tense.FUTURE : tense, Tense.PAST), Integer.parseInt(a[2])) + suffix(a, 3), Anchoring.REFERENCE);
                case "weekend" -> new Resolved(weekend(a[1], tense), Anchoring.REFERENCE);
                case "holiday" -> holiday(a, tense);
                case "month" -> named(a, tense, Tense.NONE, CalendarPoint.Unit.MONTH, Integer.parseInt(a[2]));
                case "quarter" -> named(a, tense, Tense.PAST, CalendarPoint.Unit.QUARTER, Integer.parseInt(a[2]));
                case "half" -> named(a, tense, Tense.PAST, CalendarPoint.Unit.HALF, Integer.parseInt(a[2]));
                case "season" -> named(a, tense, Tense.NONE, CalendarPoint.Unit.SEASON, seasonIndex(a[2]));
                case "monthday" -> monthDay(a, tense);
                default -> throw new IllegalArgumentException("unknown directive " + a[0]);
            };
        } catch (RuntimeException e) {
            // A value the text cannot support stays unresolved rather than guessed.
            return new Resolved("XXXX-XX-XX", Anchoring.REFERENCE);
        }
    }

    private static Resolved adjust(Resolved r, String step) {
        CalendarPoint p = CalendarPoint.parse(r.value());
        if (p == null || step.length() < 3) {
            return r;
        }
        CalendarPoint.Unit unit = CalendarPoint.Unit.of(step.substring(0, 1));
        if (step.charAt(1) == '=') {
            if (unit != CalendarPoint.Unit.YEAR) {
                throw new IllegalArgumentException("only the year can be set: " + step);
            }
            p = p.plus(unit, Long.parseLong(step.substring(2)) - p.day().getYear());
        } else {
            p = p.plus(unit, Long.parseLong(step.substring(1).replace("+", "")));
        }
        return new Resolved(p.value(), r.anchoring());
    }

    private Resolved rel(String[] a, boolean keepGranularity) {
        boolean narrativeAnchor = a[1].equals("ref") || a[1].equals("cur");
        CalendarPoint.Unit unit = CalendarPoint.Unit.of(a[2]);
        if (a[3].endsWith("X")) {
            // "several years ago": the text gives no amount
            return new Resolved(a[3].startsWith("-") ? "PAST_REF" : "FUTURE_REF", Anchoring.REFERENCE);
        }
        long n = Long.parseLong(a[3].startsWith("+") ? a[3].substring(1) : a[3]);
        // an optional "~G" asks for the result at granularity G ("the year-ago quarter")
        CalendarPoint.Unit at = null;
        int next = 4;
        long fallbackShift = 0;
        boolean hasFallback = false;
        if (a.length > 4 && a[4].startsWith("~")) {
            at = CalendarPoint.Unit.of(a[4].substring(1));
            next = 5;
            // "?N": when the narrative cannot name the period, the reference's period moved N ("the quarter"
            // in an earnings story is the one just reported)
            if (a.length > 5 && a[5].startsWith("?")) {
                fallbackShift = Long.parseLong(a[5].substring(1));
                hasFallback = true;
                next = 6;
            }
        }
        CalendarPoint anchor = narrativeAnchor && narrative != null ? narrative : dct;
        if (anchor != dct && !keepGranularity && n == 0 && unit == CalendarPoint.Unit.DAY && at == null
                && (anchor.unit() == CalendarPoint.Unit.MONTH || anchor.unit() == CalendarPoint.Unit.YEAR)
                && suffix(a, 4).isEmpty()) {
            // "that same day" after a story that named only a month or a year: a day of it, not the month itself
            String days = anchor.unit() == CalendarPoint.Unit.MONTH ? "-XX" : "-XX-XX";
            return new Resolved(anchor.value() + days, Anchoring.NARRATIVE);
        }
        if (anchor != dct && n < 0 && anchor.day().isAfter(dct.day())) {
            // "a year earlier" compares with a past period, not with a forecast named before it: with the quarter
            // the story reports when it named one ("the year-ago period")
            anchor = namedQuarter != null && a[1].equals("cur") ? namedQuarter : dct;
        }
        if (anchor != dct && a[1].equals("cur") && anchor.day().isBefore(dct.day().minusYears(1))) {
            anchor = dct; // "the year-ago results" compare with the period being reported, not with an older one
        }
        if (at != null && anchor.unit().ordinal() > at.ordinal()) {
            anchor = dct; // the narrative date is too coarse to name that period
        }
        if (hasFallback && narrativeAnchor && at == CalendarPoint.Unit.QUARTER && namedQuarter != null) {
            anchor = namedQuarter; // "the quarter" of an earnings story is the one it named, whatever dates came since
        }
        CalendarPoint p;
        if (at != null) {
            // the fallback moves the reference's period in its own unit ("?-1": the quarter before the reference's)
            // a date of the quarter still running is not what "the quarter" of a report is about either
            boolean running = anchor != namedQuarter && anchor.coarsen(at).value().equals(dct.coarsen(at).value());
            long fallback = anchor == dct || hasFallback && running ? fallbackShift : 0;
            p = anchor.coarsen(at).plus(at, fallback).plus(unit, n);
        } else if (keepGranularity && anchor != dct) {
            p = keepable(anchor.unit(), unit) ? anchor.plus(unit, n) : anchor.coarsen(unit).plus(unit, n);
        } else {
            p = anchor.coarsen(unit).plus(unit, n);
        }
        String tail = suffix(a, next);
        if (tail.startsWith("T") && p.unit() != CalendarPoint.Unit.DAY) {
            // a clock time needs a day: a story that has named only a month or a year leaves the reference's
            p = dct.plus(unit, n);
            narrativeAnchor = false;
        }
        if (hasFallback && n == 0 && a[0].equals("rel")) {
            narrative = p; // "in the quarter" brings the story back to the period it reports ("... a year ago")
        }
        return new Resolved(p.value() + tail, narrativeAnchor ? Anchoring.NARRATIVE : Anchoring.REFERENCE);
    }

    /**
     * Whether "a year earlier" keeps its anchor's granularity: a quarter, half or season stays one (the
     * year-ago quarter), a day or month named in passing does not (TimeBank annotates the year).
     */
    private static boolean keepable(CalendarPoint.Unit anchor, CalendarPoint.Unit shift) {
        if (anchor.ordinal() >= shift.ordinal()) {
            return true;
        }
        return shift == CalendarPoint.Unit.YEAR && (anchor == CalendarPoint.Unit.QUARTER
                || anchor == CalendarPoint.Unit.HALF || anchor == CalendarPoint.Unit.SEASON);
    }

    private static String suffix(String[] a, int i) {
        return a.length > i ? a[i] : "";
    }

    private static Tense dir(String d, Tense tense, Tense fallback) {
        return switch (d) {
            case "last", "past" -> Tense.PAST;
            case "next" -> Tense.FUTURE;
            case "this" -> Tense.PRESENT;
            default -> tense == Tense.PAST || tense == Tense.FUTURE ? tense : fallback;
        };
    }

    private String weekday(String word, Tense dir, int dow) {
        LocalDate d = reference.date();
        int today = d.getDayOfWeek().getValue();
        LocalDate r;
        switch (dir) {
            case FUTURE -> r = d.plusDays(Math.floorMod(dow - today, 7));
            case PRESENT -> r = d.with(DayOfWeek.of(dow));
            default -> r = d.minusDays(Math.floorMod(today - dow, 7));
        }
        // "last Friday" on a Friday is a week ago, "next Friday" a week ahead
        if (r.equals(d) && word.equals("last")) {
            r = r.minusDays(7);
        } else if (r.equals(d) && word.equals("next")) {
            r = r.plusDays(7);
        }
        return r.toString();
    }

    /**
     * "the previous Friday", "the following Monday": the weekday strictly before or after the narrative's day
     * (the reference date when the story has named no day yet).
     */
    private Resolved narrativeWeekday(String[] a) {
        LocalDate d = narrative != null && narrative.unit() == CalendarPoint.Unit.DAY ? narrative.day() : reference.date();
        int dow = Integer.parseInt(a[2]);
        int today = d.getDayOfWeek().getValue();
        LocalDate r = a[1].equals("before") ? d.minusDays(Math.floorMod(today - dow - 1, 7) + 1)
                : d.plusDays(Math.floorMod(dow - today - 1, 7) + 1);
        return new Resolved(r + suffix(a, 3), Anchoring.NARRATIVE);
    }

    /** The weekend (its Saturday's week, {@code YYYY-Www-WE}) on the side DIR points to; past by default. */
    private String weekend(String word, Tense tense) {
        LocalDate d = reference.date();
        int today = d.getDayOfWeek().getValue();
        LocalDate saturday;
        Tense dir = dir(word, tense, Tense.PAST);
        if (dir == Tense.FUTURE) {
            saturday = today == 7 ? d.plusDays(6) : d.plusDays(6 - today);
        } else if (dir == Tense.PRESENT) {
            saturday = d.with(DayOfWeek.SATURDAY);
        } else {
            saturday = today >= 6 ? d.with(DayOfWeek.SATURDAY) : d.minusDays(today + 1);
            if (word.equals("last") && today >= 6) {
                saturday = saturday.minusDays(7);
            }
        }
        return CalendarPoint.of(saturday, CalendarPoint.Unit.WEEK).value() + "-WE";
    }

    /** "last June", "the third quarter": the occurrence nearest the reference on the side DIR points to. */
    private Resolved named(String[] a, Tense tense, Tense fallback, CalendarPoint.Unit unit, int index) {
        boolean explicit = !a[1].equals("tense");
        Tense d = dir(a[1], tense, fallback);
        int year = reference.date().getYear();
        int current = indexOf(unit, reference.date());
        if (unit == CalendarPoint.Unit.SEASON && reference.date().getMonthValue() <= 2) {
            year--; // January and February belong to the winter that started the year before
        }
        int perYear = switch (unit) {
            case MONTH -> 12;
            case QUARTER, SEASON -> 4;
            default -> 2;
        };
        int y = year;
        if (explicit && d == Tense.PRESENT) {
            y = reference.date().getYear();
            if (unit == CalendarPoint.Unit.SEASON && index == 4 && reference.date().getMonthValue() <= 2) {
                y--;
            }
        } else if (explicit) {
            if (d == Tense.PAST) {
                y = index < current ? year : year - 1;
            } else if (d == Tense.FUTURE) {
                y = index > current ? year : year + 1;
            }
        } else {
            long bestScore = Long.MAX_VALUE;
            for (int c = year - 1; c <= year + 1; c++) {
                long diff = (long) (c - year) * perYear + index - current;
                long score = weigh(diff, d);
                // a tie goes ahead for a month ("will fly in December"), behind for a reported quarter
                if (score < bestScore || score == bestScore && unit == CalendarPoint.Unit.MONTH && d == Tense.FUTURE && diff > 0) {
                    bestScore = score;
                    y = c;
                }
            }
        }
        String v = switch (unit) {
            case MONTH -> String.format("%04d-%02d", y, index);
            case QUARTER -> String.format("%04d-Q%d", y, index);
            case HALF -> String.format("%04d-H%d", y, index);
            default -> String.format("%04d-%s", y, new String[]{"SP", "SU", "FA", "WI"}[index - 1]);
        };
        return new Resolved(v + suffix(a, 3), Anchoring.REFERENCE);
    }

    private Resolved monthDay(String[] a, Tense tense) {
        boolean explicit = !a[1].equals("tense");
        Tense d = dir(a[1], tense, Tense.NONE);
        int day = Integer.parseInt(a[3]);
        LocalDate ref = reference.date();
        LocalDate best = null;
        long bestScore = Long.MAX_VALUE;
        // a month "*" ("on the 12th") looks at that day in the months around the reference, else in the years
        boolean anyMonth = a[2].equals("*");
        LocalDate first = anyMonth ? ref.withDayOfMonth(1).minusMonths(1) : null;
        for (int k = 0; k < 3; k++) {
            LocalDate c;
            if (anyMonth) {
                LocalDate m = first.plusMonths(k);
                if (day > m.lengthOfMonth()) {
                    continue;
                }
                c = m.withDayOfMonth(day);
            } else {
                c = safeDate(ref.getYear() - 1 + k, Integer.parseInt(a[2]), day);
            }
            long diff = c.toEpochDay() - ref.toEpochDay();
            if (explicit && (d == Tense.PAST && diff >= 0 || d == Tense.FUTURE && diff <= 0)) {
                continue;
            }
            long score = weigh(diff, d);
            if (score < bestScore || score == bestScore && d == Tense.FUTURE && diff > 0) {
                bestScore = score;
                best = c;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no day " + day + " on the tense's side of the reference");
        }
        if (a.length > 4 && a[4].startsWith("~")) {
            // "the week of March 6": the period that holds the day
            CalendarPoint.Unit at = CalendarPoint.Unit.of(a[4].substring(1));
            return new Resolved(CalendarPoint.of(best, CalendarPoint.Unit.DAY).coarsen(at).value(), Anchoring.REFERENCE);
        }
        return new Resolved(best + suffix(a, 4), Anchoring.REFERENCE);
    }

    /**
     * Distance from the reference, made three times longer on the side the tense points away from: a past-tense
     * "Aug. 21" is the last one unless the next one is much nearer. A tie goes ahead when the tense does.
     */
    private static long weigh(long diff, Tense d) {
        long dist = Math.abs(diff);
        if (d == Tense.PAST && diff > 0 || d == Tense.FUTURE && diff < 0) {
            return dist * 3;
        }
        return dist;
    }

    /**
     * A holiday ({@code holiday.tsv} code) in the year the tense points to, nearest the reference. With
     * {@code ~W} the week that holds it ("Easter week"): a week that holds the reference is the one meant, in
     * whatever tense ("as Easter week began").
     */
    private Resolved holiday(String[] a, Tense tense) {
        Tense d = dir(a[1], tense, Tense.NONE);
        boolean week = a.length > 3 && a[3].equals("~W");
        LocalDate ref = reference.date();
        LocalDate best = null;
        long bestScore = Long.MAX_VALUE;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            LocalDate c = Holidays.in(a[2], y);
            long diff = c.toEpochDay() - ref.toEpochDay();
            if (week) {
                LocalDate monday = c.with(DayOfWeek.MONDAY);
                long from = monday.toEpochDay() - ref.toEpochDay();
                diff = from > 0 ? from : from + 6 < 0 ? from + 6 : 0; // distance from the reference to the week
            }
            if (a[1].equals("last") && diff >= 0 || a[1].equals("next") && diff <= 0
                    || d == Tense.PAST && diff > 0 || d == Tense.FUTURE && diff < 0) {
                continue; // a holiday is a year away at most: the tense decides the side
            }
            long score = weigh(diff, d);
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        if (week) {
            return new Resolved(CalendarPoint.of(best, CalendarPoint.Unit.WEEK).value(), Anchoring.REFERENCE);
        }
        return new Resolved(best.toString(), Anchoring.REFERENCE);
    }

    private static LocalDate safeDate(int y, int m, int d) {
        if (m == 2 && d == 29 && !java.time.Year.isLeap(y)) {
            return LocalDate.of(y, 2, 28);
        }
        return LocalDate.of(y, m, d);
    }

    private static int indexOf(CalendarPoint.Unit unit, LocalDate d) {
        int m = d.getMonthValue();
        return switch (unit) {
            case MONTH -> m;
            case QUARTER -> (m - 1) / 3 + 1;
            case HALF -> m <= 6 ? 1 : 2;
            default -> m <= 2 || m == 12 ? 4 : m <= 5 ? 1 : m <= 8 ? 2 : 3;
        };
    }

    private static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private static int seasonIndex(String s) {
        return switch (s) {
            case "SP" -> 1;
            case "SU" -> 2;
            case "FA" -> 3;
            case "WI" -> 4;
            default -> throw new IllegalArgumentException("unknown season " + s);
        };
    }
}
