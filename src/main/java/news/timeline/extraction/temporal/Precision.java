package news.timeline.extraction.temporal;

import java.util.Locale;

/** How finely a date is known, coarsest last. Names are the API's lower-case precision words. */
public enum Precision {
    MINUTE, DAY, WEEK, MONTH, SEASON, QUARTER, YEAR, DECADE, CENTURY;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Precision fromApiName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** Finer precisions sort first (rank 0 is the finest). */
    public int rank() {
        return ordinal();
    }
}
