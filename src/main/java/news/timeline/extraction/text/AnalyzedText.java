package news.timeline.extraction.text;

import java.util.List;

/** The cleaned text split into sentences and tokens. Offsets are those of the submitted text. */
public record AnalyzedText(CleanedText cleaned, List<Sentence> sentences) {

    public String text() {
        return cleaned.text();
    }

    public String original() {
        return cleaned.original();
    }
}
