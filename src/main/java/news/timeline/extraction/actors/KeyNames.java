package news.timeline.extraction.actors;

import java.text.Normalizer;
import java.util.Locale;

/** Keys and slugs of actor names. */
public final class KeyNames {

    private KeyNames() {
    }

    /** Comparison key: lower case, apostrophes folded, leading "the" and possessive dropped, blanks collapsed. */
    public static String key(String name) {
        return news.timeline.extraction.KnownActors.normalize(name).replace('-', ' ').replaceAll("\\s+", " ");
    }

    /** Lower-case ASCII with hyphens: {@code Kim Jong-un} -> {@code kim-jong-un}. */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replace("'s ", " ").replace("’s ", " ").replaceAll("['’]", "")
                .replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "actor" : s;
    }
}
