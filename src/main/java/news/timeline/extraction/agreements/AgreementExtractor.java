package news.timeline.extraction.agreements;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import news.timeline.extraction.ActorKind;
import news.timeline.extraction.AgreementKind;
import news.timeline.extraction.SourceSpan;
import news.timeline.extraction.actors.ActorAnalysis;
import news.timeline.extraction.actors.ActorEntity;
import news.timeline.extraction.actors.ActorMention;
import news.timeline.extraction.events.EventGroup;
import news.timeline.extraction.events.EventMention;
import news.timeline.extraction.text.AnalyzedText;
import news.timeline.extraction.text.DataTable;
import news.timeline.extraction.text.Sentence;
import news.timeline.extraction.text.Token;

/**
 * Named ("Treaty on Comprehensive Strategic Partnership") and described ("a Russian-brokered suspension of
 * hostilities", "the deal") agreements, their parties, signing event and date, and clauses. Thread-safe.
 */
public final class AgreementExtractor {

    private static final String DIR = "/extraction/en/agreements/";
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "their", "its", "his", "her", "our", "new", "any");
    private static final Set<String> INDEFINITE = Set.of("a", "an", "new", "any");
    private static final Set<String> MEDIATING = Set.of("brokered", "mediated", "hosted", "facilitated", "arranged");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "on", "for", "to", "and", "in", "-", "'s");
    /** Words that end an agreement's complement: a clause, a time, a second verb ("a deal to end the strike until ..."). */
    private static final Set<String> COMPLEMENT_STOPS = Set.of("that", "which", "who", "until", "till", "by", "after", "before",
            "when", "while", "as", "since", "from", "in", "at", "on", "with", "and", "but", "or", "'s", "was", "is", "were", "will",
            "would", "has", "had", "have");

    private record Noun(String[] tokens, AgreementKind kind) {
    }

    private record ClauseRule(String id, Pattern pattern) {
    }

    private final Map<String, List<Noun>> nouns = new HashMap<>();
    private final List<ClauseRule> clauseRules = new ArrayList<>();

    private AgreementExtractor() {
    }

    public static AgreementExtractor english() {
        AgreementExtractor x = new AgreementExtractor();
        for (DataTable.Row r : DataTable.read(DIR + "nouns.tsv", 2)) {
            AgreementKind kind;
            try {
                kind = AgreementKind.valueOf(r.cell(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw r.error("unknown agreement kind '" + r.cell(1) + "'");
            }
            String[] toks = r.cell(0).split("\\s+");
            x.nouns.computeIfAbsent(toks[0], k -> new ArrayList<>()).add(new Noun(toks, kind));
        }
        for (List<Noun> l : x.nouns.values()) {
            l.sort((a, b) -> Integer.compare(b.tokens().length, a.tokens().length));
        }
        for (DataTable.Row r : DataTable.read(DIR + "clauses.tsv", 3)) {
            Pattern p;
            try {
                p = Pattern.compile(r.cell(1), Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw r.error("bad regex: " + e.getDescription());
            }
            Matcher m = p.matcher(r.cell(2));
            if (!m.find() || m.groupCount() < 1) {
                throw r.error("clause rule does not match its example");
            }
            x.clauseRules.add(new ClauseRule("agreements.clause." + r.cell(0), p));
        }
        return x;
    }

    public List<AgreementFinding> extract(AnalyzedText text, ActorAnalysis actors, List<EventGroup> events) {
        List<AgreementFinding> found = new ArrayList<>();
        Map<Integer, List<EventMention>> agreementEvents = new HashMap<>();
        EventGroup firstAgreementEvent = null;
        for (EventGroup g : events) {
            if (!g.type().family().equals("agreement")) {
                continue;
            }
            if (firstAgreementEvent == null) {
                firstAgreementEvent = g;
            }
            for (EventMention m : g.mentions()) {
                agreementEvents.computeIfAbsent(m.sentence().index(), k -> new ArrayList<>()).add(m);
            }
        }
        for (Sentence s : text.sentences()) {
            if (news.timeline.extraction.actors.ActorRecognizer.titleCase(s)) {
                continue; // headlines repeat the body in title case
            }
            List<Token> toks = s.tokens();
            AgreementFinding previousInSentence = null;
            int previousEnd = -1;
            for (int i = 0; i < toks.size(); i++) {
                Noun noun = nounAt(toks, i);
                if (noun == null) {
                    continue;
                }
                int end = i + noun.tokens().length;
                if (compoundHead(toks, end) && !toks.get(i).capitalized()) {
                    continue; // "a framework trade agreement": the head noun comes later and takes this one in
                }
                // named: a capitalized run around a capitalized noun ("Treaty on Comprehensive Strategic Partnership")
                int a = i;
                int b = end;
                boolean named = false;
                if (toks.get(i).capitalized() && !(i == 0 || s.tokens().get(i - 1).text().equals("\""))) {
                    while (b + 1 < toks.size() && (toks.get(b).norm().equals("on") || toks.get(b).norm().equals("of")
                            || toks.get(b).norm().equals("for")) && toks.get(b + 1).capitalized()) {
                        b += 2;
                        while (b < toks.size() && toks.get(b).capitalized() && toks.get(b).isWord()) {
                            b++;
                        }
                    }
                    while (a > 0 && toks.get(a - 1).capitalized() && toks.get(a - 1).isWord() && !DETERMINERS.contains(toks.get(a - 1).norm())) {
                        a--;
                    }
                    named = b > end || a < i;
                }
                // described: determiner + modifiers + noun
                int d = a;
                while (d > 0 && d > i - 6 && !DETERMINERS.contains(toks.get(d - 1).norm()) && modifierToken(toks.get(d - 1))
                        && (nounAt(toks, d - 1) == null || compoundHead(toks, d))) {
                    d--;
                }
                String det = d > 0 ? toks.get(d - 1).norm() : "";
                boolean hasDet = DETERMINERS.contains(det);
                List<String> mods = new ArrayList<>();
                for (int k = d; k < i; k++) {
                    String w = toks.get(k).norm();
                    if (!STOP.contains(w)) {
                        mods.add(w);
                    }
                    if (k > 0 && toks.get(k).capitalized() && toks.get(k).isWord()) {
                        named = true; // "the Geneva trade agreement", "a Russian-brokered suspension of hostilities"
                    }
                }
                if (named && det.equals("the") && a == i && b == end && !toks.get(i).capitalized()
                        && mods.stream().anyMatch(w -> MEDIATING.stream().anyMatch(v -> w.equals(v) || w.endsWith("-" + v)))) {
                    named = false; // "The UN-brokered deal came on the ninth day": the deal told before, by its broker
                }
                int spanFrom = hasDet ? d - 1 : d;
                String surface = text.text().substring(toks.get(spanFrom).start(), toks.get(b - 1).end());
                String described = withComplement(text, toks, spanFrom, b);
                String coreName = text.text().substring(toks.get(d).start(), toks.get(b - 1).end());
                // "a handshake deal on a framework": the second noun is the same agreement
                if (previousInSentence != null && d - previousEnd <= 3 && d > previousEnd
                        && Set.of("on", "for", "of").contains(toks.get(previousEnd).norm())) {
                    AgreementFinding f = previousInSentence;
                    f.aliases.add(surface);
                    f.mentions.add(new SourceSpan(toks.get(spanFrom).start(), toks.get(b - 1).end(), surface, "agreements.apposed"));
                    if (!f.named) {
                        f.kind = noun.kind();
                    }
                    previousEnd = b;
                    i = b - 1;
                    continue;
                }
                Set<String> placeWords = placeWords(s, actors);
                List<EventMention> hereEvents = agreementEvents.getOrDefault(s.index(), List.of());
                EventGroup nearestGroup = nearestGroup(events, hereEvents, i);
                AgreementFinding target = null;
                if (named) {
                    String coreKey = coreName.toLowerCase(Locale.ROOT);
                    target = matchNamed(found, coreName, mods);
                    if (target == null) {
                        for (AgreementFinding f : found) {
                            if (f.named && f.name != null && f.name.toLowerCase(Locale.ROOT).contains(coreKey)) {
                                target = f;
                            }
                        }
                    }
                    if (target == null && det.equals("the") && toks.get(i).capitalized()
                            && !agreementEvents.getOrDefault(s.index(), List.of()).isEmpty()) {
                        // "signed a defence pact on Monday. The Reciprocal Access Agreement was signed by ...": the
                        // proper name of the pact just described, told with its signing again ("the Geneva trade
                        // agreement", a common noun with a place, names another one)
                        for (int k = found.size() - 1; k >= 0 && target == null; k--) {
                            AgreementFinding f = found.get(k);
                            int last = f.sentences.stream().mapToInt(Integer::intValue).max().orElse(-10);
                            boolean recent = s.index() - last <= 2;
                            if (!f.named && recent && (f.kind == noun.kind() || generic(noun.kind()) || generic(f.kind))) {
                                target = f;
                            }
                        }
                    }
                } else if (!hasDet || INDEFINITE.contains(det)) {
                    target = null;
                    for (AgreementFinding f : found) {
                        if ((f.kind == noun.kind() || !placeWords.isEmpty()) && sharesProper(f, mods, placeWords)) {
                            target = f;
                        }
                    }
                    for (AgreementFinding f : found) {
                        if (target == null && nearestGroup != null && f.signing == nearestGroup) {
                            target = f;
                        }
                    }
                } else {
                    // definite: refers back
                    for (int k = found.size() - 1; k >= 0 && target == null; k--) {
                        AgreementFinding f = found.get(k);
                        boolean kindFits = f.kind == noun.kind() || generic(noun.kind()) || generic(f.kind);
                        if (!kindFits) {
                            continue;
                        }
                        if (mods.isEmpty() || f.modifiers.isEmpty() || overlaps(f.modifiers, mods) || sharesProper(f, mods, placeWords)) {
                            target = f;
                        }
                    }
                    if (target == null && !mods.isEmpty()) {
                        for (AgreementFinding f : found) {
                            if (f.named && containsAll(f.name, mods)) {
                                target = f;
                            }
                        }
                    }
                }
                List<EventMention> here = agreementEvents.getOrDefault(s.index(), List.of());
                boolean mention = target != null;
                if (target == null) {
                    boolean definiteBare = hasDet && !INDEFINITE.contains(det) && mods.isEmpty() && !named;
                    if (!named && here.isEmpty() && !(definiteBare && firstAgreementEvent != null)) {
                        continue;
                    }
                    target = new AgreementFinding();
                    target.kind = noun.kind();
                    target.named = named;
                    target.name = named ? coreName : null;
                    target.ruleId = named ? "agreements.named" : "agreements.described";
                    if (definiteBare && here.isEmpty()) {
                        target.signing = firstAgreementEvent;
                        target.ruleId = "agreements.described.main-event";
                    }
                    if (!named && !mods.isEmpty()) {
                        target.name = coreName;
                    }
                    found.add(target);
                }
                if (named && !target.named) {
                    target.named = true;
                    target.name = coreName;
                    target.ruleId = "agreements.named";
                }
                target.modifiers.addAll(mods);
                if (!named) {
                    target.modifiers.addAll(placeWords);
                }
                target.aliases.add(surface);
                if (described != null) {
                    target.aliases.add(described);
                }
                target.sentences.add(s.index());
                target.mentions.add(new SourceSpan(toks.get(spanFrom).start(), toks.get(b - 1).end(), surface,
                        mention ? "agreements.mention" : target.ruleId));
                if (target.signing == null && !here.isEmpty()) {
                    EventMention nearest = null;
                    int dist = Integer.MAX_VALUE;
                    for (EventMention m : here) {
                        int dd = Math.min(Math.abs(m.from() - i), Math.abs(m.to() - i));
                        if (dd < dist && (dd <= 7 || !target.named)) {
                            dist = dd;
                            nearest = m;
                        }
                    }
                    for (EventGroup g : events) {
                        if (g.mentions().contains(nearest) && g.agreement() == null) {
                            target.signing = g;
                        }
                    }
                }
                mediators(s, actors, target);
                previousInSentence = target;
                previousEnd = b;
                i = b - 1;
            }
        }
        for (AgreementFinding f : found) {
            finish(text, actors, f);
        }
        return found;
    }

    /**
     * The agreement's mention with what it is about, when a complement follows the noun: "an agreement on a
     * transitional government", "a deal to suspend a three-day strike" (at most six words, up to a comma, a clause or a
     * time word); null when none follows.
     */
    private static String withComplement(AnalyzedText text, List<Token> toks, int from, int end) {
        if (end + 2 < toks.size() && toks.get(end).norm().equals("in") && toks.get(end + 1).norm().equals("principle")) {
            end += 2; // "an agreement in principle for the acquisition of Weisfield's"
        }
        if (end + 1 >= toks.size() || !Set.of("on", "to", "over", "for").contains(toks.get(end).norm())) {
            return null;
        }
        if (toks.get(end).norm().equals("for") && !toks.get(end + 1).isWord()
                || Character.isDigit(toks.get(end + 1).text().charAt(0))) {
            return null; // "a deal for $6.3 billion": a price, not a topic
        }
        int k = end + 1;
        int words = 0;
        while (k < toks.size() && words < 6) {
            Token t = toks.get(k);
            String w = t.norm();
            if (!t.isWord() && !w.equals("-") || COMPLEMENT_STOPS.contains(w)
                    || (w.equals("to") && !toks.get(end).norm().equals("to"))) {
                break; // "an agreement on a transitional government to run the country": the purpose is not the topic
            }
            if (t.isWord()) {
                words++;
            }
            k++;
        }
        while (k > end + 1 && STOP.contains(toks.get(k - 1).norm())) {
            k--;
        }
        if (k <= end + 1 || (toks.get(end).norm().equals("to") && k == end + 2)) {
            return null;
        }
        boolean topic = false;
        for (int q = end + 1; q < k; q++) {
            Token t = toks.get(q);
            topic |= t.isWord() && !t.capitalized() && !STOP.contains(t.norm()) && Character.isLetter(t.text().charAt(0));
        }
        if (!topic) {
            return null; // "the accession treaty on Tuesday": a time, not a topic
        }
        return text.text().substring(toks.get(from).start(), toks.get(k - 1).end());
    }

    private static EventGroup nearestGroup(List<EventGroup> events, List<EventMention> here, int i) {
        EventMention nearest = null;
        int dist = Integer.MAX_VALUE;
        for (EventMention m : here) {
            int dd = Math.min(Math.abs(m.from() - i), Math.abs(m.to() - i));
            if (dd < dist) {
                dist = dd;
                nearest = m;
            }
        }
        for (EventGroup g : events) {
            if (nearest != null && g.mentions().contains(nearest)) {
                return g;
            }
        }
        return null;
    }

    private static boolean generic(AgreementKind k) {
        return k == AgreementKind.DEAL || k == AgreementKind.AGREEMENT || k == AgreementKind.MERGER;
    }

    private static boolean overlaps(Set<String> a, List<String> b) {
        for (String w : b) {
            if (a.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharesProper(AgreementFinding f, List<String> mods, Set<String> placeWords) {
        for (String w : mods) {
            if (f.modifiers.contains(w) && (placeWords.contains(w) || Character.isDigit(w.charAt(0)) || w.length() > 3)) {
                return true;
            }
        }
        for (String w : placeWords) {
            if (f.modifiers.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAll(String name, List<String> mods) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String m : mods) {
            if (!n.contains(m)) {
                return false;
            }
        }
        return true;
    }

    private static AgreementFinding matchNamed(List<AgreementFinding> found, String name, List<String> mods) {
        String key = name.toLowerCase(Locale.ROOT);
        for (AgreementFinding f : found) {
            if (f.name != null && f.name.equalsIgnoreCase(name)) {
                return f;
            }
        }
        for (AgreementFinding f : found) {
            if (f.named || f.modifiers.isEmpty()) {
                continue;
            }
            boolean all = true;
            int content = 0;
            for (String m : f.modifiers) {
                if (m.length() > 3) {
                    content++;
                    all &= key.contains(m);
                }
            }
            if (all && content > 0) {
                return f;
            }
        }
        return null;
    }

    private static boolean modifierToken(Token t) {
        String s = t.text();
        if (s.equals("-")) {
            return true;
        }
        if (!t.isWord()) {
            return false;
        }
        return true;
    }

    /** Does an agreement noun start at {@code k} or right after one modifier word ("trade agreement")? */
    private boolean compoundHead(List<Token> toks, int k) {
        if (k < toks.size() && nounAt(toks, k) != null && !toks.get(k).capitalized()) {
            return true;
        }
        return k + 1 < toks.size() && modifierToken(toks.get(k)) && !toks.get(k).capitalized() && nounAt(toks, k) == null
                && nounAt(toks, k + 1) != null && !toks.get(k + 1).capitalized();
    }

    private Noun nounAt(List<Token> toks, int i) {
        List<Noun> l = nouns.get(toks.get(i).norm());
        if (l == null) {
            return null;
        }
        for (Noun n : l) {
            if (i + n.tokens().length > toks.size()) {
                continue;
            }
            boolean ok = true;
            for (int k = 0; k < n.tokens().length; k++) {
                if (!toks.get(i + k).norm().equals(n.tokens()[k])) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return n;
            }
        }
        return null;
    }

    private static Set<String> placeWords(Sentence s, ActorAnalysis actors) {
        Set<String> out = new java.util.HashSet<>();
        List<Token> toks = s.tokens();
        for (int i = 0; i + 1 < toks.size(); i++) {
            String w = toks.get(i).norm();
            if ((w.equals("in") || w.equals("at")) && toks.get(i + 1).capitalized()) {
                boolean actor = false;
                for (ActorMention m : actors.inSentence(s.index())) {
                    if (m.from() == i + 1 && m.use() != ActorMention.Use.PLACE) {
                        actor = true;
                    }
                }
                if (!actor) {
                    out.add(toks.get(i + 1).norm());
                }
            }
        }
        return out;
    }

    /**
     * Who brokered it: "a Russian-brokered ceasefire", "brokered by Qatar with help from Egypt and the United States",
     * "mediated by", "hosted by", "with the help of": every actor named from such words to the next comma.
     */
    private static void mediators(Sentence s, ActorAnalysis actors, AgreementFinding f) {
        List<Token> toks = s.tokens();
        List<ActorMention> here = actors.inSentence(s.index());
        for (ActorMention m : here) {
            int after = m.to();
            if (after + 1 < toks.size() && toks.get(after).norm().equals("-")
                    && (toks.get(after + 1).norm().equals("brokered") || toks.get(after + 1).norm().equals("mediated"))) {
                f.mediators.add(m.actor());
            }
        }
        for (int k = 0; k + 1 < toks.size(); k++) {
            String w = toks.get(k).norm();
            String next = toks.get(k + 1).norm();
            boolean marker = (MEDIATING.contains(w) && next.equals("by"))
                    || (w.equals("help") && (next.equals("from") || next.equals("of")))
                    || (w.equals("mediation") && (next.equals("from") || next.equals("of") || next.equals("by")));
            if (!marker) {
                continue;
            }
            int end = k + 2;
            while (end < toks.size() && end < k + 12 && !toks.get(end).text().equals(",") && !toks.get(end).text().equals(".")) {
                end++;
            }
            for (ActorMention m : here) {
                if (m.from() >= k + 2 && m.to() <= end) {
                    f.mediators.add(m.actor());
                }
            }
        }
    }

    private void finish(AnalyzedText text, ActorAnalysis actors, AgreementFinding f) {
        if (f.signing != null) {
            // "Israel and Hamas agreed ...": who acts in the signing, whatever their kind, when they are two sides
            List<ActorEntity> acting = new ArrayList<>();
            for (ActorEntity a : f.signing.agents()) {
                if (!f.mediators.contains(a) && a.kind() != ActorKind.PERSON) {
                    acting.add(a);
                }
            }
            if (acting.size() >= 2) {
                f.parties.addAll(acting);
            }
        }
        if (f.signing != null && f.parties.size() < 2) {
            // companies sign company deals; countries sign the rest
            int orgs = 0;
            for (ActorEntity a : f.signing.participants()) {
                if (a.kind() == ActorKind.ORGANIZATION && a.affiliation() == null && !f.mediators.contains(a)) {
                    orgs++;
                }
            }
            ActorKind partyKind = orgs >= 2 ? ActorKind.ORGANIZATION : ActorKind.COUNTRY;
            for (ActorEntity a : f.signing.participants()) {
                if (a.kind() == partyKind && (partyKind == ActorKind.COUNTRY || a.affiliation() == null) && !f.mediators.contains(a)
                        && !(partyKind == ActorKind.COUNTRY && onlyDemonym(a, f))) {
                    f.parties.add(a);
                }
            }
        }
        if (f.parties.size() < 2) {
            ActorKind kind = f.kind == AgreementKind.MERGER || f.kind == AgreementKind.DEAL && hasOrgs(f)
                    ? ActorKind.ORGANIZATION : ActorKind.COUNTRY;
            for (ActorEntity a : actors.top(kind, 3)) {
                if (f.parties.size() >= 2) {
                    break;
                }
                if (!f.mediators.contains(a)) {
                    f.parties.add(a);
                }
            }
        }
        if (f.name == null) {
            List<String> names = new ArrayList<>();
            for (ActorEntity a : f.parties) {
                names.add(a.name());
            }
            String noun = f.kind.apiName();
            f.name = names.size() >= 2 ? names.get(0) + "-" + names.get(1) + " " + noun : capitalize(noun);
        }
        for (Integer si : f.sentences) {
            Sentence s = text.sentences().get(si);
            String sentence = text.text().substring(s.start(), s.end());
            for (ClauseRule r : clauseRules) {
                Matcher m = r.pattern().matcher(sentence);
                while (m.find()) {
                    String c = m.group(1).strip();
                    if (!c.isEmpty()) {
                        f.clauses.add(c);
                    }
                }
            }
        }
    }

    /** "its Italian business", "the British telecoms group": a country named only by its adjective signs nothing. */
    private static boolean onlyDemonym(ActorEntity a, AgreementFinding f) {
        for (ActorMention m : a.mentions()) {
            if (f.sentences.contains(m.sentence()) && m.use() != ActorMention.Use.DEMONYM) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasOrgs(AgreementFinding f) {
        if (f.signing == null) {
            return false;
        }
        for (ActorEntity a : f.signing.participants()) {
            if (a.kind() == ActorKind.ORGANIZATION) {
                return true;
            }
        }
        return false;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
