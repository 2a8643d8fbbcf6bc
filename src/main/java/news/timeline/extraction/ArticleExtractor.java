package news.timeline.extraction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.timeline.extraction.actors.ActorAnalysis;
import news.timeline.extraction.actors.ActorEntity;
import news.timeline.extraction.actors.ActorMention;
import news.timeline.extraction.actors.ActorRecognizer;
import news.timeline.extraction.actors.Gazetteer;
import news.timeline.extraction.agreements.AgreementExtractor;
import news.timeline.extraction.agreements.AgreementFinding;
import news.timeline.extraction.events.EventExtractor;
import news.timeline.extraction.events.EventGroup;
import news.timeline.extraction.events.EventMention;
import news.timeline.extraction.events.ParseFrames;
import news.timeline.extraction.events.TriggerLexicon;
import news.timeline.extraction.language.Nlp4jLanguageLayer;
import news.timeline.extraction.temporal.ReferenceTime;
import news.timeline.extraction.temporal.RuleBasedTimexTagger;
import news.timeline.extraction.temporal.Timex;
import news.timeline.extraction.temporal.TimexTagger;
import news.timeline.extraction.text.AnalyzedText;
import news.timeline.extraction.text.CleanedText;
import news.timeline.extraction.text.HtmlArticleText;
import news.timeline.extraction.text.LanguageLayer;
import news.timeline.extraction.text.TextAnalyzer;
import news.timeline.extraction.text.TextCleaner;

/**
 * The extraction pipeline of one article: cleaning, sentences and tokens, time expressions, actors, events,
 * agreements. Build it once ({@link #english}) and share it: it is thread-safe and never throws on bad input
 * (problems become {@link ExtractionResult#warnings()}).
 */
public final class ArticleExtractor {

    /** Stored with every extracted fact. */
    public static final String VERSION = "timeline-extraction-en/0.2.0";

    /** Longer inputs are cut here (the web layer caps bodies well below); offsets stay valid. */
    static final int MAX_CHARS = 1_000_000;

    private final TextCleaner cleaner;
    private final TextAnalyzer analyzer;
    private final LanguageLayer language;
    private final TimexTagger tagger;
    private final ActorRecognizer actors;
    private final EventExtractor events;
    private final ParseFrames frames;
    private final AgreementExtractor agreements;
    private final Clock clock;

    public ArticleExtractor(TimexTagger tagger, LanguageLayer language, Clock clock) {
        this.cleaner = TextCleaner.english();
        this.analyzer = TextAnalyzer.english();
        this.language = language;
        this.tagger = tagger;
        this.actors = new ActorRecognizer(Gazetteer.english(analyzer));
        TriggerLexicon lexicon = TriggerLexicon.english();
        this.events = new EventExtractor(lexicon);
        this.frames = ParseFrames.english(lexicon);
        this.agreements = AgreementExtractor.english();
        this.clock = clock;
    }

    private ArticleExtractor(ArticleExtractor rules, LanguageLayer language) {
        this.cleaner = rules.cleaner;
        this.analyzer = rules.analyzer;
        this.language = language;
        this.tagger = rules.tagger;
        this.actors = rules.actors;
        this.events = rules.events;
        this.frames = rules.frames;
        this.agreements = rules.agreements;
        this.clock = rules.clock;
    }

    /**
     * English pipeline with the rule-based time tagger, the NLP4J language layer of this JVM (loaded on first use,
     * ~45 s and ~2 GB of heap) and the system clock (used only when no date is given).
     */
    public static ArticleExtractor english() {
        return new ArticleExtractor(RuleBasedTimexTagger.english(), Nlp4jLanguageLayer.shared(), Clock.systemUTC());
    }

    /** The same pipeline, sharing its rules and lexicons, over another language layer. */
    public ArticleExtractor withLanguage(LanguageLayer other) {
        return new ArticleExtractor(this, other);
    }

    /** The language layer's id ({@code nlp4j-en/1.1.3}), part of what produced every fact. */
    public String languageLayer() {
        return language.id();
    }

    public ExtractionResult extract(ArticleInput input) {
        return extract(input, KnownActors.none());
    }

