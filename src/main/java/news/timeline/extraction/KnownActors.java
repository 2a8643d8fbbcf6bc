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

    /** No known actors (tests, the analyze endpoint without a database). */
    KnownActors NONE = alias -> Optional.empty();

    static KnownActors none() {
        return NONE;
    }

    /** Lower case, typographic apostrophes folded, a possessive and "the" dropped, inner blanks collapsed. */
    static String normalize(String alias) {
        String lower = alias.strip().toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c == '’' || c == '‘' ? '\'' : c);
        }
        String s = sb.toString();
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        if (s.endsWith("'s")) {
            s = s.substring(0, s.length() - 2);
        }
        return s;
    }
}
