package news.timeline.extraction.temporal;

import java.util.Locale;

/** How finely a date is known, finest first. The API spells them in lower case ({@link #apiName()}). */
public enum Precision {
    MINUTE, DAY, WEEK, MONTH, SEASON, QUARTER, YEAR, DECADE, CENTURY;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static Precision fromApiName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a precision is required");
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown precision '" + name + "'");
        }
    }

    /** Finer precisions sort first (rank 0 is the finest). */
    public int rank() {
        return ordinal();
    }
}
