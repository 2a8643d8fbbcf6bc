package news.timeline.extraction.actors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import news.timeline.extraction.ActorKind;
import news.timeline.extraction.text.DataTable;
import news.timeline.extraction.text.TextAnalyzer;
import news.timeline.extraction.text.Token;

/**
 * Countries, organizations, well-known people and news outlets from {@code extraction/en/actors/}, matched on token
 * sequences (longest match first). Read once; immutable and thread-safe afterwards.
 */
public final class Gazetteer {

    /** How an alias names its entry: by name, as a demonym/adjective, or as a metonym (capital, seat of government). */
    public enum Sense { NAME, DEMONYM, METONYM }

    public record Entry(String name, ActorKind kind, String iso2, String iso3, String affiliation, String role,
                        boolean outlet, String stateOf, String ruleId) {
    }

    record Alias(Entry entry, Sense sense, String[] surface) {
    }

    public record Match(Entry entry, Sense sense, int length) {
    }

    /** A body named by description ({@code bodies.tsv}): "the army", "the constitutional court", "a jury". */
    public record Body(String ruleId, String name, Scope scope) {
        /** A body with a place of its own (a court, a jury): no one such body per country. */
        public boolean local() {
            return scope == Scope.LOCAL;
        }

        /** A body a country keeps in another (an embassy): "in X" after it is its host, not its owner. */
        public boolean abroad() {
            return scope == Scope.ABROAD;
        }
    }

    /** Where a body named by description sits: one per country, one per place, or in a foreign country. */
    public enum Scope { NATIONAL, LOCAL, ABROAD }

    /** A definite description that refers back to a named organization ({@code anaphors.tsv}): "the union". */
    public record Anaphor(String ruleId, String noun, Set<String> nameWords, Set<String> excluded) {
        public boolean anyName() {
            return nameWords.contains("*");
        }
    }

    /** A body phrase found at a token: the body and the phrase's length in tokens. */
    public record BodyMatch(Body body, int length) {
    }

    static final String DIR = "/extraction/en/actors/";

    private final Map<String, List<Alias>> aliases = new HashMap<>();
    private final Set<String> firstTokens = new HashSet<>();
    private final Map<String, Entry> byName = new HashMap<>();
    private final Map<String, String> titleHints = new HashMap<>();
    private final Map<String, String> orgHeads = new HashMap<>();
    private final Map<String, String[]> collective = new HashMap<>();
    private final Set<String> common = new HashSet<>();
    private final Set<String> particles = new HashSet<>();
    private final Set<String> documentWords = new HashSet<>();
    private final Set<String> companyWords = new HashSet<>();
    private final Map<String, Body> bodies = new HashMap<>();
    private final Map<String, Anaphor> anaphors = new HashMap<>();
    private int maxBodyTokens = 1;
    private final Map<String, Entry> stateOutlets = new HashMap<>();
    private int maxTokens = 1;

    private Gazetteer() {
    }

