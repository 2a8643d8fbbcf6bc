package news.timeline.extraction.temporal;

/**
 * What a timex's value was resolved against: nothing (an explicit date such as "June 5, 1998"), the reference
 * time of the document ("yesterday", "last year", "Friday"), or the narrative's most recent date ("a year
 * earlier", "the same day"). Durations, sets and reference words are {@code NONE} too.
 */
public enum Anchoring {
    /** Explicit: the text alone gives the value. */
    NONE,
    /** Relative to the reference (publication) time. */
    REFERENCE,
    /** Relative to the most recent date mentioned before it in the text. */
    NARRATIVE;

    /** True for a DATE/TIME value that needed the publication date or the narrative to resolve. */
    public boolean isRelative() {
        return this != NONE;
    }
}
