package news.timeline.actors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.timeline.web.OneOf;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An actor as clients create it (POST) or replace it (PUT). Absent optional fields are stored empty. */
@Schema(name = "ActorInput", example = """
        {"name": "Kim Jong-un", "kind": "person", "aliases": ["Kim Jong Un", "North Korean leader"], "wikidataId": "Q56226"}""")
public record ActorInput(
        @Schema(description = "Display name", maxLength = 300, example = "Kim Jong-un")
        @NotBlank @Size(max = 300) String name,
        @Schema(enumeration = {"person", "country", "organization", "group", "other"}, example = "person")
        @NotNull @OneOf({"person", "country", "organization", "group", "other"}) String kind,
        @Schema(description = "URL name; made from the name when absent (-2, -3 added on collision)", maxLength = 200, example = "kim-jong-un")
        @Size(max = 200) @Pattern(regexp = ActorService.SLUG_PATTERN, message = "must be lower-case letters and digits joined by single hyphens") String slug,
        @Size(max = 20000) String description,
        @Schema(description = "Other names the actor goes by; matched case-, accent- and punctuation-insensitively")
        @Size(max = 200) List<@NotBlank @Size(max = 300) String> aliases,
        @Schema(description = "ISO 3166-1 code for countries", example = "PRK")
        @Pattern(regexp = "[A-Z]{2,3}", message = "must be an ISO 3166-1 alpha-2 or alpha-3 code in capitals") String isoCode,
        @Schema(example = "Q423")
        @Pattern(regexp = "Q[1-9][0-9]{0,30}", message = "must be a Wikidata item id such as Q423") String wikidataId,
        @Schema(description = "On PUT: the version you read; a different current version answers 409")
        Long version) {

    public ActorInput {
        aliases = aliases == null ? List.of() : aliases;
    }

    public static ActorInput of(String name, String kind, List<String> aliases) {
        return new ActorInput(name, kind, null, null, aliases, null, null, null);
    }
}