    public static Gazetteer english(TextAnalyzer analyzer) {
        Gazetteer g = new Gazetteer();
        for (DataTable.Row r : DataTable.read(DIR + "countries.tsv", 3)) {
            Entry e = new Entry(r.cell(0), ActorKind.COUNTRY, r.cell(1), r.cell(2), null, null, false, null,
                    "actors.gazetteer.country");
            if (r.cell(1).length() != 2 || r.cell(2).length() != 3) {
                throw r.error("ISO codes must be alpha-2 and alpha-3");
            }
            g.add(analyzer, r, e, r.cell(0), Sense.NAME);
            for (String a : DataTable.list(r.cell(3))) {
                g.add(analyzer, r, e, a, Sense.NAME);
            }
            for (String a : DataTable.list(r.cell(4))) {
                g.add(analyzer, r, e, a, Sense.DEMONYM);
            }
            for (String a : DataTable.list(r.cell(5))) {
                g.add(analyzer, r, e, a, Sense.METONYM);
            }
        }
        for (DataTable.Row r : DataTable.read(DIR + "organizations.tsv", 2)) {
            ActorKind kind = kind(r, r.cell(1));
            Entry e = new Entry(r.cell(0), kind, null, null, emptyToNull(r.cell(3)), null, false, null,
                    "actors.gazetteer.organization");
            g.add(analyzer, r, e, r.cell(0), Sense.NAME);
            for (String a : DataTable.list(r.cell(2))) {
                g.add(analyzer, r, e, a, Sense.NAME);
            }
        }
        for (DataTable.Row r : DataTable.read(DIR + "people.tsv", 1)) {
            Entry e = new Entry(r.cell(0), ActorKind.PERSON, null, null, emptyToNull(r.cell(2)), emptyToNull(r.cell(3)),
                    false, null, "actors.gazetteer.person");
            g.add(analyzer, r, e, r.cell(0), Sense.NAME);
            for (String a : DataTable.list(r.cell(1))) {
                g.add(analyzer, r, e, a, Sense.NAME);
            }
        }
        for (DataTable.Row r : DataTable.read(DIR + "outlets.tsv", 1)) {
            Entry e = new Entry(r.cell(0), ActorKind.ORGANIZATION, null, null, emptyToNull(r.cell(2)), null, true,
                    emptyToNull(r.cell(2)), "actors.gazetteer.outlet");
            g.add(analyzer, r, e, r.cell(0), Sense.NAME);
            for (String a : DataTable.list(r.cell(1))) {
                g.add(analyzer, r, e, a, Sense.NAME);
            }
            if (e.stateOf() != null) {
                g.stateOutlets.putIfAbsent(e.stateOf(), e);
            }
        }
        for (DataTable.Row r : DataTable.read(DIR + "titles.tsv", 2)) {
            String hint = r.cell(1);
            if (!Set.of("person", "organization", "org-noun", "modifier").contains(hint)) {
                throw r.error("unknown title hint '" + hint + "'");
            }
            g.titleHints.put(r.cell(0).toLowerCase(Locale.ROOT), hint);
        }
        for (DataTable.Row r : DataTable.read(DIR + "org-heads.tsv", 2)) {
            String pos = r.cell(1);
            if (!Set.of("last", "first", "suffix").contains(pos)) {
                throw r.error("unknown position '" + pos + "'");
            }
            g.orgHeads.merge(r.cell(0), pos, (a, b) -> a + "," + b);
        }
        for (DataTable.Row r : DataTable.read(DIR + "collective.tsv", 3)) {
            g.collective.put(r.cell(0), new String[] {r.cell(1), r.cell(2)});
            kind(r, r.cell(2));
        }
        for (DataTable.Row r : DataTable.read(DIR + "bodies.tsv", 5)) {
            String scope = r.cell(3);
            if (!Set.of("national", "local", "abroad").contains(scope)) {
                throw r.error("scope must be national, local or abroad, not '" + scope + "'");
            }
            Body b = new Body("actors.body." + r.cell(0), r.cell(2), Scope.valueOf(scope.toUpperCase(Locale.ROOT)));
            String example = r.cell(4).toLowerCase(Locale.ROOT);
            boolean shown = false;
            for (String phrase : DataTable.list(r.cell(1))) {
                String key = String.join(" ", analyzer.keyTokens(phrase));
                if (key.isEmpty() || !key.equals(key.toLowerCase(Locale.ROOT))) {
                    throw r.error("a body phrase is lower case words: '" + phrase + "'");
                }
                if (g.bodies.put(key, b) != null) {
                    throw r.error("body phrase '" + phrase + "' listed twice");
                }
                g.maxBodyTokens = Math.max(g.maxBodyTokens, key.split(" ").length);
                shown |= example.contains(phrase);
            }
            if (!shown) {
                throw r.error("example does not contain any phrase of body " + b.ruleId());
            }
        }
        for (DataTable.Row r : DataTable.read(DIR + "anaphors.tsv", 4)) {
            String noun = r.cell(0);
            if (!noun.equals(noun.toLowerCase(Locale.ROOT)) || noun.contains(" ")) {
                throw r.error("an anaphor noun is one lower-case word: '" + noun + "'");
            }
            Set<String> words = Set.copyOf(DataTable.list(r.cell(1)));
            if (words.isEmpty()) {
                throw r.error("no name words for anaphor '" + noun + "'");
            }
            Set<String> excluded = Set.copyOf(DataTable.list(r.cell(2)));
            if (!r.cell(3).toLowerCase(Locale.ROOT).contains("the " + noun)) {
                throw r.error("example does not contain 'the " + noun + "'");
            }
            if (g.anaphors.put(noun, new Anaphor("actors.anaphor." + noun, noun, words, excluded)) != null) {
                throw r.error("anaphor '" + noun + "' listed twice");
            }
        }
        for (DataTable.Row r : DataTable.read(DIR + "common-capitalized.txt", 1)) {
            g.common.add(r.cell(0));
        }
        for (DataTable.Row r : DataTable.read(DIR + "name-shapes.tsv", 2)) {
            switch (r.cell(1)) {
                case "particle" -> g.particles.add(r.cell(0));
                case "document" -> g.documentWords.add(r.cell(0));
                case "company" -> g.companyWords.add(r.cell(0));
                default -> throw r.error("unknown use '" + r.cell(1) + "'");
            }
        }
        // people are also found by their surname once the gazetteer has no other use for it
        return g;
    }

