package news.timeline.extraction;

import java.util.List;
import news.timeline.extraction.temporal.Timex;

/**
 * Everything extracted from one article. All offsets are UTF-16 indices into {@code text}: the body exactly as
 * submitted for plain text, or the article text found in the page for HTML input ({@code fromHtml}).
 */
public record ExtractionResult(String extractorVersion, String text, boolean fromHtml, String title,
                               List<ExtractedEvent> events, List<ExtractedActor> actors,
                               List<ExtractedAgreement> agreements, List<Timex> timexes,
                               List<SourceSpan> boilerplate, List<String> warnings) {
}
