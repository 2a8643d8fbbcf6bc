package news.timeline.extraction.actors;

import java.text.Normalizer;
import java.util.Locale;

/** Keys and slugs of actor names. */
public final class KeyNames {

    private KeyNames() {
    }

    /** Comparison key: lower case, apostrophes folded, leading "the" and possessive dropped, blanks collapsed. */
    public static String key(String name) {
        String n = news.timeline.extraction.KnownActors.normalize(name);
        StringBuilder sb = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '-' || Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
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
