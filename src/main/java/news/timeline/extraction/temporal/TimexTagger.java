package news.timeline.extraction.temporal;

import java.util.List;

/** Finds and normalizes the time expressions of an English text against a reference time. Thread-safe. */
public interface TimexTagger {

    /** Timexes in text order, non-overlapping, with values resolved against {@code reference}. */
    List<Timex> tag(String text, ReferenceTime reference);
}
