package news.timeline.extraction;

/** Provenance of a fact: a UTF-16 span of the analysed text, the quoted text and the rule that produced it. */
public record SourceSpan(int start, int end, String quote, String ruleId) {
}
