package news.timeline.extraction;

import java.util.List;
import news.timeline.extraction.temporal.DateValue;

/** A named or described agreement with its parties, signing date, clauses and signing event. */
public record ExtractedAgreement(String key, String name, AgreementKind kind, List<String> aliases,
                                 List<String> partyKeys, DateValue signed, List<String> clauses,
                                 String signingEventKey, List<SourceSpan> mentions, String ruleId) {
}
