package news.timeline.actors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Affiliation")
public record AffiliationView(UUID id, ActorSummary actor, ActorSummary to, String role, LocalDate validFrom, LocalDate validTo) {
}
