package news.timeline.extraction.text;

import java.util.List;

/**
 * A text with its boilerplate masked. {@code text} has exactly the length of {@code original}: masked characters
 * are spaces (line breaks are kept), so every offset into {@code text} is the same offset into {@code original}
 * and every span of {@code text} trimmed of spaces is a verbatim substring of the input.
 *
 * @param removed the masked spans with the id of the rule that removed them
 */
public record CleanedText(String original, String text, List<Removal> removed, boolean onlyBoilerplate) {

    public record Removal(int start, int end, String ruleId) {
    }
}
