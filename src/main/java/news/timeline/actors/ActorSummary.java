package news.timeline.actors;

import java.util.UUID;

/** An actor as other resources reference it. */
public record ActorSummary(UUID id, String slug, String name, String kind) {

    static ActorSummary of(ActorEntity a) {
        return new ActorSummary(a.id, a.slug, a.name, a.kind);
    }
}
