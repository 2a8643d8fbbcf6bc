package news.timeline.agreements;

import news.timeline.extraction.temporal.DateValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agreement as the API shows it. */
@Schema(name = "Agreement")
public record AgreementView(
        UUID id,
        String kind,
        String name,
        List<String> aliases,
        String status,
        List<Party> parties,
        DateValue signed,
        DateValue effective,
        DateValue expiry,
        List<String> clauses,
        String summary,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    @Schema(name = "AgreementPartyView")
    public record Party(UUID id, String slug, String name, String kind, String role) {
    }
}
