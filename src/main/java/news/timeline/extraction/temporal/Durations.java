package news.timeline.extraction.temporal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts duration values the way TimeBank writes them: counted decades and centuries in years ("two decades" is
 * {@code P20Y}, quarters stay {@code P2Q}), halves in the next smaller unit ("2 1/2 years" is {@code P2Y6M}). Vague amounts ({@code PXE})
 * stay as they are.
 */
final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("P(T?)(\\d+(?:\\.\\d+)?)(E|C|Y|M|W|D|H|S|Q|WE)");

    private Durations() {
    }

    static String normalize(String value) {
        Matcher m = SIMPLE.matcher(value);
        if (!m.matches()) {
            return value;
        }
        boolean time = !m.group(1).isEmpty();
        double n = Double.parseDouble(m.group(2));
        String unit = m.group(3);
        if (!time) {
            switch (unit) {
                case "E" -> {
                    n *= 10;
                    unit = "Y";
                }
                case "C" -> {
                    n *= 100;
                    unit = "Y";
                }
                default -> {
                }
            }
        }
        long whole = (long) n;
        double frac = n - whole;
        if (frac == 0) {
            return "P" + m.group(1) + whole + unit;
        }
        if (frac == 0.5) {
            String half = time ? switch (unit) {
                case "H" -> whole + "H30M";
                case "M" -> whole + "M30S";
                default -> null;
            } : switch (unit) {
                case "Y" -> whole + "Y6M";
                case "D" -> whole + "DT12H";
                case "W" -> whole + "W3DT12H";
                case "M" -> whole + "M15D";
                default -> null;
            };
            if (half != null) {
                return "P" + m.group(1) + half.replaceFirst("^0[A-Z]", "");
            }
        }
        return value;
    }
}