    private static ActorKind kind(DataTable.Row r, String s) {
        try {
            return ActorKind.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw r.error("unknown actor kind '" + s + "'");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void add(TextAnalyzer analyzer, DataTable.Row row, Entry e, String alias, Sense sense) {
        List<String> keys = analyzer.keyTokens(alias);
        if (keys.isEmpty()) {
            throw row.error("empty alias");
        }
        String[] surface = alias.strip().split("\\s+");
        // surface tokens are only used for the case check; keep the analyzer's split for multi-part tokens
        List<String> surf = new ArrayList<>();
        for (String s : analyzer.keyTokensSurface(alias)) {
            surf.add(s);
        }
        String key = String.join(" ", keys);
        aliases.computeIfAbsent(key, k -> new ArrayList<>()).add(new Alias(e, sense, surf.toArray(new String[0])));
        firstTokens.add(keys.get(0));
        maxTokens = Math.max(maxTokens, keys.size());
        byName.putIfAbsent(KeyNames.key(e.name()), e);
        if (sense == Sense.NAME) {
            byName.putIfAbsent(KeyNames.key(alias), e);
        }
    }

    /** The longest alias starting at token {@code i}, respecting capitalization, or null. */
    public Match match(List<Token> tokens, int i, boolean[] blocked) {
        Token first = tokens.get(i);
        if (!firstTokens.contains(first.norm())) {
            return null;
        }
        int max = Math.min(maxTokens, tokens.size() - i);
        StringBuilder sb = new StringBuilder();
        String[] keys = new String[max];
        int len = 0;
        for (int k = 0; k < max; k++) {
            if (blocked != null && blocked[i + k]) {
                break;
            }
            if (k > 0) {
                sb.append(' ');
            }
            sb.append(tokens.get(i + k).norm());
            keys[k] = sb.toString();
            len = k + 1;
        }
        for (int l = len; l >= 1; l--) {
            List<Alias> found = aliases.get(keys[l - 1]);
            if (found == null) {
                continue;
            }
            for (Alias a : found) {
                if (caseFits(a.surface(), tokens, i, l)) {
                    return new Match(a.entry(), a.sense(), l);
                }
            }
        }
        return null;
    }

    private static boolean caseFits(String[] surface, List<Token> tokens, int i, int len) {
        if (surface.length != len) {
            // split differently: require only that the first letter-token is capitalized as in the data
            return tokens.get(i).capitalized() || !Character.isUpperCase(surface[0].charAt(0));
        }
        for (int k = 0; k < len; k++) {
            String s = surface[k];
            String t = tokens.get(i + k).text();
            if (s.length() >= 2 && isAllCaps(s)) {
                if (!s.equals(t)) {
                    return false;
                }
            } else if (!s.isEmpty() && Character.isUpperCase(s.charAt(0)) && (t.isEmpty() || !Character.isUpperCase(t.charAt(0)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllCaps(String s) {
        boolean letters = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    /** An entry by canonical name or name alias ("Security Council of Russia"), or null. */
    public Entry byName(String name) {
        return byName.get(KeyNames.key(name));
    }

    /** person, organization, org-noun, modifier, or null when {@code norm} is no title word. */
    /** The longest body phrase starting at token {@code i}, or null. */
    public BodyMatch body(List<Token> tokens, int i) {
        int max = Math.min(maxBodyTokens, tokens.size() - i);
        for (int len = max; len >= 1; len--) {
            StringBuilder key = new StringBuilder();
            for (int k = i; k < i + len; k++) {
                key.append(k > i ? " " : "").append(tokens.get(k).norm());
            }
            Body b = bodies.get(key.toString());
            if (b != null) {
                return new BodyMatch(b, len);
            }
        }
        return null;
    }

    /** The anaphor whose noun is {@code norm} ("union"), or null. */
    public Anaphor anaphor(String norm) {
        return anaphors.get(norm);
    }

    public String titleHint(String norm) {
        return titleHints.get(norm);
    }

    /** last, first, suffix (comma-joined when several) or null. */
    public String orgHead(String surface) {
        return orgHeads.get(surface);
    }

    /** The state news agency of a country ("North Korean state media": KCNA), or null. */
    public Entry stateOutlet(String country) {
        return stateOutlets.get(country);
    }

    public String[] collective(String phrase) {
        return collective.get(phrase);
    }

    public boolean common(String norm) {
        return common.contains(norm);
    }

    /** A lower-case word that may stand inside a person's name ("da", "von"; {@code name-shapes.tsv}). */
    public boolean particle(String norm) {
        return particles.contains(norm);
    }

    /** A word that ends a company's name ("Company", "Airlines"; {@code name-shapes.tsv}). */
    public boolean companyWord(String norm) {
        return companyWords.contains(norm);
    }

    /** A word that, ending a name, names a document ("MoU", "Agreement"; {@code name-shapes.tsv}). */
    public boolean documentWord(String norm) {
        return documentWords.contains(norm);
    }
}
