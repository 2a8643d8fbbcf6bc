package news.timeline.export;

import news.timeline.extraction.temporal.DateValue;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** A date object as a person reads it, at its precision: "13 September 2024", "June 2024", "Q2 2024", "c. 2023". */
final class DisplayDate {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private DisplayDate() {
    }

    static String of(DateValue d) {
        String text = switch (d.precision()) {
            case MINUTE -> d.value().replace('T', ' ').replace("Z", " UTC");
            case DAY -> d.start().format(DAY_MONTH) + " " + year(d.start().getYear());
            case WEEK -> "week of " + d.start().format(DAY_MONTH) + " " + year(d.start().getYear());
            case MONTH -> d.start().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year(d.start().getYear());
            case SEASON -> season(d.value()) + " " + year(d.start().getYear());
            case QUARTER -> "Q" + ((d.start().getMonthValue() - 1) / 3 + 1) + " " + year(d.start().getYear());
            case YEAR -> year(d.start().getYear());
            case DECADE -> d.start().getYear() + "s";
            case CENTURY -> (d.start().getYear() / 100 + 1) + ordinal(d.start().getYear() / 100 + 1) + " century";
        };
        return d.approximate() ? "c. " + text : text;
    }

    /** A year as a reader counts it: 2024, 44 BC for the astronomical -0043 (0000 is 1 BC). */
    static String year(int astronomical) {
        return astronomical > 0 ? Integer.toString(astronomical) : (1 - astronomical) + " BC";
    }

    private static String season(String value) {
        return switch (value.substring(value.length() - 2)) {
            case "SP" -> "Spring";
            case "SU" -> "Summer";
            case "FA" -> "Autumn";
            default -> "Winter";
        };
    }

    private static String ordinal(int n) {
        int mod100 = n % 100;
        if (mod100 >= 11 && mod100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