    public ExtractionResult extract(ArticleInput input, KnownActors known) {
        List<String> warnings = new ArrayList<>();
        String text = "";
        boolean fromHtml = false;
        String title = input == null ? null : input.title();
        try {
            if (input == null) {
                warnings.add("no article given");
                return empty(text, false, title, warnings);
            }
            if (input.body() == null && input.html() != null) {
                HtmlArticleText.Page page = HtmlArticleText.extract(cut(input.html(), MAX_CHARS * 4, warnings));
                text = page.text();
                fromHtml = true;
                if (title == null || title.isBlank()) {
                    title = page.title();
                }
            } else {
                text = input.body() == null ? "" : input.body();
            }
            text = cut(text, MAX_CHARS, warnings);
            if (text.isBlank()) {
                warnings.add("body is empty");
                return empty(text, fromHtml, title, warnings);
            }
            ReferenceTime reference = input.reference();
            if (reference == null) {
                reference = ReferenceTime.of(LocalDate.now(clock));
                warnings.add("no publication date: relative dates were resolved against the processing date");
            }
            return run(text, fromHtml, title, reference, known == null ? KnownActors.none() : known, warnings);
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add("extraction failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return empty(text, fromHtml, title, warnings);
        }
    }

    /**
     * Is a country that takes part in no event still one of the story's actors? When its name opens the story (the
     * headline or the first two sentences of prose) or recurs; a country named once further down ("expanded to include
     * Greece and Turkey in 1952", "waiting in the wings: Slovenia, Romania, ...") or only through a demonym ("U.S.
     * Trust", "Russian troops") is background.
     */
    private static boolean salientCountry(ActorEntity a, int leadEnd) {
        int named = 0;
        for (ActorMention m : a.mentions()) {
            if (m.use() == ActorMention.Use.NAME || m.use() == ActorMention.Use.METONYM) {
                if (m.start() < leadEnd) {
                    return true;
                }
                named++;
            }
        }
        return named >= 2;
    }

    /** The end of the story's lead: its headline and first two sentences of prose ({@link ActorRecognizer#lead}). */
    private static int leadEnd(AnalyzedText text) {
        List<news.timeline.extraction.text.Sentence> lead = ActorRecognizer.lead(text);
        return lead.size() == 2 ? lead.get(1).end() : Integer.MAX_VALUE;
    }

    /** Both sides of a meeting, a negotiation or an agreement take part alike; elsewhere the parse or the clause says who acts. */
    private static final java.util.Set<EventType> SYMMETRIC = java.util.EnumSet.of(EventType.MEETING, EventType.NEGOTIATION,
            EventType.AGREEMENT_SIGNED, EventType.AGREEMENT_OTHER);

    /**
     * The API role of an actor in an event: {@code initiator} for who acts (the subject, the agent of a passive),
     * {@code target} for whom it is done to (the object, the subject of a passive), {@code source} for an outlet in its
     * own report, else {@code participant}.
     */
    static String role(EventGroup g, ActorEntity a) {
        if (g.type() == EventType.REPORT && a.outlet()) {
            return "source";
        }
        if (SYMMETRIC.contains(g.type())) {
            return "participant";
        }
        if (g.agents().contains(a) && !g.patients().contains(a)) {
            return "initiator";
        }
        if (g.patients().contains(a) && !g.agents().contains(a)) {
            return "target";
        }
        return "participant";
    }

    private static String cut(String s, int max, List<String> warnings) {
        if (s.length() <= max) {
            return s;
        }
        warnings.add("text longer than " + max + " characters: only the beginning was analysed");
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private ExtractionResult empty(String text, boolean fromHtml, String title, List<String> warnings) {
        return new ExtractionResult(VERSION, text, fromHtml, title, List.of(), List.of(), List.of(), List.of(), List.of(), List.copyOf(warnings));
    }

    private ExtractionResult run(String text, boolean fromHtml, String title, ReferenceTime reference, KnownActors known,
                                 List<String> warnings) {
        CleanedText cleaned = cleaner.clean(text);
        List<SourceSpan> boilerplate = new ArrayList<>();
        for (CleanedText.Removal r : cleaned.removed()) {
            boilerplate.add(new SourceSpan(r.start(), r.end(), text.substring(r.start(), r.end()), r.ruleId()));
        }
        if (cleaned.onlyBoilerplate()) {
            warnings.add("body is only boilerplate");
            return new ExtractionResult(VERSION, text, fromHtml, title, List.of(), List.of(), List.of(), List.of(),
                    boilerplate, List.copyOf(warnings));
        }
        AnalyzedText analyzed = analyzer.analyze(cleaned);
        language.annotate(analyzed);
        long longSentences = analyzed.sentences().stream().filter(x -> x.tokens().size() > language.maxTokens()).count();
        if (longSentences > 0) {
            warnings.add(longSentences + " sentence(s) longer than " + language.maxTokens()
                    + " tokens: only their first " + language.maxTokens() + " tokens were parsed");
        }
        List<Timex> timexes = tagger.tag(cleaned.text(), reference);
        ActorAnalysis actorAnalysis = actors.recognize(analyzed, timexes, known, title);
        List<EventGroup> groups = events.extract(analyzed, timexes, actorAnalysis, reference, title);
        frames.extract(analyzed, timexes, actorAnalysis, reference, groups);
        List<AgreementFinding> found = agreements.extract(analyzed, actorAnalysis, groups);
        for (AgreementFinding f : found) {
            if (f.signing() != null) {
                if (f.signing().agreement() == null) {
                    f.signing().agreement(f);
                }
                for (ActorEntity p : f.parties()) {
                    f.signing().addParticipant(p);
                }
            }
        }
        // the same signing told again in the agreement's sentences ("signed a defence pact on Monday. The Reciprocal
        // Access Agreement was signed by ..."), with no date of its own: one event
        for (AgreementFinding f : found) {
            EventGroup g = f.signing();
            if (g == null) {
                continue;
            }
            List<EventGroup> retold = new ArrayList<>();
            for (EventGroup h : groups) {
                if (h != g && h.type() == g.type() && h.dateSource() != EventMention.DateSource.EXPLICIT
                        && (h.agreement() == null || h.agreement() == f)
                        && found.stream().noneMatch(other -> other.signing() == h)
                        && h.mentions().stream().allMatch(m -> f.sentences().contains(m.sentence().index()))) {
                    retold.add(h);
                }
            }
            for (EventGroup h : retold) {
                g.absorb(h);
                groups.remove(h);
            }
        }
        // an agreement's events are acted by its parties, not by who brokered it ("The deal, brokered by Qatar with
        // help from Egypt, is expected to take effect on Thursday")
        for (AgreementFinding f : found) {
            if (f.parties().size() < 2) {
                continue;
            }
            for (EventGroup g : groups) {
                boolean about = g == f.signing() || (!g.mentions().isEmpty()
                        && g.mentions().stream().allMatch(m -> f.sentences().contains(m.sentence().index())));
                if (about && g.type().family().equals("agreement")) {
                    g.actedByParties(f.parties());
                }
            }
        }
        // an event told only through its agreement ("The deal is expected to close") takes the agreement's parties
        for (AgreementFinding f : found) {
            for (EventGroup g : groups) {
                if (g.participants().isEmpty() && g.mentions().stream().anyMatch(m -> f.sentences().contains(m.sentence().index()))) {
                    for (ActorEntity p : f.parties()) {
                        g.addParticipant(p);
                    }
                }
            }
        }
        groups.removeIf(g -> g.participants().isEmpty());
        groups.sort(Comparator.comparing((EventGroup g) -> g.date().start())
                .thenComparingInt(g -> g.mentions().get(0).sentence().start()));

        // actors: those taking part in something; outlets only through their own reports
        Map<ActorEntity, String> keys = new IdentityHashMap<>();
        Map<String, Integer> used = new HashMap<>();
        List<ActorEntity> kept = new ArrayList<>();
        java.util.Set<ActorEntity> reporters = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (EventGroup g : groups) {
            if (g.type() == EventType.REPORT) {
                reporters.addAll(g.participants());
            }
        }
        java.util.Set<ActorEntity> participating = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (EventGroup g : groups) {
            participating.addAll(g.participants());
        }
        java.util.Set<ActorEntity> affiliations = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (ActorEntity a : participating) {
            for (ActorEntity aff = a.affiliation(); aff != null && affiliations.add(aff); aff = aff.affiliation()) {
                // the country or body a participant belongs to ("Hungarian Foreign Minister Janos Martonyi")
            }
        }
        int leadEnd = leadEnd(analyzed);
        for (ActorEntity a : actorAnalysis.actors()) {
            if ((a.salience() == 0 && !participating.contains(a)) || (a.outlet() && !reporters.contains(a))
                    || ((a.modelOnly() || a.description() || a.unnamed()) && !participating.contains(a))
                    || (a.kind() == ActorKind.COUNTRY && !participating.contains(a) && !affiliations.contains(a)
                        && !salientCountry(a, leadEnd))) {
                continue;
            }
            kept.add(a);
            String slug = a.slug();
            int n = used.merge(slug, 1, Integer::sum);
            keys.put(a, n == 1 ? slug : slug + "-" + n);
        }
        List<ExtractedActor> actorOut = new ArrayList<>();
        for (ActorEntity a : kept) {
            List<SourceSpan> spans = new ArrayList<>();
            for (ActorMention m : a.mentions()) {
                spans.add(new SourceSpan(m.start(), m.end(), text.substring(m.start(), m.end()), m.ruleId()));
            }
            ActorEntity aff = a.affiliation();
            actorOut.add(new ExtractedActor(keys.get(a), keys.get(a), a.name(), a.kind(), List.copyOf(a.aliases()),
                    aff == null ? null : keys.get(aff), a.role(), a.iso2(), a.knownId(), spans, a.ruleId()));
        }
        Map<AgreementFinding, String> agreementKeys = new LinkedHashMap<>();
        int ak = 0;
        for (AgreementFinding f : found) {
            agreementKeys.put(f, "a" + (++ak));
        }
        Map<EventGroup, String> eventKeys = new IdentityHashMap<>();
        List<ExtractedEvent> eventOut = new ArrayList<>();
        int ek = 0;
        for (EventGroup g : groups) {
            String key = "e" + (++ek);
            eventKeys.put(g, key);
            List<Participant> parts = new ArrayList<>();
            for (ActorEntity a : g.participants()) {
                String k = keys.get(a);
                if (k != null) {
                    parts.add(new Participant(k, role(g, a)));
                }
            }
            List<SourceSpan> sources = new ArrayList<>();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (EventMention m : g.mentions()) {
                if (seen.add(m.sentence().index())) {
                    int s = m.sentence().start();
                    int e = m.sentence().end();
                    sources.add(new SourceSpan(s, e, text.substring(s, e), m.rule().id()));
                }
            }
            String agreementKey = g.agreement() instanceof AgreementFinding f ? agreementKeys.get(f) : null;
            eventOut.add(new ExtractedEvent(key, g.type(), events.title(g), EventExtractor.heldAt(g.date()), g.dateRule(), g.place(), parts,
                    agreementKey, sources, g.confidence(), g.planned(), g.mentions().get(0).rule().id()));
        }
        List<ExtractedAgreement> agreementOut = new ArrayList<>();
        for (AgreementFinding f : found) {
            List<String> parties = new ArrayList<>();
            for (ActorEntity p : f.parties()) {
                if (keys.get(p) != null) {
                    parties.add(keys.get(p));
                }
            }
            EventGroup s = f.signing();
            agreementOut.add(new ExtractedAgreement(agreementKeys.get(f), f.name(), f.kind(), List.copyOf(f.aliases()),
                    parties, s == null ? null : s.date(), List.copyOf(f.clauses()), s == null ? null : eventKeys.get(s),
                    List.copyOf(f.mentions()), f.ruleId()));
        }
        return new ExtractionResult(VERSION, text, fromHtml, title, eventOut, actorOut, agreementOut, timexes,
                boilerplate, List.copyOf(warnings));
    }
}
