package news.timeline.extraction;

import java.util.Optional;

/**
 * Actors the service already knows, looked up by alias. The storage layer implements it over its alias table; the
 * extractor asks it before its own gazetteer, so a known actor keeps its id, slug and name.
 * Implementations must be thread-safe and fast (called for every candidate name of an article).
 */
@FunctionalInterface
public interface KnownActors {

    /** @param normalizedAlias the alias as {@link #normalize(String)} gives it */
    Optional<KnownActor> find(String normalizedAlias);

    record KnownActor(String id, String slug, String name, ActorKind kind) {
    }

    static KnownActors none() {
        return alias -> Optional.empty();
    }

    /** Lower case, typographic apostrophes folded, a possessive and "the" dropped, inner blanks collapsed. */
    static String normalize(String alias) {
        String s = alias.strip().toLowerCase(java.util.Locale.ROOT).replace('’', '\'').replace('‘', '\'')
                .replaceAll("\\s+", " ");
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        if (s.endsWith("'s")) {
            s = s.substring(0, s.length() - 2);
        }
        return s;
    }
}
