package news.timeline.actors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An actor as the API shows it. {@code affiliation} is the actor it acts for today (a person's country or body). */
@Schema(name = "Actor")
public record ActorView(
        UUID id,
        @Schema(example = "kim-jong-un") String slug,
        @Schema(example = "Kim Jong-un") String name,
        @Schema(enumeration = {"person", "country", "organization", "group", "other"}) String kind,
        String description,
        List<String> aliases,
        String isoCode,
        String wikidataId,
        ActorSummary affiliation,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
