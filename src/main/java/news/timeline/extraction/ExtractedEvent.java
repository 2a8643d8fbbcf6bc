package news.timeline.extraction;

import java.util.List;
import news.timeline.extraction.temporal.DateValue;

/**
 * A dated event. {@code date} is at the precision the text supports; {@code dateRuleId} says how it was reached
 * ({@code events.date.explicit}, {@code events.date.reported}, {@code events.date.reference} ...).
 * {@code sources} holds one quote per mention of the happening.
 */
public record ExtractedEvent(String key, EventType type, String title, DateValue date, String dateRuleId, Place place,
                             List<Participant> participants, String agreementKey, List<SourceSpan> sources,
                             double confidence, boolean planned, String ruleId) {
}
