package news.timeline.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.OneOf;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A partial update, typically an editor setting {@code status}. Absent (or null) fields stay as they are;
 * {@code participants}, when given, replaces the list.
 */
@Schema(name = "EventPatch", example = """
        {"status": "confirmed"}""")
public record EventPatch(
        @OneOf({"meeting", "visit", "statement", "agreement_signed", "agreement_other", "negotiation",
                "accusation", "threat", "military_action", "attack", "sanction", "aid", "protest", "election",
                "appointment", "resignation", "announcement", "report", "other"}) String type,
        @Size(min = 1, max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        @Schema(description = "An empty string clears it") @Size(max = 20000) String summary,
        DateValue date,
        DateValue endDate,
        @Valid EventInput.Place place,
        @Size(max = 200) List<EventInput.@jakarta.validation.constraints.NotNull @Valid Participant> participants,
        UUID agreementId,
        @DecimalMin("0") @DecimalMax("1") Double confidence,
        @Schema(enumeration = {"extracted", "confirmed", "rejected"})
        @OneOf({"extracted", "confirmed", "rejected"}) String status,
        Long version) {
}
