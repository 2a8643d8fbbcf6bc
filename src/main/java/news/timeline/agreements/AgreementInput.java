package news.timeline.agreements;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.OneOf;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An agreement as clients create (POST) or replace (PUT) it. Dates take the forms of the event date. */
@Schema(name = "AgreementInput", example = """
        {"name": "Treaty on Comprehensive Strategic Partnership", "kind": "treaty", "status": "signed",
         "signed": "2024-06-19", "parties": [{"actor": "north-korea"}, {"actor": "russia"}], "clauses": ["mutual defense"]}""")
public record AgreementInput(
        @NotBlank @Size(max = 500) String name,
        @Schema(enumeration = {"treaty", "accord", "agreement", "deal", "memorandum", "ceasefire", "framework", "declaration", "merger", "other"})
        @NotNull @OneOf({"treaty", "accord", "agreement", "deal", "memorandum", "ceasefire", "framework", "declaration", "merger", "other"}) String kind,
        @Schema(enumeration = {"proposed", "negotiating", "signed", "in_force", "suspended", "terminated", "expired", "unknown"},
                description = "'unknown' when absent")
        @OneOf({"proposed", "negotiating", "signed", "in_force", "suspended", "terminated", "expired", "unknown"}) String status,
        @Size(max = 100) List<@NotBlank @Size(max = 500) String> aliases,
        @Size(max = 200) List<@NotBlank @Size(max = 2000) String> clauses,
        @Size(max = 20000) String summary,
        DateValue signed,
        DateValue effective,
        DateValue expiry,
        @Size(max = 200) List<@NotNull @Valid Party> parties,
        @Schema(description = "On PUT: the version you read; a different current version answers 409")
        Long version) {

    public AgreementInput {
        aliases = aliases == null ? List.of() : aliases;
        clauses = clauses == null ? List.of() : clauses;
        parties = parties == null ? List.of() : parties;
    }

    /** A party: actor id or slug, and its role ("party" when absent; e.g. "guarantor", "mediator"). */
    @Schema(name = "PartyInput")
    public record Party(
            @Schema(example = "north-korea") @NotBlank @Size(max = 200) String actor,
            @Schema(example = "party") @Size(max = 64) String role) {
    }
}
