package news.timeline.extraction;

import java.util.List;

/**
 * An actor of the article. {@code key} is unique within the result (it is the slug); {@code affiliationKey} points to
 * another actor of the result. {@code knownId} is set when {@link KnownActors} recognised the actor.
 */
public record ExtractedActor(String key, String slug, String name, ActorKind kind, List<String> aliases,
                             String affiliationKey, String role, String isoCode, String knownId,
                             List<SourceSpan> mentions, String ruleId) {
}
