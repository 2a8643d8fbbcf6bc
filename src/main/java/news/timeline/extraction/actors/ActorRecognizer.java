package news.timeline.extraction.actors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.timeline.extraction.ActorKind;
import news.timeline.extraction.KnownActors;
import news.timeline.extraction.temporal.Timex;
import news.timeline.extraction.text.AnalyzedText;
import news.timeline.extraction.text.Parse;
import news.timeline.extraction.text.Sentence;
import news.timeline.extraction.text.Token;

/**
 * Finds the actors of an article: gazetteer and known aliases first, then new people and organizations from
 * capitalized sequences with their titles ("Russian President Vladimir Putin", "Sergei Shoigu, Secretary of Russia's
 * Security Council"), then short forms and descriptions that refer back to them ("Kim", "the North Korean leader").
 * Thread-safe: all state lives in one call.
 */
public final class ActorRecognizer {

    private static final Set<String> COMPASS = Set.of("north", "south", "east", "west");
    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "outside", "inside", "east-northeast");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "dozens", "all", "both");
    /** Tags of words that cannot be a one-word name: adverbs, prepositions, conjunctions, determiners, interjections. */
    private static final Set<String> FUNCTION_TAGS = Set.of("RB", "RBR", "RBS", "IN", "CC", "DT", "WRB", "WDT", "UH", "MD", "PRP", "TO");
    private static final Set<String> GIVEN_NAME_HONORIFICS = Set.of("sheikh", "sheik", "prince", "princess", "king", "queen",
            "emir", "sultan", "pope", "shah");
    /** Words between a place preposition and a country that keep it a place: "in southern Mexico", "across central China". */
    private static final Set<String> REGION_WORDS = Set.of("northern", "southern", "eastern", "western", "central",
            "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
            "south-western", "north", "south", "east", "west", "rural", "coastal", "mainland");
    /** Heads of a place inside a country: "central China's Henan Province", "Russia's Kursk region". */
    private static final Set<String> PLACE_HEADS = Set.of("province", "region", "county", "city", "district", "prefecture",
            "oblast", "governorate", "municipality", "island", "islands", "state", "territory", "coast", "capital");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "near", "outside", "inside", "across", "throughout", "around");
    private static final Set<String> NAME_CONNECTORS = Set.of("of", "for", "de", "del", "da", "van", "von", "bin", "al", "la", "le", "on", "the");
    private static final Set<String> SUBJECT_VERBS = Set.of("said", "says", "announced", "announces", "agreed", "agrees",
            "will", "plans", "reported", "reports", "launched", "denied", "confirmed", "signed", "has", "had");
    private static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "noted", "wrote", "stated", "explained", "argued");
    private static final Set<String> APPOSITION_PREPS = Set.of("of", "at", "with", "for", "from");
    private static final Set<String> STATE_MEDIA_HEADS = Set.of("media", "agency", "television", "tv", "broadcaster", "radio", "outlet", "outlets", "newspaper");

    private final Gazetteer gazetteer;

    public ActorRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public ActorAnalysis recognize(AnalyzedText text, List<Timex> timexes, KnownActors known) {
        return recognize(text, timexes, known, null);
    }

    /** With the article's title: actors it names weigh more when "the two sides" are resolved. */
    public ActorAnalysis recognize(AnalyzedText text, List<Timex> timexes, KnownActors known, String title) {
        ActorAnalysis a = new Run(text, timexes, known == null ? KnownActors.none() : known).run();
        if (title != null && !title.isBlank()) {
            for (ActorEntity e : a.actors()) {
                for (String alias : e.aliases()) {
                    if (alias.length() >= 3 && title.contains(alias)) {
                        a.inTitle().add(e);
                        break;
                    }
                }
            }
        }
        return a;
    }

    /**
     * The story's lead: its first two sentences of prose (eight tokens or more, no title-case heading), fewer when the
     * text has fewer. What the lead names is the story's news (its day, its countries).
     */
    public static List<Sentence> lead(AnalyzedText text) {
        List<Sentence> out = new ArrayList<>(2);
        for (Sentence s : text.sentences()) {
            if (s.tokens().size() >= 8 && !titleCase(s)) {
                out.add(s);
                if (out.size() == 2) {
                    break;
                }
            }
        }
        return out;
    }

    /** Is this sentence a title-case heading ("Kim Jong-un Meets Russian Security Chief")? */
    public static boolean titleCase(Sentence s) {
        List<Token> all = s.tokens();
        if (all.isEmpty() || !s.lineStart()) {
            return false;
        }
        String last = all.get(all.size() - 1).text();
        if (last.endsWith(".") || last.equals("?") || last.equals("!")) {
            return false; // headlines carry no final stop (nor one folded into "Jr." or "Inc.")
        }
        int words = 0;
        int caps = 0;
        for (Token t : s.tokens()) {
            if (t.isWord() && t.text().length() > 3 && Character.isLetter(t.text().charAt(0))) {
                words++;
                if (t.capitalized()) {
                    caps++;
                }
            }
        }
        // a line of more than 16 such words is prose full of names, not a headline
        return words >= 4 && words <= 16 && caps * 10 >= words * 7;
    }

    private final class Run {
        final AnalyzedText text;
        final List<Sentence> sentences;
        final KnownActors known;
        final Map<String, ActorEntity> entities = new HashMap<>();
        final List<ActorEntity> order = new ArrayList<>();
        final List<List<ActorMention>> bySentence = new ArrayList<>();
        final boolean[][] covered;
        final boolean[][] blocked;
        final boolean[] heading;
        final List<Object[]> pendingAffiliations = new ArrayList<>();
        final Map<String, ActorEntity> aliasIndex = new HashMap<>();

        Run(AnalyzedText text, List<Timex> timexes, KnownActors known) {
            this.text = text;
            this.sentences = text.sentences();
            this.known = known;
            covered = new boolean[sentences.size()][];
            blocked = new boolean[sentences.size()][];
            heading = new boolean[sentences.size()];
            int t = 0;
            for (Sentence s : sentences) {
                int n = s.tokens().size();
                covered[s.index()] = new boolean[n];
                blocked[s.index()] = new boolean[n];
                heading[s.index()] = titleCase(s);
                bySentence.add(new ArrayList<>());
                // timex tokens never name actors ("Friday", "June")
                while (t < timexes.size() && timexes.get(t).end() <= s.start()) {
                    t++;
                }
                for (int k = t; k < timexes.size() && timexes.get(k).start() < s.end(); k++) {
                    Timex x = timexes.get(k);
                    for (int i = 0; i < n; i++) {
                        Token tok = s.tokens().get(i);
                        if (tok.start() < x.end() && tok.end() > x.start()) {
                            blocked[s.index()][i] = true;
                        }
                    }
                }
            }
        }

        ActorAnalysis run() {
            for (Sentence s : sentences) {
                gazetteerPass(s);
            }
            for (Sentence s : sentences) {
                collectSpeakers(s);
            }
            for (Sentence s : sentences) {
                if (!heading[s.index()]) {
                    discoveryPass(s);
                }
            }
            for (Sentence s : sentences) {
                if (!heading[s.index()] && s.parsed()) {
                    entityPass(s);
                }
            }
            joinShortNames();
            joinAcronyms();
            prune();
            for (Sentence s : sentences) {
                coreferencePass(s);
            }
            ActorEntity focus = focusCountry();
            Map<String, ActorEntity> lastBody = new HashMap<>();
            for (Sentence s : sentences) {
                if (!heading[s.index()] && s.parsed()) {
                    bodyPass(s, focus, lastBody);
                }
            }
            for (Sentence s : sentences) {
                if (!heading[s.index()] && s.parsed()) {
                    anaphorPass(s);
                }
            }
            prune();
            resolveAffiliations();
            for (List<ActorMention> l : bySentence) {
                l.sort((a, b) -> Integer.compare(a.from(), b.from()));
            }
            return new ActorAnalysis(List.copyOf(order), bySentence, new java.util.HashSet<>());
        }

        // ---------------------------------------------------------------- pass A: gazetteer and known aliases

        void gazetteerPass(Sentence s) {
            List<Token> toks = s.tokens();
            int n = toks.size();
            boolean[] blk = blocked[s.index()];
            for (int i = 0; i < n; ) {
                if (blk[i] || !toks.get(i).isWord()) {
                    i++;
                    continue;
                }
                int knownLen = knownMatch(s, i);
                if (knownLen > 0) {
                    i += knownLen;
                    continue;
                }
                Gazetteer.Match m = gazetteer.match(toks, i, blk);
                if (m == null) {
                    ellipsis(s, i);
                    i++;
                    continue;
                }
                Gazetteer.Entry e = m.entry();
                if (e.kind() != ActorKind.COUNTRY && e.kind() != ActorKind.PERSON && m.sense() == Gazetteer.Sense.NAME
                        && i > 1 && toks.get(i - 1).isWord() && toks.get(i - 1).capitalized() && !covered[s.index()][i - 1]
                        && !NUMBER_WORDS.contains(toks.get(i - 1).norm())
                        && !blk[i - 1] && !gazetteer.common(toks.get(i - 1).norm()) && gazetteer.titleHint(toks.get(i - 1).norm()) == null
                        && toks.get(i).capitalized()) {
                    i += m.length(); // "the All Progressive Congress", "the African National Congress": a longer name
                                     // (not "Twelve Arab League members", nor a sentence's first word)
                    continue;
                }
                if ((m.sense() == Gazetteer.Sense.DEMONYM || e.kind() == ActorKind.COUNTRY && m.sense() == Gazetteer.Sense.NAME)
                        && companyAfter(toks, i + m.length())
                        || m.sense() == Gazetteer.Sense.DEMONYM && properBodyAfter(toks, i + m.length())) {
                    i += m.length(); // "Egyptian Fertilisers Company", "U.S. Trust Corp.": part of the company's name
                    continue;
                }
                ActorEntity a = entityFor(e);
                ActorMention.Use use = switch (m.sense()) {
                    case NAME -> ActorMention.Use.NAME;
                    case DEMONYM -> ActorMention.Use.DEMONYM;
                    case METONYM -> ActorMention.Use.METONYM;
                };
                if (m.sense() != Gazetteer.Sense.DEMONYM && placePosition(s, i)
                        && !(e.kind() == ActorKind.COUNTRY && i > 0 && toks.get(i - 1).norm().equals("at"))) {
                    use = ActorMention.Use.PLACE; // but "fired missiles at Israel" names a target, not a place
                }
                if (e.kind() == ActorKind.COUNTRY && m.sense() == Gazetteer.Sense.NAME && placeOwner(toks, i + m.length())) {
                    use = ActorMention.Use.PLACE; // "central China's Henan Province": where, not who
                }
                if (e.kind() == ActorKind.COUNTRY && i > 0 && (toks.get(i - 1).norm().equals("'s") || blk[i - 1] || Character.isDigit(toks.get(i - 1).text().charAt(0)))
                        && i + m.length() < n && toks.get(i + m.length()).isWord() && !toks.get(i + m.length()).capitalized()) {
                    use = ActorMention.Use.PLACE; // "Office Depot's 2014 US revenue": a qualifier, not a participant
                }
                if (m.sense() == Gazetteer.Sense.METONYM && i > 0 && Set.of("the", "a", "an", "this").contains(toks.get(i - 1).norm())
                        && i + m.length() < n && toks.get(i + m.length()).isWord()
                        && (!toks.get(i + m.length()).capitalized() || gazetteer.documentWord(toks.get(i + m.length()).norm()))
                        && !Set.of("is", "was", "has", "had", "said", "says", "will", "would").contains(toks.get(i + m.length()).norm())
                        && !e.name().equals("United States")) {
                    use = ActorMention.Use.PLACE; // "the London talks", "the Algiers Agreement"
                }
                addMention(a, s, i, i + m.length(), use, e.ruleId());
                if (a.kind() == ActorKind.PERSON) {
                    describe(s, i, i + m.length(), a);
                }
                if (a.kind() == ActorKind.COUNTRY) {
                    stateMedia(s, i + m.length(), a);
                }
                i += m.length();
            }
            // collective actors ("antitrust regulators")
            for (int i = 0; i + 1 < n; i++) {
                if (covered[s.index()][i] || covered[s.index()][i + 1]) {
                    continue;
                }
                String[] c = gazetteer.collective(toks.get(i).norm() + " " + toks.get(i + 1).norm());
                int len = 2;
                if (c == null) {
                    c = gazetteer.collective(toks.get(i).norm());
                    len = 1;
                }
                if (c != null) {
                    ActorEntity a = entity(c[0], ActorKind.valueOf(c[1].toUpperCase(java.util.Locale.ROOT)), "actors.collective");
                    addMention(a, s, i, i + len, ActorMention.Use.DESCRIPTION, "actors.collective");
                    i += len - 1;
                }
            }
        }

        // ---------------------------------------------------------------- pass E: bodies named by description

        /** The country the article is about: the one it names most, at least twice and more than any other. */
        ActorEntity focusCountry() {
            ActorEntity best = null;
            int bestN = 0;
            int second = 0;
            for (ActorEntity e : order) {
                if (e.kind() != ActorKind.COUNTRY) {
                    continue;
                }
                int n = e.salience();
                if (n > bestN) {
                    second = bestN;
                    best = e;
                    bestN = n;
                } else if (n > second) {
                    second = n;
                }
            }
            return bestN >= 2 && bestN > second ? best : null;
        }

        /**
         * "the army", "Kuwait's constitutional court", "the government of Afghanistan", "a New York jury": a body named
         * by description is an actor of its own, "<Body> of <Country>", tied to the country that owns it.
         */
        /** "the union", "the company" ({@code anaphors.tsv}): the nearest named organization that fits the noun. */
        void anaphorPass(Sentence s) {
            List<Token> toks = s.tokens();
            Parse p = s.parse();
            int n = toks.size();
            for (int i = 1; i < n; i++) {
                Gazetteer.Anaphor an = gazetteer.anaphor(toks.get(i).norm());
                if (an == null || covered[s.index()][i] || blocked[s.index()][i] || !toks.get(i - 1).norm().equals("the")
                        || (toks.get(i).capitalized() && i > 1) || !p.tag(i).equals("NN")) {
                    continue;
                }
                if (i + 1 < n && (p.tag(i + 1).startsWith("NN") || Set.of("'s", "of", "-").contains(toks.get(i + 1).norm()))) {
                    continue; // "the union leader", "the company's shares", "the union of two parties"
                }
                ActorEntity target = antecedent(s, i, an);
                if (target != null) {
                    ActorMention m = new ActorMention(target, s.index(), i, i + 1, toks.get(i).start(), toks.get(i).end(),
                            ActorMention.Use.COREFERENCE, an.ruleId());
                    target.mentions.add(m);
                    bySentence.get(s.index()).add(m);
                    covered[s.index()][i] = true;
                }
            }
        }

        /** The organization "the <noun>" at token {@code i} refers to: nearest before it, else first after it. */
        ActorEntity antecedent(Sentence s, int i, Gazetteer.Anaphor an) {
            // of the organizations that fit and were named in the last five sentences, the article's most salient
            // ("the company" in a story about a company and its unit is the company), the nearest when equal
            ActorEntity best = null;
            for (int si = s.index(); si >= 0 && si >= s.index() - 5; si--) {
                List<ActorMention> here = new ArrayList<>(bySentence.get(si));
                here.sort((x, y) -> Integer.compare(y.from(), x.from()));
                for (ActorMention m : here) {
                    if ((si < s.index() || m.to() <= i) && fits(m.actor(), an)
                            && (best == null || m.actor().salience() > best.salience())) {
                        best = m.actor();
                    }
                }
            }
            if (best != null) {
                return best;
            }
            for (int si = s.index(); si < sentences.size() && si <= s.index() + 2; si++) {
                for (ActorMention m : bySentence.get(si)) {
                    if ((si > s.index() || m.from() > i) && fits(m.actor(), an)) {
                        return m.actor();
                    }
                }
            }
            return null;
        }

        boolean fits(ActorEntity a, Gazetteer.Anaphor an) {
            if (a.kind() != ActorKind.ORGANIZATION || a.outlet || a.unnamed || a.description) {
                return false;
            }
            List<String> names = new ArrayList<>(a.aliases);
            names.add(a.name());
            boolean listed = an.anyName();
            for (String name : names) {
                for (String w : name.split("[\\s]+")) {
                    if (an.excluded().contains(w)) {
                        return false;
                    }
                    listed |= an.nameWords().contains(w);
                }
            }
            return listed;
        }

        void bodyPass(Sentence s, ActorEntity focus, Map<String, ActorEntity> lastBody) {
            List<Token> toks = s.tokens();
            Parse p = s.parse();
            int n = toks.size();
            for (int i = 0; i < n; i++) {
                if (covered[s.index()][i] || blocked[s.index()][i]) {
                    continue;
                }
                Gazetteer.BodyMatch bm = gazetteer.body(toks, i);
                if (bm == null) {
                    continue;
                }
                int j = i + bm.length();
                Gazetteer.Body body = bm.body();
                boolean covers = false;
                for (int k = i; k < j; k++) {
                    covers |= covered[s.index()][k] || blocked[s.index()][k];
                }
                if (covers || !p.tag(j - 1).startsWith("NN")
                        || j < n && (p.tag(j).startsWith("NN") || toks.get(j).norm().equals("'s") || toks.get(j).norm().equals("-"))
                        || i > 0 && (toks.get(i - 1).norm().equals("-") || toks.get(i - 1).text().endsWith("-"))) {
                    continue; // a modifier ("police officers", "the government's plan", "anti-government"), not the body
                }
                int from = i;
                ActorEntity country = null;
                String qualifier = null;
                ActorMention before = mentionEndingAt(s, i);
                if (before == null && i >= 2 && toks.get(i - 1).norm().equals("'s")) {
                    before = mentionEndingAt(s, i - 1);
                }
                if (before != null && before.actor().kind() == ActorKind.COUNTRY) {
                    country = before.actor();
                    from = before.from();
                }
                int to = j;
                String article = i > 0 ? toks.get(i - 1).norm() : "";
                boolean indefinite = article.equals("a") || article.equals("an");
                // "the High Court of Kenya", "the government in Kabul"; but "a court in Croatia" is one of its courts
                if (country == null && j + 1 < n && !indefinite
                        && (toks.get(j).norm().equals("of") || toks.get(j).norm().equals("in") && !body.local() && !body.abroad())) {
                    ActorMention after = mentionStartingAt(s, j + 1);
                    if (after != null && after.actor().kind() == ActorKind.COUNTRY) {
                        country = after.actor();
                        to = after.to();
                    }
                }
                if (country == null && body.local()) {
                    int k = i;
                    while (k > 0 && i - k < 3 && toks.get(k - 1).capitalized() && toks.get(k - 1).isWord()
                            && !covered[s.index()][k - 1] && !blocked[s.index()][k - 1] && p.tag(k - 1).startsWith("NNP")) {
                        k--;
                    }
                    if (k < i && k > 0) { // "a New York jury"; not the sentence's first word
                        qualifier = text.text().substring(toks.get(k).start(), toks.get(i - 1).end());
                        from = k;
                    }
                }
                String det = from > 0 ? toks.get(from - 1).norm() : "";
                String detTag = from > 0 ? p.tag(from - 1) : "";
                if (country == null && qualifier == null) {
                    boolean bare = !det.equals("the") && Set.of("DT", "PRP$", "JJ", "JJR", "JJS", "CD", "POS", "NN", "NNS", "VBN", "VBG")
                            .contains(detTag);
                    if (body.local() || bare) {
                        continue; // "a government", "his cabinet", "the court": no one body named
                    }
                    ActorEntity earlier = lastBody.get(body.name());
                    // "the embassy": the article's own country is where it sits, not whose it is
                    country = earlier != null ? earlier.affiliation : body.abroad() ? null : focus;
                    if (country == null) {
                        continue;
                    }
                }
                String name = qualifier != null ? qualifier + " " + body.name().toLowerCase(Locale.ROOT)
                        : body.name() + " of " + country.name();
                ActorEntity a = entity(name, ActorKind.ORGANIZATION, body.ruleId());
                a.description = true;
                if (country != null) {
                    a.affiliation = country;
                }
                lastBody.put(body.name(), a);
                addMention(a, s, i, j, ActorMention.Use.DESCRIPTION, body.ruleId());
                if (from != i || to != j) {
                    alias(a, text.text().substring(toks.get(from).start(), toks.get(to - 1).end()));
                }
                i = to - 1;
            }
        }

        int knownMatch(Sentence s, int i) {
            List<Token> toks = s.tokens();
            if (known == KnownActors.NONE || !toks.get(i).capitalized()) {
                return 0;
            }
            int max = Math.min(toks.size() - i, 6);
            for (int len = max; len >= 1; len--) {
                boolean ok = true;
                for (int k = i; k < i + len; k++) {
                    if (blocked[s.index()][k]) {
                        ok = false;
                        break;
                    }
                }
                if (!ok || !toks.get(i + len - 1).isWord()) {
                    continue;
                }
                String surface = text.text().substring(toks.get(i).start(), toks.get(i + len - 1).end());
                Optional<KnownActors.KnownActor> k = known.find(KnownActors.normalize(surface));
                if (k.isPresent()) {
                    KnownActors.KnownActor ka = k.get();
                    Gazetteer.Entry g = gazetteer.byName(ka.name());
                    ActorEntity a = g != null ? entityFor(g) : entity(ka.name(), ka.kind(), "actors.known");
                    a.knownId = ka.id();
                    a.knownSlug = ka.slug();
                    addMention(a, s, i, i + len, placePosition(s, i) && a.kind() != ActorKind.PERSON
                            ? ActorMention.Use.PLACE : ActorMention.Use.NAME, "actors.known");
                    if (a.kind() == ActorKind.PERSON) {
                        describe(s, i, i + len, a);
                    }
                    return len;
                }
            }
            return 0;
        }

        /**
         * "North and South Korea", "East and West Germany": the first direction word names the country it shares its
         * noun with, when the gazetteer knows both.
         */
        void ellipsis(Sentence s, int i) {
            List<Token> toks = s.tokens();
            if (i + 3 >= toks.size() || !COMPASS.contains(toks.get(i).norm()) || !toks.get(i + 1).norm().equals("and")
                    || !COMPASS.contains(toks.get(i + 2).norm()) || !toks.get(i).capitalized()) {
                return;
            }
            Gazetteer.Match second = gazetteer.match(toks, i + 2, blocked[s.index()]);
            if (second == null || second.entry().kind() != ActorKind.COUNTRY) {
                return;
            }
            String rest = text.text().substring(toks.get(i + 3).start(), toks.get(i + 1 + second.length()).end());
            Gazetteer.Entry first = gazetteer.byName(toks.get(i).text() + " " + rest);
            if (first != null && first.kind() == ActorKind.COUNTRY) {
                addMention(entityFor(first), s, i, i + 1, ActorMention.Use.NAME, "actors.gazetteer.ellipsis");
            }
        }

        /** Does a capitalized name of at most five words that ends in a company word start at {@code j}? */
        boolean companyAfter(List<Token> toks, int j) {
            for (int k = j; k < toks.size() && k - j < 5; k++) {
                Token t = toks.get(k);
                if (!t.isWord() || !t.capitalized()) {
                    return false;
                }
                if (gazetteer.companyWord(t.norm().replace(".", ""))) {
                    return k > j;
                }
            }
            return false;
        }

        /**
         * Is the demonym before {@code j} the first word of a body's proper name: capitalized words ending with an
         * organization's head word that are not a country's generic body ("the Irish Republican Army", "the Chinese
         * Communist Party"; but "the North Korean Foreign Ministry" is North Korea's foreign ministry)?
         */
        boolean properBodyAfter(List<Token> toks, int j) {
            int k = j;
            while (k < toks.size() && k - j < 4 && toks.get(k).isWord() && toks.get(k).capitalized()
                    && (gazetteer.titleHint(toks.get(k).norm()) == null || "org-noun".equals(gazetteer.titleHint(toks.get(k).norm())))) {
                k++;
            }
            if (k - j < 2 || !lastHead(toks.get(k - 1).text())) {
                return false;
            }
            Gazetteer.BodyMatch generic = gazetteer.body(toks, j);
            return generic == null || generic.length() < k - j;
        }

        /** Does a possessive at {@code j} name a place of the country before it ("China's Henan Province")? */
        boolean placeOwner(List<Token> toks, int j) {
            if (j >= toks.size() || !toks.get(j).norm().equals("'s")) {
                return false;
            }
            int k = j + 1;
            while (k < toks.size() && k - j <= 3 && toks.get(k).capitalized() && toks.get(k).isWord()
                    && !PLACE_HEADS.contains(toks.get(k).norm())) {
                k++;
            }
            return k > j + 1 && k < toks.size() && PLACE_HEADS.contains(toks.get(k).norm());
        }

        boolean placePosition(Sentence s, int i) {
            List<Token> toks = s.tokens();
            int p = i - 1;
            if (p >= 1 && REGION_WORDS.contains(toks.get(p).norm()) && !toks.get(p).capitalized()) {
                p--; // "in southern Mexico" (but "in South Africa" is a name)
            }
            if (p >= 0 && toks.get(p).norm().equals("the")) {
                p--;
            }
            if (p >= 0 && PLACE_PREPOSITIONS.contains(toks.get(p).norm())) {
                return true;
            }
            // "in the UK and Kenya": a country joined to a place is a place too
            if (i >= 2 && (toks.get(i - 1).norm().equals("and") || toks.get(i - 1).norm().equals("or"))) {
                for (ActorMention m : bySentence.get(s.index())) {
                    if (m.to() == i - 1 && m.use() == ActorMention.Use.PLACE) {
                        return true;
                    }
                }
            }
            // "north of Moscow", "just outside of Kyiv"
            if (p >= 1 && toks.get(p).norm().equals("of") && DIRECTIONS.contains(toks.get(p - 1).norm())) {
                return true;
            }
            // "in Ganja, Azerbaijan", "in El Obeid, Sudan"
            int c = i - 2;
            if (c >= 2 && toks.get(c).text().equals(")")) {
                // "a stake in Indo Maroc Phosphore SA (Imacid), Morocco": a short parenthesis before the comma
                int open = c - 1;
                while (open > 0 && c - open <= 4 && !toks.get(open).text().equals("(")) {
                    open--;
                }
                c = toks.get(open).text().equals("(") ? open - 1 : c;
            }
            if (i >= 3 && c >= 1 && toks.get(i - 1).text().equals(",") && toks.get(c).capitalized()) {
                int k = c;
                while (k > 0 && toks.get(k - 1).capitalized() && toks.get(k - 1).isWord() && c - k < 5) {
                    k--;
                }
                if (k > 0 && PLACE_PREPOSITIONS.contains(toks.get(k - 1).norm())) {
                    return true;
                }
            }
            return false;
        }

        void stateMedia(Sentence s, int j, ActorEntity country) {
            List<Token> toks = s.tokens();
            int k = j;
            if (k < toks.size() && toks.get(k).norm().equals("'s")) {
                k++;
            }
            int start = k;
            if (k < toks.size() && (toks.get(k).norm().equals("state") || toks.get(k).norm().equals("official"))) {
                k++;
                if (k + 1 < toks.size() && toks.get(k).norm().equals("-") && toks.get(k + 1).norm().equals("run")) {
                    k += 2;
                }
                if (k < toks.size() && toks.get(k).norm().equals("news")) {
                    k++;
                }
                if (k < toks.size() && STATE_MEDIA_HEADS.contains(toks.get(k).norm()) && !covered[s.index()][k]) {
                    ActorEntity outlet = null;
                    Gazetteer.Entry agency = gazetteer.stateOutlet(country.name());
                    if (agency != null) {
                        outlet = entityFor(agency);
                    }
                    if (outlet == null) {
                        outlet = entity(country.name() + " state media", ActorKind.ORGANIZATION, "actors.state-media");
                        outlet.outlet = true;
                        outlet.stateOf = country.name();
                        outlet.affiliation = country;
                    }
                    int from = j - (j > 0 && toks.get(j - 1) != null ? 0 : 0);
                    addMention(outlet, s, start, k + 1, ActorMention.Use.DESCRIPTION, "actors.state-media");
                    alias(outlet, text.text().substring(country.mentions.get(country.mentions.size() - 1).start(), toks.get(k).end()));
                }
            }
        }

        /** Surnames that speak alone somewhere in the article ("Truss said"): "Liz Truss" elsewhere is that person. */
        final Set<String> speakers = new HashSet<>();

        void collectSpeakers(Sentence s) {
            List<Token> toks = s.tokens();
            for (int i = 0; i + 1 < toks.size(); i++) {
                Token t = toks.get(i);
                if (t.isWord() && t.capitalized() && t.text().length() > 2 && SPEECH.contains(toks.get(i + 1).norm())
                        && (i == 0 || !toks.get(i - 1).capitalized() || !toks.get(i - 1).isWord())
                        && !gazetteer.common(t.norm()) && gazetteer.titleHint(t.norm()) == null) {
                    speakers.add(t.norm());
                }
            }
        }

        // ---------------------------------------------------------------- pass B: new people and organizations

        void discoveryPass(Sentence s) {
            List<Token> toks = s.tokens();
            int n = toks.size();
            for (int i = 0; i < n; ) {
                int j = runEnd(s, i);
                if (j <= i) {
                    i++;
                    continue;
                }
                // "University of Michigan's Ross School of Business" is one organization
                if (j + 1 < n && toks.get(j).norm().equals("'s") && orgLike(toks, i, j)) {
                    int j2 = runEnd(s, j + 1);
                    if (j2 > j + 1 && orgLike(toks, j + 1, j2)) {
                        j = j2;
                    }
                }
                classify(s, i, j);
                i = j;
            }
        }

        /** End (exclusive) of the capitalized run starting at i, or i when none starts there. */
        int runEnd(Sentence s, int i) {
            List<Token> toks = s.tokens();
            boolean[] cov = covered[s.index()];
            boolean[] blk = blocked[s.index()];
            if (cov[i] || blk[i] || !toks.get(i).capitalized() || !toks.get(i).isWord()) {
                return i;
            }
            int j = i;
            while (j < toks.size() && !cov[j] && !blk[j]) {
                Token t = toks.get(j);
                if (t.capitalized() && (t.isWord() || t.text().length() > 1)) {
                    j++;
                } else if ((t.text().equals("'") || t.text().equals("\u2019")) && j > i && j + 1 < toks.size()
                        && toks.get(j - 1).text().length() == 1 && toks.get(j - 1).end() == t.start()
                        && toks.get(j + 1).start() == t.end() && toks.get(j + 1).capitalized() && !cov[j + 1] && !blk[j + 1]) {
                    j += 2; // "O'Connor", "D'Amato": an apostrophe inside a family name
                } else if ((t.text().equals("-")) && j > i && j + 1 < toks.size() && toks.get(j - 1).end() == t.start()
                        && toks.get(j + 1).start() == t.end() && Character.isLetter(toks.get(j + 1).text().charAt(0))) {
                    j += 2;
                } else if (NAME_CONNECTORS.contains(t.norm()) && j > i && j + 1 < toks.size() && toks.get(j + 1).capitalized()
                        && !cov[j + 1] && !blk[j + 1]) {
                    j++;
                } else if (NAME_CONNECTORS.contains(t.norm()) && j > i && j + 2 < toks.size() && toks.get(j + 1).text().equals("-")
                        && toks.get(j + 1).start() == t.end() && toks.get(j + 2).start() == toks.get(j + 1).end()
                        && toks.get(j + 2).capitalized() && !cov[j + 2] && !blk[j + 2]) {
                    j += 3; // "Anas al-Rasheed", "Abdel Fattah el-Sisi"
                } else if (t.norm().equals("'s") && j > i && j + 1 < toks.size() && !cov[j + 1] && !blk[j + 1]
                        && toks.get(j + 1).capitalized() && lastHead(toks.get(j + 1).text())
                        && (j + 2 >= toks.size() || !toks.get(j + 2).capitalized())) {
                    j += 2; // a possessive inside a name ends with the organization's head word: "International
                            // Longshoremen's Association", "the People's Party"; not "Kenya's Parliament" (a country)
                } else {
                    break;
                }
            }
            return j;
        }

        boolean lastHead(String surface) {
            String h = gazetteer.orgHead(surface);
            return h != null && h.contains("last");
        }

        void classify(Sentence s, int i0, int j) {
            List<Token> toks = s.tokens();
            int i = i0;
            boolean orgLike = orgLike(toks, i, j);
            // leading title words and sentence-initial function words are context, not name (but the language layer
            // may know better: "said He Yafei" is a name of two words)
            // (but "the All Progressive Congress": after "the", a name's first word is its own)
            boolean named = orgLike && i0 > 0 && toks.get(i0 - 1).norm().equals("the");
            while (i < j && !givenName(s, i, j) && (!toks.get(i).isWord() || (gazetteer.common(toks.get(i).norm()) && !named)
                    || (!orgLike && gazetteer.titleHint(toks.get(i).norm()) != null)
                    || NAME_CONNECTORS.contains(toks.get(i).norm()))) {
                i++;
            }
            while (j > i && NAME_CONNECTORS.contains(toks.get(j - 1).norm())) {
                j--;
            }
            if (i >= j) {
                return;
            }
            // "Microsoft President Brad Smith", "United Technologies Chief Executive Greg Hayes": the name follows the
            // last title word of the run; what comes before it is the body the person acts for
            for (int p = j - 2; p > i; p--) {
                if ("person".equals(gazetteer.titleHint(toks.get(p).norm())) && j - (p + 1) >= 2 && j - (p + 1) <= 3
                        && !orgLike(toks, p + 1, j)) {
                    i = p + 1;
                    break;
                }
            }
            orgLike = orgLike(toks, i, j);
            if (!orgLike) {
                // "Tom DeLay of Texas", "Kurt Brouwer of Brouwer Asset": a person's name ends before "of"
                for (int p = i + 1; p < j; p++) {
                    if (toks.get(p).norm().equals("of")) {
                        if (p - i < 2 && !"organization".equals(context(s, i, p).prefixHint)) {
                            return;
                        }
                        j = p;
                        break;
                    }
                }
            }
            String surface = text.text().substring(toks.get(i).start(), toks.get(j - 1).end());
            ActorEntity existing = findByAlias(surface);
            if (existing != null) {
                addMention(existing, s, i, j, ActorMention.Use.NAME, "actors.alias");
                if (existing.kind() == ActorKind.PERSON) {
                    describe(s, i, j, existing);
                }
                return;
            }
            Context ctx = context(s, i, j);
            int words = 0;
            for (int k = i; k < j; k++) {
                if (toks.get(k).isWord()) {
                    words++;
                }
            }
            if (orgLike || "organization".equals(ctx.prefixHint)) {
                organization(s, i, j, ctx);
            } else if (words == 1 && j < toks.size() && SUBJECT_VERBS.contains(toks.get(j).norm()) && !personToken(toks.get(i).norm())
                    && !"person".equals(ctx.prefixHint) && !"PERSON".equals(modelType(s, i, j))
                    && occurrences(toks.get(i).text()) >= 2 && toks.get(i).text().length() > 2
                    && occurrences(toks.get(i).norm()) == 0 && !toks.get(i).norm().endsWith("ing")) {
                // "Microsoft said Tuesday ...", mentioned again later: a one-word organization acting as subject
                ActorEntity org = entity(surface, ActorKind.ORGANIZATION, "actors.organization.subject");
                addMention(org, s, i, j, ActorMention.Use.NAME, org.ruleId());
            } else if (("person".equals(ctx.prefixHint) || ctx.appositionRole != null || (ctx.speech && words >= 2)) && words <= 5
                    && !allCaps(toks, i, j)) {
                ActorEntity known = words == 1 ? corefTarget(s, i, j) : null;
                if (known != null && known.kind() == ActorKind.PERSON) {
                    // "Sheinbaum, a former mayor of Mexico City": the person named in full before, described again
                    addMention(known, s, i, j, ActorMention.Use.COREFERENCE, "actors.coreference.name");
                    describe(s, i, j, known);
                    return;
                }
                String tagged = modelType(s, i, j);
                if ("ORG".equals(tagged) && !"person".equals(ctx.prefixHint)) {
                    // "a campaign by the Equality Campaign": the tagger reads a body; after a person's title ("President
                    // Clinton") the title decides
                    organization(s, i, j, ctx);
                } else if (tagged == null || tagged.equals("PERSON")) {
                    person(s, i, j, surface, "actors.person.title");
                } // else "during the Official Melbourne Postal Survey": an event, a place or a work, not a person
            } else if (words >= 2 && words <= 3 && !allCaps(toks, i, j) && j + 1 < toks.size() && toks.get(j).text().equals(",")
                    && (toks.get(j + 1).norm().equals("who") || toks.get(j + 1).norm().equals("whose"))) {
                // "Gabriel Attal, who resigned after ...": "who" speaks of a person
                person(s, i, j, surface, "actors.person.who-clause");
            } else if (words >= 2 && words <= 3 && !allCaps(toks, i, j) && speakers.contains(toks.get(j - 1).norm())) {
                // "Liz Truss resigned ...", and later "Truss said": the full name of a speaker
                person(s, i, j, surface, "actors.person.speaker-surname");
            } else if (words >= 2 && words <= 4 && !allCaps(toks, i, j) && apposedToTitle(toks, i, j)) {
                // "China's ambassador to Britain, Liu Xiaoming, accused ...": the name set off after its title
                person(s, i, j, surface, "actors.person.apposed-title");
            } else if (words >= 2 && words <= 4 && !allCaps(toks, i, j) && coordinatedWithTitledPerson(s, i)) {
                // "their counterparts Gilberto Teodoro and Enrique Manalo": the title covers both names
                person(s, i, j, surface, "actors.person.coordinated");
            }
        }

        /**
         * Names the rules had no cue for, from the language layer's entity spans: a PERSON of two to five words
         * ("He Yafei", "Massouma al-Mubarak"), an ORG ("Swisscom", "the Equality Campaign"). A lone first name or
         * surname never becomes an actor of its own (the coreference pass ties it to a full name, or it stays out).
         */
        void entityPass(Sentence s) {
            Parse p = s.parse();
            List<Token> toks = s.tokens();
            boolean[] cov = covered[s.index()];
            boolean[] blk = blocked[s.index()];
            for (int i = 0; i < toks.size(); i++) {
                if (!p.entityStart(i)) {
                    continue;
                }
                String type = p.entityType(i);
                int j = Math.min(p.entityEnd(i), toks.size());
                int from = i;
                i = j - 1;
                boolean person = "PERSON".equals(type);
                if (!person && !"ORG".equals(type)) {
                    continue;
                }
                int a = from;
                int b = j;
                while (a < b && (!toks.get(a).isWord() || gazetteer.common(toks.get(a).norm())
                        || (person && gazetteer.titleHint(toks.get(a).norm()) != null))) {
                    a++;
                }
                while (b > a && (!toks.get(b - 1).isWord() || toks.get(b - 1).norm().equals("'s"))) {
                    b--;
                }
                if (a >= b || !toks.get(a).capitalized() || !toks.get(b - 1).capitalized()) {
                    continue;
                }
                boolean free = true;
                int words = 0;
                for (int k = a; k < b; k++) {
                    free &= !cov[k] && !blk[k];
                    if (toks.get(k).isWord()) {
                        words++;
                    }
                }
                if (!free || allCaps(toks, a, b) && (person || b - a > 1)) {
                    continue;
                }
                int before = a - 1;
                while (before >= 0 && ARTICLES.contains(toks.get(before).norm())) {
                    before--;
                }
                if (!person && before >= 0 && PLACE_PREPOSITIONS.contains(toks.get(before).norm())) {
                    continue; // "at the Vostochny Cosmodrome": a facility named as the place
                }
                if (!person && b - a >= 2 && b < toks.size() && "person".equals(gazetteer.titleHint(toks.get(b).norm()))
                        && gazetteer.orgHead(toks.get(b - 1).text()) == null) {
                    // "the APC National Publicity Secretary, Lai Mohammed": the words before the title are part of it,
                    // but for the body's acronym that opens them
                    if (!toks.get(a).allCaps() || toks.get(a).text().length() < 2) {
                        continue;
                    }
                    b = a + 1;
                    words = 1;
                }
                if (!person && before >= 1 && toks.get(before).norm().equals("of")
                        && "person".equals(gazetteer.titleHint(toks.get(before - 1).norm()))) {
                    continue; // "Secretary of State Mike Pompeo", "Minister of Defence": part of a title
                }
                if (person && gazetteer.titleHint(toks.get(b - 1).norm()) != null) {
                    continue; // "Russian Security Chief", "North Korea's Vice Foreign Minister": a title, no name
                }
                String surface = text.text().substring(toks.get(a).start(), toks.get(b - 1).end());
                ActorEntity existing = findByAlias(surface);
                if (existing != null) {
                    addMention(existing, s, a, b, ActorMention.Use.NAME, "actors.alias");
                    continue;
                }
                ActorEntity known = corefTarget(s, a, b);
                if (known != null) {
                    addMention(known, s, a, b, ActorMention.Use.COREFERENCE, "actors.coreference.name");
                    continue; // "Nissan" after "Nissan Motor Co"
                }
                if (person) {
                    if (words < 2 || words > 5) {
                        continue;
                    }
                    boolean fresh = !entities.containsKey(KeyNames.key(surface));
                    person(s, a, b, surface, "actors.person.ner");
                    if (fresh && !titledBefore(toks, a)) {
                        entities.get(KeyNames.key(surface)).modelOnly = true;
                    }
                } else if (words <= 8 && surface.length() > 2) {
                    boolean fresh = !entities.containsKey(KeyNames.key(surface));
                    ActorEntity org = entity(surface, ActorKind.ORGANIZATION, "actors.organization.ner");
                    org.modelOnly |= fresh;
                    addMention(org, s, a, b, ActorMention.Use.NAME, org.ruleId());
                }
            }
        }

        /**
         * A lone surname that a rule made a person of ("Mr. Davison", "President Clinton") is the one person of the
         * article whose full name ends with it ("Daniel P. Davison"), whichever came first: the full name takes its
         * mentions, its role and its cue (a name only the language layer found is a named person once a title named
         * it). With two such full names ("Nawaz Sharif", "Kulsoom Sharif") nothing is joined here.
         */
        void joinShortNames() {
            for (ActorEntity shortOne : new ArrayList<>(order)) {
                // "Kopp said ..." taken for a company before "James Kopp" was read is the person too
                boolean guessedOrg = shortOne.kind() == ActorKind.ORGANIZATION && "actors.organization.subject".equals(shortOne.ruleId());
                if ((shortOne.kind() != ActorKind.PERSON && !guessedOrg) || shortOne.unnamed || shortOne.knownId != null) {
                    continue;
                }
                String key = KeyNames.key(shortOne.name());
                if (key.isEmpty() || shortOne.name().strip().contains(" ") || givenNameMention(shortOne)) {
                    continue; // "King Hussein" is not Saddam Hussein: after these honorifics a lone name is a given name
                }
                joinTheOne(shortOne, e -> {
                    if (e.unnamed) {
                        return false;
                    }
                    String full = KeyNames.key(e.name());
                    if (guessedOrg && e.kind() == ActorKind.ORGANIZATION && full.startsWith(key + " ")) {
                        return true; // "Brunner has ..." after "Brunner Mond Group": the company named in full
                    }
                    // "Davison" in "Daniel P. Davison", "O'Laughlin" in "Jeanne O'Laughlin"
                    return e.kind() == ActorKind.PERSON && full.length() > key.length() && full.endsWith(" " + key)
                            && e.name().strip().contains(" ");
                });
            }
        }

        /** Absorbs {@code part} into the one other actor {@code whole} accepts; with none or several, nothing happens. */
        void joinTheOne(ActorEntity part, java.util.function.Predicate<ActorEntity> whole) {
            ActorEntity into = null;
            int candidates = 0;
            for (ActorEntity e : order) {
                if (e != part && whole.test(e)) {
                    into = e;
                    candidates++;
                }
            }
            if (candidates == 1) {
                absorb(into, part);
            }
        }

        /**
         * An organization named by an acronym ("IRA") is the one organization of the article whose name's initials
         * it spells ("the Irish Republican Army"; "of", "the", "and" and "for" left out), wherever each is named.
         */
        void joinAcronyms() {
            for (ActorEntity acronym : new ArrayList<>(order)) {
                String a = acronym.name();
                if (acronym.kind() != ActorKind.ORGANIZATION || acronym.knownId != null || a.length() < 2 || a.length() > 6
                        || !a.chars().allMatch(Character::isUpperCase)) {
                    continue;
                }
                joinTheOne(acronym, e -> e.kind() == ActorKind.ORGANIZATION && a.equals(initials(e.name())));
            }
        }

        static String initials(String name) {
            StringBuilder b = new StringBuilder();
            for (String w : name.split("[\\s-]+")) {
                if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !Set.of("Of", "The", "And", "For").contains(w)) {
                    b.append(w.charAt(0));
                }
            }
            return b.length() >= 2 ? b.toString() : "";
        }

        /** Is the person named anywhere after an honorific that goes with the given name ("King Hussein", "Sheikh Sabah")? */
        boolean givenNameMention(ActorEntity e) {
            for (ActorMention m : e.mentions) {
                List<Token> toks = sentences.get(m.sentence()).tokens();
                if (m.from() > 0 && GIVEN_NAME_HONORIFICS.contains(toks.get(m.from() - 1).norm())) {
                    return true;
                }
            }
            return e.role != null && GIVEN_NAME_HONORIFICS.contains(e.role.toLowerCase(java.util.Locale.ROOT));
        }

        /** Moves every mention, alias and attribute of {@code gone} to {@code into}, and forgets {@code gone}. */
        void absorb(ActorEntity into, ActorEntity gone) {
            for (ActorMention m : gone.mentions) {
                ActorMention moved = new ActorMention(into, m.sentence(), m.from(), m.to(), m.start(), m.end(),
                        m.use() == ActorMention.Use.NAME ? ActorMention.Use.COREFERENCE : m.use(),
                        m.use() == ActorMention.Use.NAME ? "actors.coreference.name" : m.ruleId());
                List<ActorMention> l = bySentence.get(m.sentence());
                l.set(l.indexOf(m), moved);
                into.mentions.add(moved);
            }
            into.aliases.addAll(gone.aliases);
            into.modelOnly &= gone.modelOnly;
            into.role = into.role == null ? gone.role : into.role;
            into.affiliation = into.affiliation == null ? gone.affiliation : into.affiliation;
            int at = Math.min(order.indexOf(into), order.indexOf(gone));
            order.remove(gone);
            order.remove(into);
            order.add(Math.min(at, order.size()), into);
            entities.replaceAll((k, v) -> v == gone ? into : v);
            aliasIndex.replaceAll((k, v) -> v == gone ? into : v);
            for (ActorEntity e : order) {
                if (e.affiliation == gone) {
                    e.affiliation = into;
                }
            }
        }

        /**
         * Drops what the rules or the language layer took for a name but cannot name an actor, before short forms are
         * tied to names: a "person" with a lower-case word that is no name particle ("Commenting on Twitter") or
         * opening with a verb; an "organization" that is a document ("MoU", "the Paris Agreement") or an office
         * ("Minister of State for Petroleum": its first word is a person's title). Gazetteer entries are never dropped.
         */
        void prune() {
            List<ActorEntity> gone = new ArrayList<>();
            for (ActorEntity e : order) {
                if (e.ruleId().startsWith("actors.gazetteer") || e.ruleId().startsWith("actors.known")
                        || (e.kind() != ActorKind.PERSON && e.kind() != ActorKind.ORGANIZATION)) {
                    continue;
                }
                ActorMention first = null;
                for (ActorMention m : e.mentions) {
                    if (m.use() == ActorMention.Use.NAME) {
                        first = m;
                        break;
                    }
                }
                if (first != null && !nameShaped(e.kind(), sentences.get(first.sentence()), first.from(), first.to())) {
                    gone.add(e);
                }
            }
            if (gone.isEmpty()) {
                return;
            }
            java.util.Set<ActorEntity> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            dropped.addAll(gone);
            order.removeIf(dropped::contains);
            entities.values().removeIf(dropped::contains);
            aliasIndex.values().removeIf(dropped::contains);
            for (List<ActorMention> l : bySentence) {
                for (ActorMention m : l) {
                    if (dropped.contains(m.actor())) {
                        for (int k = m.from(); k < m.to(); k++) {
                            covered[m.sentence()][k] = false;
                        }
                    }
                }
                l.removeIf(m -> dropped.contains(m.actor()));
            }
            for (ActorEntity e : order) {
                if (dropped.contains(e.affiliation)) {
                    e.affiliation = null;
                }
            }
        }

        /** Can the words [i, j) of s be the name of an actor of this kind? */
        boolean nameShaped(ActorKind kind, Sentence s, int i, int j) {
            List<Token> toks = s.tokens();
            int firstWord = -1;
            int lastWord = -1;
            for (int k = i; k < j; k++) {
                if (toks.get(k).isWord() && Character.isLetter(toks.get(k).text().charAt(0))) {
                    firstWord = firstWord < 0 ? k : firstWord;
                    lastWord = k;
                }
            }
            if (firstWord < 0) {
                return true;
            }
            if (kind == ActorKind.PERSON) {
                for (int k = firstWord; k <= lastWord; k++) {
                    Token t = toks.get(k);
                    boolean joined = k > 0 && toks.get(k - 1).end() == t.start() && toks.get(k - 1).text().equals("-");
                    if (t.isWord() && Character.isLetter(t.text().charAt(0)) && !t.capitalized() && !joined
                            && !gazetteer.particle(t.norm())) { // but "Chen Shui-bian"

                        return false;
                    }
                }
                // "Nevertheless, the president said": an adverb or a function word that opens a sentence names nobody
                return !(s.parsed() && (s.parse().tag(firstWord).startsWith("VB")
                        || firstWord == lastWord && FUNCTION_TAGS.contains(s.parse().tag(firstWord))));
            }
            if (s.parsed() && s.parse().tag(firstWord).equals("VBG")) {
                return false; // "Commenting on Twitter"
            }
            if (firstWord == lastWord && gazetteer.companyWord(toks.get(firstWord).norm().replace(".", ""))) {
                return false; // "Holdings", "Airlines": the end of a company's name, alone no name
            }
            if (gazetteer.documentWord(toks.get(lastWord).norm())) {
                return false;
            }
            // "Minister of State for Petroleum" names an office, whatever its complement (but "Justice Department" and
            // "General Motors" are bodies)
            return !("person".equals(gazetteer.titleHint(toks.get(firstWord).norm())) && firstWord + 1 < j
                    && Set.of("of", "for").contains(toks.get(firstWord + 1).norm()));
        }

        /**
         * Is the name at {@code a} introduced by a title whose complement runs up to it ("Minister of Development
         * Strategies and International Trade Malik Samarawickrama", "Speaker of the Parliament Karu Jayasuriya"), or set
         * off after it by a comma ("the governor-elect, Ayodele Fayose")?
         */
        boolean titledBefore(List<Token> toks, int a) {
            if (a >= 2 && toks.get(a - 1).text().equals(",")) {
                // "congratulated the governor-elect, Ayodele Fayose": the name set off after its title
                int t = a - 2;
                if (t >= 2 && Set.of("elect", "designate").contains(toks.get(t).norm()) && toks.get(t - 1).text().equals("-")) {
                    t -= 2;
                }
                String w = toks.get(t).norm().replaceAll("-(elect|designate)$", "");
                return "person".equals(gazetteer.titleHint(w));
            }
            for (int k = a - 1; k >= 0 && a - k <= 10; k--) {
                Token t = toks.get(k);
                if ("person".equals(gazetteer.titleHint(t.norm()))) {
                    return true;
                }
                if (!(t.isWord() && t.capitalized()) && !Set.of("of", "and", "the", "for", "&").contains(t.norm())) {
                    return false;
                }
            }
            return false;
        }

        /** The language layer's entity type for the last word of [i, j), or null when it has none (or no parse). */
        String modelType(Sentence s, int i, int j) {
            if (!s.parsed()) {
                return null;
            }
            for (int k = i; k < j; k++) {
                if ("PERSON".equals(s.parse().entityType(k))) {
                    return "PERSON";
                }
            }
            return s.parse().entityType(j - 1);
        }

        /** Does the entity tagger read token i as the first of a PERSON name that runs on to the run's end? */
        boolean givenName(Sentence s, int i, int j) {
            if (!s.parsed() || j - i < 2 || !s.parse().entityStart(i) || !"PERSON".equals(s.parse().entityType(i))) {
                return false;
            }
            return s.parse().entityEnd(i) == j && s.tokens().get(i).capitalized();
        }

        /** A person named by the run [i, j), told by the rule {@code ruleId}, with what the sentence says of them. */
        void person(Sentence s, int i, int j, String surface, String ruleId) {
            if (hyphenated(s.tokens(), i, j)) {
                ActorEntity known = corefTarget(s, i, j);
                if (known != null && known.kind() == ActorKind.PERSON) {
                    addMention(known, s, i, j, ActorMention.Use.COREFERENCE, "actors.coreference.name"); // "Har-Shefi said"
                    return;
                }
            }
            ActorEntity p = entity(surface, ActorKind.PERSON, ruleId);
            addMention(p, s, i, j, ActorMention.Use.NAME, ruleId);
            describe(s, i, j, p);
        }

        /**
         * Is the run [i, j) set off by commas right after a person's title ("China's ambassador to Britain, Liu
         * Xiaoming, accused"; "..., its chief executive, Jane Fraser, said")? The title may carry a short complement.
         */
        boolean apposedToTitle(List<Token> toks, int i, int j) {
            if (i < 2 || !toks.get(i - 1).text().equals(",") || j >= toks.size() || !toks.get(j).text().equals(",")) {
                return false;
            }
            for (int k = i - 2; k >= 0 && k >= i - 5; k--) {
                String w = toks.get(k).norm();
                if (w.equals(",") || w.equals(".")) {
                    return false;
                }
                if ("person".equals(gazetteer.titleHint(w))) {
                    return true;
                }
            }
            return false;
        }

        /** Is the run at {@code i} the second of "Title First Person and Second Person", the first named by its title? */
        boolean coordinatedWithTitledPerson(Sentence s, int i) {
            if (i < 2 || !s.tokens().get(i - 1).norm().equals("and")) {
                return false;
            }
            for (ActorMention m : bySentence.get(s.index())) {
                if (m.to() == i - 1 && m.actor().kind() == ActorKind.PERSON && "actors.person.title".equals(m.ruleId())) {
                    return true;
                }
            }
            return false;
        }

        /** A token that is part of a person already found ("Vucic" after "President Aleksandar Vucic"). */
        boolean personToken(String norm) {
            for (ActorEntity e : order) {
                if (e.kind() == ActorKind.PERSON) {
                    for (String p : KeyNames.key(e.name()).split(" ")) {
                        if (p.equals(norm)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        int occurrences(String word) {
            String t = text.text();
            int n = 0;
            for (int at = t.indexOf(word); at >= 0 && n < 2; at = t.indexOf(word, at + word.length())) {
                boolean left = at == 0 || !Character.isLetterOrDigit(t.charAt(at - 1));
                int e = at + word.length();
                boolean right = e >= t.length() || !Character.isLetterOrDigit(t.charAt(e));
                if (left && right) {
                    n++;
                }
            }
            return n;
        }

        boolean allCaps(List<Token> toks, int i, int j) {
            for (int k = i; k < j; k++) {
                if (toks.get(k).isWord() && !toks.get(k).allCaps()) {
                    return false;
                }
            }
            return true;
        }

        boolean orgLike(List<Token> toks, int i, int j) {
            if (i >= j) {
                return false;
            }
            String last = gazetteer.orgHead(toks.get(j - 1).text());
            if (last != null && (last.contains("last") || last.contains("suffix")) && j - i >= 2) {
                return true;
            }
            if (last != null && last.contains("last") && j - i == 1 && false) {
                return true;
            }
            String first = gazetteer.orgHead(toks.get(i).text());
            if (first != null && first.contains("first") && j - i >= 3) {
                return true;
            }
            for (int k = i; k + 1 < j; k++) {
                String h = gazetteer.orgHead(toks.get(k).text());
                if (h != null && (h.contains("last") || h.contains("first")) && toks.get(k + 1).norm().equals("of")) {
                    return true;
                }
            }
            return false;
        }

        void organization(Sentence s, int i, int j, Context ctx) {
            List<Token> toks = s.tokens();
            int nameEnd = j;
            while (nameEnd - i > 1 && "suffix".equals(gazetteer.orgHead(toks.get(nameEnd - 1).text()))) {
                nameEnd--;
            }
            String full = text.text().substring(toks.get(i).start(), toks.get(j - 1).end());
            String name = text.text().substring(toks.get(i).start(), toks.get(nameEnd - 1).end());
            ActorEntity owner = ctx.possessor;
            String canonical = name;
            int from = i;
            if (owner != null && owner.kind() == ActorKind.COUNTRY && !name.contains(owner.name())) {
                canonical = name + " of " + owner.name();
                from = ctx.possessorFrom;
            }
            Gazetteer.Entry g = gazetteer.byName(canonical);
            ActorEntity org = g != null ? entityFor(g) : entity(canonical, ActorKind.ORGANIZATION, "actors.organization.head");
            if (owner != null && org.affiliation == null) {
                org.affiliation = owner;
            }
            addMention(org, s, from, j, ActorMention.Use.NAME, org.ruleId());
            alias(org, full);
            alias(org, name);
            if (j + 2 < toks.size() && toks.get(j).text().equals("(") && toks.get(j + 2).text().equals(")")
                    && toks.get(j + 1).allCaps() && toks.get(j + 1).text().length() >= 2) {
                addMention(org, s, j + 1, j + 2, ActorMention.Use.NAME, "actors.organization.acronym");
            }
        }

        /** Role and affiliation of a person from the words around its name. */
        void describe(Sentence s, int i, int j, ActorEntity person) {
            Context ctx = context(s, i, j);
            if (ctx.prefixRole != null) {
                person.role = ctx.prefixRole;
                if (ctx.prefixOrgFrom >= 0) {
                    // "Armenia's defense ministry spokeswoman": the ministry is an actor of its own
                    int orgEnd = ctx.prefixOrgTo;
                    String orgSurface = text.text().substring(s.tokens().get(ctx.prefixOrgFrom).start(), s.tokens().get(orgEnd - 1).end());
                    ActorEntity org = entity(orgSurface, ActorKind.ORGANIZATION, "actors.organization.description");
                    org.affiliation = ctx.possessor;
                    addMention(org, s, ctx.prefixOrgFrom, orgEnd, ActorMention.Use.DESCRIPTION, org.ruleId());
                    person.affiliation = org;
                } else if (ctx.possessor != null) {
                    person.affiliation = ctx.possessor;
                } else if (ctx.pendingOwner >= 0) {
                    pendingAffiliations.add(new Object[] {person, s.index(), ctx.pendingOwner});
                }
                String alias = text.text().substring(s.tokens().get(ctx.prefixFrom).start(), s.tokens().get(j - 1).end());
                alias(person, alias);
            }
            if (ctx.appositionRole != null) {
                if (person.role == null || ctx.prefixRole == null) {
                    person.role = ctx.appositionRole;
                }
                if (ctx.appositionPossessor != null && person.affiliation == null) {
                    person.affiliation = ctx.appositionPossessor;
                } else if (ctx.appositionTarget >= 0 && (person.affiliation == null || ctx.prefixRole == null)) {
                    pendingAffiliations.add(new Object[] {person, s.index(), ctx.appositionTarget});
                }
            }
        }

        // ---------------------------------------------------------------- pass C: short forms and descriptions

        void coreferencePass(Sentence s) {
            List<Token> toks = s.tokens();
            int n = toks.size();
            for (int i = 0; i < n; ) {
                int j = runEnd(s, i);
                if (j <= i) {
                    i++;
                    continue;
                }
                int a = i;
                while (a < j && (gazetteer.common(toks.get(a).norm()) || gazetteer.titleHint(toks.get(a).norm()) != null)) {
                    a++;
                }
                if (a < j) {
                    ActorEntity target = corefTarget(s, a, j);
                    if (target != null) {
                        addMention(target, s, a, j, ActorMention.Use.COREFERENCE, "actors.coreference.name");
                    }
                }
                i = j;
            }
            descriptions(s);
        }

        ActorEntity corefTarget(Sentence s, int i, int j) {
            List<Token> toks = s.tokens();
            String surface = text.text().substring(toks.get(i).start(), toks.get(j - 1).end());
            ActorEntity exact = findByAlias(surface);
            if (exact != null) {
                return exact;
            }
            if (heading[s.index()] && j - i > 1) {
                // headings: try the leading part ("Kim Jong-un Meets ...")
                for (int k = j - 1; k > i; k--) {
                    ActorEntity e = corefTarget(s, i, k);
                    if (e != null) {
                        return e;
                    }
                }
                return null;
            }
            ActorEntity best = null;
            // "Sheikh Sabah", "Prince Charles", "King Abdullah": these honorifics go with the given name, so a
            // person whose name starts with the word is meant, not one whose family name it is
            boolean given = i > 0 && GIVEN_NAME_HONORIFICS.contains(toks.get(i - 1).norm());
            boolean bestFirst = false;
            for (ActorEntity e : order) {
                if (e.outlet && e.kind() != ActorKind.PERSON) {
                    continue;
                }
                if (e.kind() == ActorKind.PERSON && !e.unnamed && (j - i == 1 || hyphenated(toks, i, j))) {
                    String[] parts = KeyNames.key(e.name()).split(" ");
                    String w = j - i == 1 ? toks.get(i).norm() : KeyNames.key(surface);
                    boolean first = j - i == 1 && parts.length >= 2 && parts[0].equals(w);
                    // "Har-Shefi" after "Margalit Har-Shefi": a hyphenated family name is one surname
                    String tail = String.join(" ", java.util.Arrays.copyOfRange(parts, Math.max(0, parts.length - w.split(" ").length), parts.length));
                    if (parts.length > w.split(" ").length && (tail.equals(w) || first)) {
                        boolean better = best == null || (given && first && !bestFirst)
                                || ((!given || first == bestFirst) && e.salience() > best.salience());
                        if (better) {
                            best = e;
                            bestFirst = first;
                        }
                    }
                } else if (e.kind() == ActorKind.ORGANIZATION && !e.unnamed) {
                    String k = KeyNames.key(surface);
                    String name = " " + KeyNames.key(e.name()) + " ";
                    if (k.length() >= 3 && name.contains(" " + k + " ") && !isGenericHead(toks, i, j)) {
                        best = best == null || e.salience() > best.salience() ? e : best;
                    }
                }
            }
            return best;
        }

        /** Is [i, j) one hyphenated word written without spaces ("Har-Shefi", "Abu-Bakr")? */
        boolean hyphenated(List<Token> toks, int i, int j) {
            for (int k = i + 1; k < j; k++) {
                if (toks.get(k - 1).end() != toks.get(k).start()) {
                    return false;
                }
            }
            return j - i == 3 && toks.get(i + 1).text().equals("-");
        }

        boolean isGenericHead(List<Token> toks, int i, int j) {
            for (int k = i; k < j; k++) {
                if (gazetteer.orgHead(toks.get(k).text()) == null && gazetteer.titleHint(toks.get(k).norm()) == null) {
                    return false;
                }
            }
            return true;
        }

        /** "the North Korean leader", "North Korea's Vice Foreign Minister", "China's top trade negotiator". */
        void descriptions(Sentence s) {
            List<Token> toks = s.tokens();
            List<ActorMention> here = new ArrayList<>(bySentence.get(s.index()));
            for (ActorMention m : here) {
                if (m.actor().kind() != ActorKind.COUNTRY || m.use() == ActorMention.Use.PLACE) {
                    continue;
                }
                int k = m.to();
                boolean possessive = k < toks.size() && toks.get(k).norm().equals("'s");
                if (possessive) {
                    k++;
                } else if (m.use() != ActorMention.Use.DEMONYM) {
                    continue;
                }
                int chainStart = k;
                String headHint = null;
                while (k < toks.size() && !covered[s.index()][k] && gazetteer.titleHint(toks.get(k).norm()) != null) {
                    String h = gazetteer.titleHint(toks.get(k).norm());
                    if (h.equals("org-noun")) {
                        headHint = null;
                        break;
                    }
                    headHint = h;
                    k++;
                }
                if (k == chainStart || !"person".equals(headHint)) {
                    continue;
                }
                if (k < toks.size() && toks.get(k).capitalized() && toks.get(k).isWord() && !blocked[s.index()][k]) {
                    continue; // a name follows: handled by describe()
                }
                String role = text.text().substring(toks.get(chainStart).start(), toks.get(k - 1).end());
                String head = toks.get(k - 1).norm();
                if (head.endsWith("s") && !head.endsWith("ss")) {
                    continue; // "his Turkish and Iranian counterparts": several people, no one actor
                }
                ActorEntity country = m.actor();
                ActorEntity target = null;
                for (ActorEntity e : order) {
                    if (e.kind() == ActorKind.PERSON && e.affiliation == country && e.role != null && !e.unnamed
                            && sharesRoleWord(e.role, role)) {
                        target = e;
                    }
                }
                if (target == null) {
                    target = subjectOfAs(s, m.from());
                    if (target == null) {
                        target = apposedPerson(s, k);
                    }
                    if (target != null) {
                        target.role = target.role == null ? role : target.role;
                        target.affiliation = target.affiliation == null ? country : target.affiliation;
                    }
                }
                if (target == null) {
                    String name = text.text().substring(toks.get(m.from()).start(), toks.get(k - 1).end());
                    target = entity(name, ActorKind.PERSON, "actors.person.description");
                    target.unnamed = true;
                    target.role = role;
                    target.affiliation = country;
                }
                int from = m.from();
                if (from > 0 && toks.get(from - 1).norm().equals("the")) {
                    from--;
                }
                addMention(target, s, from, k, ActorMention.Use.DESCRIPTION, "actors.person.description");
            }
        }

        /** "Liz Truss resigned as Britain's prime minister": the person a few words before "as [the] description". */
        ActorEntity subjectOfAs(Sentence s, int descriptionFrom) {
            List<Token> toks = s.tokens();
            int k = descriptionFrom - 1;
            if (k >= 0 && toks.get(k).norm().equals("the")) {
                k--;
            }
            if (k < 1 || !toks.get(k).norm().equals("as")) {
                return null;
            }
            ActorEntity best = null;
            for (ActorMention m : bySentence.get(s.index())) {
                if (m.actor().kind() == ActorKind.PERSON && m.to() <= k && k - m.to() <= 3) {
                    best = m.actor();
                }
            }
            return best;
        }

        /**
         * The person named right after a description and its short complement, set off by a comma ("China's
         * ambassador to Britain, Liu Xiaoming,"); the description then names that person's role and country.
         */
        ActorEntity apposedPerson(Sentence s, int after) {
            List<Token> toks = s.tokens();
            for (int k = after; k < toks.size() && k <= after + 4; k++) {
                if (toks.get(k).text().equals(",")) {
                    for (ActorMention m : bySentence.get(s.index())) {
                        if (m.from() == k + 1 && m.actor().kind() == ActorKind.PERSON) {
                            return m.actor();
                        }
                    }
                    return null;
                }
            }
            return null;
        }

        /** "top trade negotiator" and "international trade representative" share "trade"; "Vice Foreign Minister" and "leader" share nothing. */
        boolean sharesRoleWord(String a, String b) {
            java.util.Set<String> wa = new java.util.HashSet<>(java.util.Arrays.asList(KeyNames.key(a).split(" ")));
            for (String w : KeyNames.key(b).split(" ")) {
                if (wa.contains(w) && w.length() > 3 && !Set.of("vice", "deputy", "first", "senior", "acting", "former", "chief").contains(w)) {
                    return true;
                }
            }
            return false;
        }

        // ---------------------------------------------------------------- context of a name

        final class Context {
            String prefixHint;
            String prefixRole;
            int prefixFrom = -1;
            int prefixOrgFrom = -1;
            int prefixOrgTo = -1;
            ActorEntity possessor;
            int possessorFrom = -1;
            String appositionRole;
            int appositionTarget = -1;
            ActorEntity appositionPossessor;
            boolean speech;
            int pendingOwner = -1;
        }

        Context context(Sentence s, int i, int j) {
            List<Token> toks = s.tokens();
            Context c = new Context();
            // title chain before the name
            int k = i - 1;
            int orgNoun = -1;
            while (k >= 0 && !covered[s.index()][k] && (gazetteer.titleHint(toks.get(k).norm()) != null
                    || (toks.get(k).text().equals("-") && k > 0 && gazetteer.titleHint(toks.get(k - 1).norm()) != null))) {
                if (toks.get(k).text().equals("-")) {
                    k--;
                    continue;
                }
                String h = gazetteer.titleHint(toks.get(k).norm());
                if (c.prefixHint == null && !h.equals("modifier") && !h.equals("org-noun")) {
                    c.prefixHint = h;
                }
                if (h.equals("org-noun") && orgNoun < 0) {
                    orgNoun = k;
                }
                k--;
            }
            if (k < i - 1 && c.prefixHint != null) {
                c.prefixFrom = k + 1;
                int roleFrom = orgNoun >= 0 ? orgNoun + 1 : k + 1;
                if (roleFrom < i) {
                    c.prefixRole = text.text().substring(toks.get(roleFrom).start(), toks.get(i - 1).end());
                }
                // a country or organization right before the chain ("Russian President", "Russia's President")
                int p = k;
                if (p >= 0 && toks.get(p).norm().equals("'s")) {
                    p--;
                }
                ActorMention owner = mentionEndingAt(s, p + 1);
                if (owner == null && p >= 0 && toks.get(p).capitalized() && toks.get(p).isWord() && !gazetteer.common(toks.get(p).norm())) {
                    c.pendingOwner = p;
                }
                if (owner != null && owner.actor().kind() != ActorKind.PERSON) {
                    c.possessor = owner.actor();
                    c.possessorFrom = owner.from();
                    c.prefixFrom = owner.from();
                    if (orgNoun >= 0) {
                        c.prefixOrgFrom = owner.from();
                        c.prefixOrgTo = orgNoun + 1;
                    }
                }
            } else {
                // a possessive owner right before the name ("Russia's Security Council")
                int p = i - 1;
                if (p >= 0 && toks.get(p).norm().equals("'s")) {
                    ActorMention owner = mentionEndingAt(s, p);
                    if (owner != null) {
                        c.possessor = owner.actor();
                        c.possessorFrom = owner.from();
                    }
                }
            }
            if (i > 0 && SPEECH.contains(toks.get(i - 1).norm())) {
                c.speech = true;
            }
            if (j < toks.size() && SPEECH.contains(toks.get(j).norm())) {
                c.speech = true;
            }
            // apposition after the name: ", Secretary of Russia's Security Council", ", a professor at ..."
            if (j + 1 < toks.size() && toks.get(j).text().equals(",")) {
                int a = j + 1;
                if (a < toks.size() && Set.of("a", "an", "the").contains(toks.get(a).norm())) {
                    a++;
                }
                ActorEntity poss = null;
                ActorMention pm = a < toks.size() ? mentionStartingAt(s, a) : null;
                if (pm == null && a > j + 1) {
                    pm = mentionStartingAt(s, j + 1); // "the European Union's": the mention may take in "the"
                }
                if (pm != null && pm.to() < toks.size() && toks.get(pm.to()).norm().equals("'s")) {
                    poss = pm.actor();
                    a = pm.to() + 1;
                }
                int b = a;
                String hint = null;
                while (b < toks.size() && (gazetteer.titleHint(toks.get(b).norm()) != null
                        || (b > a && toks.get(b).norm().equals("and"))
                        // a word before a title word: "top trade negotiator", "former Brexit negotiator"
                        || (b > a && toks.get(b).isWord() && b + 1 < toks.size() && gazetteer.titleHint(toks.get(b + 1).norm()) != null
                        && !APPOSITION_PREPS.contains(toks.get(b).norm()) && !covered[s.index()][b]))) {
                    String h = gazetteer.titleHint(toks.get(b).norm());
                    if (h != null && h.equals("person")) {
                        hint = h;
                    }
                    b++;
                }
                if (hint != null && b > a) {
                    c.appositionRole = text.text().substring(toks.get(a).start(), toks.get(b - 1).end());
                    c.appositionPossessor = poss;
                    if (b + 1 < toks.size() && APPOSITION_PREPS.contains(toks.get(b).norm())) {
                        int t = b + 1;
                        if (t < toks.size() && toks.get(t).norm().equals("the")) {
                            t++;
                        }
                        c.appositionTarget = t;
                    }
                }
            }
            return c;
        }

        ActorMention mentionEndingAt(Sentence s, int to) {
            for (ActorMention m : bySentence.get(s.index())) {
                if (m.to() == to) {
                    return m;
                }
            }
            return null;
        }

        ActorMention mentionStartingAt(Sentence s, int from) {
            for (ActorMention m : bySentence.get(s.index())) {
                if (m.from() == from) {
                    return m;
                }
            }
            return null;
        }

        void resolveAffiliations() {
            for (Object[] p : pendingAffiliations) {
                ActorEntity person = (ActorEntity) p[0];
                int sentence = (Integer) p[1];
                int tok = (Integer) p[2];
                ActorMention best = null;
                for (ActorMention m : bySentence.get(sentence)) {
                    if (m.from() <= tok && tok < m.to() || m.from() == tok) {
                        best = m;
                    }
                }
                if (best != null && best.actor() != person) {
                    person.affiliation = best.actor();
                }
            }
            // a known person's affiliation from the gazetteer when the text gave none
            for (ActorEntity a : new ArrayList<>(order)) {
                if (a.kind() == ActorKind.PERSON && a.affiliation == null) {
                    Gazetteer.Entry g = gazetteer.byName(a.name());
                    if (g != null && g.affiliation() != null) {
                        Gazetteer.Entry aff = gazetteer.byName(g.affiliation());
                        if (aff != null) {
                            a.affiliation = entityFor(aff);
                        }
                    }
                }
            }
        }

        // ---------------------------------------------------------------- bookkeeping

        ActorEntity findByAlias(String surface) {
            String key = KeyNames.key(surface);
            ActorEntity e = entities.get(key);
            return e != null ? e : aliasIndex.get(key);
        }

        void alias(ActorEntity a, String surface) {
            if (a.aliases.add(surface)) {
                aliasIndex.putIfAbsent(KeyNames.key(surface), a);
            }
        }

        ActorEntity entityFor(Gazetteer.Entry e) {
            ActorEntity a = entities.get(KeyNames.key(e.name()));
            if (a == null) {
                a = entity(e.name(), e.kind(), e.ruleId());
                a.iso2 = e.iso2();
                a.iso3 = e.iso3();
                a.outlet = e.outlet();
                a.stateOf = e.stateOf();
                if (e.role() != null) {
                    a.role = e.role();
                }
                if (e.affiliation() != null && e.kind() != ActorKind.PERSON) {
                    Gazetteer.Entry aff = gazetteer.byName(e.affiliation());
                    if (aff != null && aff != e) {
                        a.affiliation = entityFor(aff);
                    }
                }
            }
            return a;
        }

        ActorEntity entity(String name, ActorKind kind, String ruleId) {
            String key = KeyNames.key(name);
            ActorEntity a = entities.get(key);
            if (a == null) {
                a = new ActorEntity(name, kind, ruleId);
                entities.put(key, a);
                order.add(a);
            }
            return a;
        }

        void addMention(ActorEntity a, Sentence s, int from, int to, ActorMention.Use use, String ruleId) {
            List<Token> toks = s.tokens();
            int start = toks.get(from).start();
            int end = toks.get(to - 1).end();
            ActorMention m = new ActorMention(a, s.index(), from, to, start, end, use, ruleId);
            a.mentions.add(m);
            bySentence.get(s.index()).add(m);
            for (int k = from; k < to; k++) {
                covered[s.index()][k] = true;
            }
            if (use != ActorMention.Use.PLACE) {
                alias(a, text.text().substring(start, end));
            }
        }
    }
}
