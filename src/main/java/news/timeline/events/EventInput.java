package news.timeline.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.OneOf;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** An event as clients create (POST) or replace (PUT) it; also the record shape of imports. */
@Schema(name = "EventInput", example = """
        {"type": "meeting", "title": "Kim Jong-un meets Sergei Shoigu", "date": "2024-09-13",
         "place": {"name": "Pyongyang"},
         "participants": [{"actor": "kim-jong-un"}, {"actor": "sergei-shoigu", "role": "visitor"}],
         "sources": [{"url": "https://example.com/news/1", "quote": "During their talks on Friday, ...", "start": 512, "end": 700}]}""")
public record EventInput(
        @Schema(enumeration = {"meeting", "visit", "statement", "agreement_signed", "agreement_other", "negotiation",
                "accusation", "threat", "military_action", "attack", "sanction", "aid", "protest", "election",
                "appointment", "resignation", "announcement", "report", "other"})
        @NotNull @OneOf({"meeting", "visit", "statement", "agreement_signed", "agreement_other", "negotiation",
                "accusation", "threat", "military_action", "attack", "sanction", "aid", "protest", "election",
                "appointment", "resignation", "announcement", "report", "other"}) String type,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 20000) String summary,
        @Schema(description = "When it happened: an ISO string at any precision (\"2024\", \"2024-Q2\", \"2024-06\","
                + " \"2024-W37\", \"2024-09-13\", \"2024-09-13T14:30Z\") or a date object {value, approximate}")
        @NotNull DateValue date,
        @Schema(description = "When it ended, for events that last; same forms as date; not before date")
        DateValue endDate,
        @Valid Place place,
        @Size(max = 200) List<@NotNull @Valid Participant> participants,
        @Schema(description = "The agreement this event is about (signing, talks...)")
        UUID agreementId,
        @Size(max = 200) List<@NotNull @Valid SourceInput> sources,
        @Schema(description = "0..1; 1 when absent", example = "0.9")
        @DecimalMin("0") @DecimalMax("1") Double confidence,
        @Schema(enumeration = {"extracted", "confirmed", "rejected"}, description = "'confirmed' when absent")
        @OneOf({"extracted", "confirmed", "rejected"}) String status,
        @Schema(description = "Import source name (with externalId makes re-imports idempotent)", example = "acled")
        @Size(max = 32) String externalSource,
        @Size(max = 200) String externalId,
        @Schema(description = "On PUT: the version you read; a different current version answers 409")
        Long version) {

    public EventInput {
        participants = participants == null ? List.of() : participants;
        sources = sources == null ? List.of() : sources;
    }

    @Schema(name = "PlaceInput")
    public record Place(@Size(max = 300) String name) {
    }

    /** One actor's part: {@code actor} is an id or slug; {@code role} defaults to "participant". */
    @Schema(name = "ParticipantInput")
    public record Participant(
            @Schema(description = "Actor id or slug", example = "kim-jong-un") @NotBlank @Size(max = 200) String actor,
            @Schema(example = "participant") @Size(max = 32) String role) {
    }
}
