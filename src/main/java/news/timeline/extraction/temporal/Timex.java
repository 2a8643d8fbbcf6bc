package news.timeline.extraction.temporal;

import java.util.Optional;

/**
 * A time expression found in a text, TIMEX3 style. {@code start}/{@code end} are Java string indices
 * (UTF-16 units, end exclusive) into the text exactly as given; the web layer converts them to code points.
 *
 * @param value TIMEX3 value ({@code 2024-09-13}, {@code 2023}, {@code P1Y}, {@code PRESENT_REF}, {@code XXXX-WXX-1} ...)
 * @param mod   TIMEX3 modifier ({@code EARLY}, {@code LATE}, {@code APPROX}, {@code MORE_THAN} ...) or null
 * @param ruleId id of the rule that found it, for provenance
 * @param quant  TIMEX3 quantifier of a SET ({@code EVERY}, {@code EACH}) or null
 * @param anchoring what the value was resolved against: nothing (explicit), the reference time, or the
 *                  narrative's previous date; {@link Anchoring#isRelative()} tells explicit from relative dates
 */
public record Timex(int start, int end, String text, TimexType type, String value, String mod, String ruleId,
                    String quant, Anchoring anchoring) {

    public Timex {
        if (anchoring == null) {
            anchoring = Anchoring.NONE;
        }
    }

    /** An explicit expression without quantifier. */
    public Timex(int start, int end, String text, TimexType type, String value, String mod, String ruleId) {
        this(start, end, text, type, value, mod, ruleId, null, Anchoring.NONE);
    }

    /** True when the value needed the reference time or the narrative to resolve ("Friday", "a year earlier"). */
    public boolean isRelative() {
        return anchoring.isRelative();
    }

    /**
     * The calendar interval this expression denotes, when it is a resolved DATE or TIME (not a duration, a set,
     * a reference word such as {@code PRESENT_REF}, or an unresolved {@code XXXX} value).
     */
    public Optional<DateValue> date() {
        if (type != TimexType.DATE && type != TimexType.TIME) {
            return Optional.empty();
        }
        String v = value;
        if (v != null && v.endsWith("-XX")) {
            v = v.replaceFirst("(?:-XX)+$", ""); // "a day of October 1998" (1998-10-XX) is dated to its month
        }
        if (v == null || v.contains("X") || v.endsWith("_REF")) {
            return Optional.empty();
        }
        if (v != null && v.matches("\\d{4}-H[12]")) {
            v = v.substring(0, 4); // "the first half of 2020": no half-year precision in the API, so its year
        }
        // Parts of the day (2024-09-13TMO) and times without a zone still cover their day.
        int t = v.indexOf('T');
        if (t > 0 && !v.matches(".*T\\d{2}:\\d{2}.*")) {
            v = v.substring(0, t);
        }
        if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) {
            v = v.substring(0, 10);
        }
        try {
            DateValue d = DateValue.parse(v);
            boolean approx = mod != null && !mod.equals("START") && !mod.equals("END") && !mod.equals("MID");
            return Optional.of(approx ? d.withApproximate(true) : d);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
