package news.timeline.web;

import java.util.UUID;

/** Resource ids as clients write them: {@code {actor}} path segments and references accept an id or a slug. */
public final class Ids {

    private Ids() {
    }

    /** The UUID {@code s} spells (canonical 36-character form), or null for a slug, a name or anything else. */
    public static UUID parseOrNull(String s) {
        if (s == null || s.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
