package news.timeline.actors;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Folds a name for lookup: case, accents, punctuation and spacing do not matter ("N. Korea" = "n korea"). */
public final class AliasNormalizer {

    /** Normalized forms of recent names; cleared when full (a cache, so a miss only costs the regexes again). */
    private static final int MEMO_SIZE = 50_000;
    private static final int MEMO_NAME_LENGTH = 200;
    private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s\\b");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private AliasNormalizer() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        // the same names come back all the time (every record of an import names its actors): remember them
        String known = NORMALIZED.get(name);
        if (known != null) {
            return known;
        }
        String normalized = compute(name);
        if (name.length() > MEMO_NAME_LENGTH) {
            return normalized;
        }
        if (NORMALIZED.size() >= MEMO_SIZE) {
            NORMALIZED.clear();
        }
        NORMALIZED.put(name, normalized);
        return normalized;
    }

    private static String compute(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = POSSESSIVE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        s = NON_ALNUM.matcher(s).replaceAll(" ").trim();
        return s.startsWith("the ") ? s.substring(4) : s;
    }

    /** A URL-safe slug: lower-case ASCII words joined by hyphens ({@code kim-jong-un}). */
    public static String slug(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = s.replaceAll("['\u2019]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 180) {
            s = s.substring(0, 180).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "actor" : s;
    }
}
