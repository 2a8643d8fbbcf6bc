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
 *   &#64;month DIR M [SUFFIX]              month M of the year DIR points to                ("in June")
 *   &#64;monthday DIR M D [SUFFIX]         day D of month M                                 ("June 5")
 *   &#64;quarter DIR Q | &#64;half DIR H | &#64;season DIR S                                     ("the third quarter")
 * </pre>
 * ANCHOR is {@code dct} or {@code ref}; UNIT one of D W M S Q H Y E C; DIR is {@code tense}, {@code last},
 * {@code this} or {@code next}. One resolver serves one document: it remembers the narrative date.
 */
final class TimexResolver {

    private static final Set<String> DIRECTIVES = Set.of("rel", "shift", "weekday", "month", "monthday", "quarter", "half", "season");

    record Resolved(String value, Anchoring anchoring) {
    }

    private final ReferenceTime reference;
    private final CalendarPoint dct;
    private CalendarPoint narrative;

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
        }
    }

    Resolved resolve(String value, Tense tense) {
        if (!value.startsWith("@")) {
            return new Resolved(value, Anchoring.NONE);
        }
        String[] a = value.substring(1).trim().split("\\s+");
        try {
            return switch (a[0]) {
                case "rel" -> rel(a, false);
                case "shift" -> rel(a, true);
                case "weekday" -> new Resolved(weekday(dir(a[1], tense == Tense.PRESENT ? Tense.FUTURE : tense, Tense.PAST), Integer.parseInt(a[2])) + suffix(a, 3), Anchoring.REFERENCE);
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

    private Resolved rel(String[] a, boolean keepGranularity) {
        boolean narrativeAnchor = a[1].equals("ref");
        CalendarPoint.Unit unit = CalendarPoint.Unit.of(a[2]);
        if (a[3].endsWith("X")) {
            // "several years ago": the text gives no amount
            return new Resolved(a[3].startsWith("-") ? "PAST_REF" : "FUTURE_REF", Anchoring.REFERENCE);
        }
        long n = Long.parseLong(a[3].startsWith("+") ? a[3].substring(1) : a[3]);
        CalendarPoint anchor = narrativeAnchor && narrative != null ? narrative : dct;
        CalendarPoint p;
        if (keepGranularity && anchor != dct) {
            p = anchor.plus(unit, n);
        } else {
            p = anchor.coarsen(unit).plus(unit, n);
        }
        return new Resolved(p.value() + suffix(a, 4), narrativeAnchor ? Anchoring.NARRATIVE : Anchoring.REFERENCE);
    }

    private static String suffix(String[] a, int i) {
        return a.length > i ? a[i] : "";
    }

    private static Tense dir(String d, Tense tense, Tense fallback) {
        return switch (d) {
            case "last" -> Tense.PAST;
            case "next" -> Tense.FUTURE;
            case "this" -> Tense.PRESENT;
            default -> tense == Tense.PAST || tense == Tense.FUTURE ? tense : fallback;
        };
    }

    private String weekday(Tense dir, int dow) {
        LocalDate d = reference.date();
        int today = d.getDayOfWeek().getValue();
        LocalDate r;
        switch (dir) {
            case FUTURE -> r = d.plusDays(Math.floorMod(dow - today, 7));
            case PRESENT -> r = d.with(DayOfWeek.of(dow));
            default -> r = d.minusDays(Math.floorMod(today - dow, 7));
        }
        return r.toString();
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
                if (score < bestScore) {
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
        int month = Integer.parseInt(a[2]);
        int day = Integer.parseInt(a[3]);
        LocalDate ref = reference.date();
        LocalDate best = null;
        long bestScore = Long.MAX_VALUE;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            LocalDate c = safeDate(y, month, day);
            long diff = c.toEpochDay() - ref.toEpochDay();
            if (explicit && (d == Tense.PAST && diff >= 0 || d == Tense.FUTURE && diff <= 0)) {
                continue;
            }
            long score = weigh(diff, d);
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return new Resolved(best + suffix(a, 4), Anchoring.REFERENCE);
    }

    /**
     * Distance from the reference, made three times longer on the side the tense points away from: a past-tense
     * "Aug. 21" is the last one unless the next one is much nearer.
     */
    private static long weigh(long diff, Tense d) {
        long dist = Math.abs(diff);
        if (d == Tense.PAST && diff > 0 || d == Tense.FUTURE && diff < 0) {
            return dist * 3;
        }
        return dist;
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
