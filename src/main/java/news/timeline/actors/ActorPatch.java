package news.timeline.actors;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.timeline.web.OneOf;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A partial update: absent (or null) fields stay as they are; {@code aliases}, when given, replaces the list. */
@Schema(name = "ActorPatch", example = """
        {"description": "Supreme Leader of North Korea", "aliases": ["Kim Jong Un"]}""")
public record ActorPatch(
        @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @OneOf({"person", "country", "organization", "group", "other"}) String kind,
        @Size(max = 200) @Pattern(regexp = ActorService.SLUG_PATTERN, message = "must be lower-case letters and digits joined by single hyphens") String slug,
        @Schema(description = "An empty string clears it") @Size(max = 20000) String description,
        @Size(max = 200) List<@jakarta.validation.constraints.NotBlank @Size(max = 300) String> aliases,
        @Pattern(regexp = "|[A-Z]{2,3}", message = "must be an ISO 3166-1 alpha-2 or alpha-3 code in capitals (empty clears it)") String isoCode,
        @Pattern(regexp = "|Q[1-9][0-9]{0,30}", message = "must be a Wikidata item id such as Q423 (empty clears it)") String wikidataId,
        Long version) {
}
