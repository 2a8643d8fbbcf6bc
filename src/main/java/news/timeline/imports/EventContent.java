package news.timeline.imports;

import news.timeline.extraction.temporal.DateValue;

import java.util.List;
import java.util.UUID;

/** An event as it would be stored: what {@link RecordHash} fingerprints, from a record or from the database. */
record EventContent(String type, String title, String summary, DateValue date, DateValue endDate, String placeName,
                    float confidence, String status, UUID agreementId, List<Participant> participants,
                    List<ImportRecord.Source> sources) {

    record Participant(UUID actorId, String role) {
    }

    String hash(RecordHash h) {
        h.start().field(type).field(title).field(summary);
        date(h, date);
        date(h, endDate);
        h.field(placeName).field(Float.toString(confidence)).field(status).field(agreementId);
        for (Participant p : participants) {
            h.part("p", p.actorId(), p.role());
        }
        for (ImportRecord.Source s : sources) {
            h.part("s", s.articleId(), s.url(), s.quote(), s.start(), s.end(), s.ruleId(), s.extractorVersion());
        }
        return h.finish();
    }

    private static void date(RecordHash h, DateValue d) {
        if (d == null) {
            h.field(null);
            return;
        }
        h.field(d.value()).field(d.precision().apiName()).field(d.start()).field(d.end()).field(d.approximate());
    }
}
