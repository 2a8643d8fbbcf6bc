package news.timeline.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import news.timeline.actors.AliasNormalizer;
import news.timeline.actors.AliasIndex;
import news.timeline.agreements.AgreementService;
import news.timeline.changes.ChangeLog;
import news.timeline.changes.TransientAborts;
import news.timeline.changes.WriteLocks;
import news.timeline.config.ExtractionSetup;
import news.timeline.events.SourceInput;
import news.timeline.extraction.ActorKind;
import news.timeline.extraction.ArticleInput;
import news.timeline.extraction.ExtractedActor;
import news.timeline.extraction.ExtractedAgreement;
import news.timeline.extraction.ExtractedEvent;
import news.timeline.extraction.ExtractionResult;
import news.timeline.extraction.KnownActors;
import news.timeline.extraction.SourceSpan;
import news.timeline.extraction.temporal.ReferenceTime;
import news.timeline.web.ApiProblem;
import news.timeline.web.Cursor;
import news.timeline.web.Page;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Article submission: validate, find a stored twin, extract, and store the article with every fact in one
 * transaction. Extraction runs before the transaction so that writers hold locks only while writing.
 */
@ApplicationScoped
public class ArticleService {

    private static final Logger LOG = Logger.getLogger(ArticleService.class);

    /** How often a submission's transaction runs when PostgreSQL keeps aborting it as a deadlock victim. */
    static final int STORE_ATTEMPTS = TransientAborts.ATTEMPTS;

    static final int MIN_PUBLICATION_YEAR = 1000;
    static final int MAX_PUBLICATION_YEAR = 2999;
    private static final String LIST_KIND = "ar";

    private final ExtractionSetup extraction;
    private final ArticleRepository articles;
    private final FactWriter facts;
    private final ArticleViews views;
    private final ChangeLog changes;
    private final WriteLocks locks;
    private final AliasIndex aliasIndex;
    private final Clock clock;
    private final Map<String, Object> inFlight = new ConcurrentHashMap<>();

    ArticleService(ExtractionSetup extraction, ArticleRepository articles, FactWriter facts, ArticleViews views,
                   ChangeLog changes, WriteLocks locks, AliasIndex aliasIndex) {
        this.extraction = extraction;
        this.articles = articles;
        this.facts = facts;
        this.views = views;
        this.changes = changes;
        this.locks = locks;
        this.aliasIndex = aliasIndex;
        this.clock = Clock.systemUTC();
    }

    /**
     * A validated submission, ready to extract: {@code in} carries publishedAt as it is taken (a local time with
     * its UTC offset added), {@code warnings} what the client should know about how it was read.
     */
    private record Prepared(ArticleSubmission in, ReferenceTime reference, String hash, String url, List<String> warnings) {
    }

    /** A reference time as it is taken, and the warning to answer when it was read in a way the client did not say. */
    private record Reference(ReferenceTime time, String text, String warning) {
    }

    public Submission submit(ArticleSubmission in, boolean dryRun) {
        Prepared p = prepare(in);
        if (dryRun) {
            return withWarnings(extractAndStore(p, true), p);
        }
        // Identical submissions arriving together queue behind the first instead of all extracting the same text;
        // the database locks in store() keep them correct across service instances as well.
        Object gate = inFlight.computeIfAbsent(p.hash(), k -> new Object());
        try {
            synchronized (gate) {
                return withWarnings(extractAndStore(p, false), p);
            }
        } finally {
            inFlight.remove(p.hash(), gate);
        }
    }

    /** The submission's own warnings, on the answers that used its publishedAt (not on a stored twin's). */
    private static Submission withWarnings(Submission s, Prepared p) {
        boolean used = s.created() || "preview".equals(s.response().article().status());
        return used && !p.warnings().isEmpty() ? new Submission(s.created(), s.response().withWarnings(p.warnings())) : s;
    }

    private Submission extractAndStore(Prepared p, boolean dryRun) {
        ArticleSubmission in = p.in();
        Optional<ArticleEntity> twin = articles.findByUrlOrHash(p.url(), p.hash());
        if (twin.isPresent()) {
            return new Submission(false, get(twin.get().id));
        }
        ExtractionResult result = extraction.extractor().extract(new ArticleInput(in.title(), in.body(), in.html(), p.reference()), knownActors());
        if (result.warnings().contains("body is only boilerplate") || result.text().isBlank()) {
            throw new ApiProblem(422, "no-article-text", "No article text",
                    "nothing but boilerplate (navigation, banners, captions...) was found; nothing was stored", List.of());
        }
        if (dryRun) {
            return new Submission(false, views.preview(result, in, p.reference()));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return store(p, result);
            } catch (RuntimeException e) {
                if (attempt < STORE_ATTEMPTS && TransientAborts.isTransient(e)) {
                    // a deadlock or serialization failure with a concurrent writer: the same transaction succeeds again
                    LOG.infof("submission %s stored again (attempt %d of %d): PostgreSQL aborted it for a concurrent write",
                            p.hash().substring(0, 12), attempt + 1, STORE_ATTEMPTS);
                    TransientAborts.pause(attempt);
                    continue;
                }
                if (e instanceof PersistenceException) {
                    // a concurrent submission of the same article won the race between our check and its commit
                    return articles.findByUrlOrHash(p.url(), p.hash()).map(a -> new Submission(false, get(a.id))).orElseThrow(() -> e);
                }
                throw e;
            }
        }
    }


    @Transactional
    Submission store(Prepared p, ExtractionResult r) {
        // writers of the same article (same text or URL) wait here until the first has committed
        locks.lock("article:" + p.hash());
        if (p.url() != null) {
            locks.lock("url:" + p.url());
        }
        Optional<ArticleEntity> twin = articles.findByUrlOrHash(p.url(), p.hash());
        if (twin.isPresent()) {
            return new Submission(false, stored(twin.get()));
        }
        Instant now = clock.instant();
        ArticleEntity article = new ArticleEntity();
        article.id = UUID.randomUUID();
        article.url = p.url();
        article.title = FactWriter.truncate(r.title(), 1000);
        article.source = p.in().source();
        article.publishedAtText = p.in().publishedAt().trim();
        article.publishedOn = p.reference().date();
        article.publishedAt = p.reference().time() == null ? null
                : LocalDateTime.of(p.reference().date(), p.reference().time())
                .toInstant(p.reference().offset() == null ? ZoneOffset.UTC : p.reference().offset());
        article.body = p.in().body() != null ? p.in().body() : r.text();
        article.contentHash = p.hash();
        article.status = "processed";
        article.extractorVersion = r.extractorVersion();
        article.createdAt = now;
        article.updatedAt = now;
        articles.persist(article);
        changes.record(ChangeLog.Entity.ARTICLE, article.id, ChangeLog.Action.CREATED, now);

        facts.lockInOrder(r.actors().stream().map(FactWriter::actorLockKey).toList());
        facts.lockInOrder(r.agreements().stream().map(g -> AgreementService.nameLockKey(g.name())).toList());
        TextOffsets offsets = new TextOffsets(r.text());
        Map<String, UUID> actors = new LinkedHashMap<>();
        for (ExtractedActor a : r.actors()) {
            UUID actor = facts.resolveActor(a);
            actors.put(a.key(), actor);
            for (SourceSpan m : a.mentions()) {
                articles.addActorSource(actor, article.id, m.quote(), offsets.toCodePoints(m.start()),
                        offsets.toCodePoints(m.end()), m.ruleId(), r.extractorVersion());
            }
        }
        for (ExtractedActor a : r.actors()) {
            if (a.affiliationKey() != null && actors.containsKey(a.affiliationKey())) {
                facts.affiliate(actors.get(a.key()), actors.get(a.affiliationKey()), a.role());
            }
        }
        Map<String, UUID> agreements = new HashMap<>();
        for (ExtractedAgreement g : r.agreements()) {
            List<UUID> parties = g.partyKeys().stream().filter(actors::containsKey).map(actors::get).distinct().toList();
            UUID agreement = facts.resolveAgreement(g, parties);
            agreements.put(g.key(), agreement);
            for (SourceSpan m : g.mentions()) {
                articles.addAgreementSource(agreement, article.id, m.quote(), offsets.toCodePoints(m.start()),
                        offsets.toCodePoints(m.end()), m.ruleId(), r.extractorVersion());
            }
        }
        List<UUID> events = new ArrayList<>();
        facts.lockInOrder(r.events().stream().map(e -> FactWriter.eventLockKey(e, participants(e, actors))).toList());
        for (ExtractedEvent e : r.events()) {
            List<UUID> participants = participants(e, actors);
            List<SourceInput> sources = e.sources().stream().map(s -> new SourceInput(article.id, p.url(), s.quote(),
                    offsets.toCodePoints(s.start()), offsets.toCodePoints(s.end()), s.ruleId(), r.extractorVersion())).toList();
            Map<UUID, String> roles = new HashMap<>();
            e.participants().stream().filter(x -> actors.containsKey(x.actorKey()))
                    .forEach(x -> roles.putIfAbsent(actors.get(x.actorKey()), x.role()));
            UUID event = facts.resolveEvent(e, participants, roles, e.agreementKey() == null ? null : agreements.get(e.agreementKey()), sources);
            if (!events.contains(event)) {
                events.add(event);
            }
        }
        articles.flush();
        return new Submission(true, views.stored(article, r, events, new ArrayList<>(actors.values()),
                new ArrayList<>(agreements.values())));
    }

    private static List<UUID> participants(ExtractedEvent e, Map<String, UUID> actors) {
        return e.participants().stream().filter(x -> actors.containsKey(x.actorKey())).map(x -> actors.get(x.actorKey())).distinct().toList();
    }

    /** The stored answer for an article, as on the day it was submitted. */
    @Transactional
    public ArticleResponse get(UUID id) {
        ArticleEntity a = articles.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("article", id.toString()));
        return stored(a);
    }

    /** As {@link #get}, with the stored text the answer's offsets count in (the review page highlights them). */
    @Transactional
    public ArticleResponse getWithText(UUID id) {
        ArticleEntity a = articles.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("article", id.toString()));
        return stored(a).withText(a.body);
    }

    private ArticleResponse stored(ArticleEntity a) {
        ReferenceTime reference = ReferenceTime.parse(a.publishedAtText);
        ExtractionResult r = extraction.light().extract(ArticleInput.text(a.title, a.body, reference), KnownActors.none());
        return views.stored(a, r, articles.eventIdsOf(a.id), articles.actorIdsOf(a.id), articles.agreementIdsOf(a.id));
    }

    /** One page of stored articles, newest first (created_at, id), with the filters of {@link ArticleQuery}. */
    @Transactional
    public Page<ArticleSummary> list(ArticleQuery query, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        String scope = query.scope();
        List<String> after = Cursor.decode(LIST_KIND, scope, cursor, 2);
        Instant afterCreated = null;
        UUID afterId = null;
        if (after != null) {
            try {
                afterCreated = Instant.parse(after.get(0));
                afterId = UUID.fromString(after.get(1));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
            }
        }
        List<UUID> ids = articles.pageIds(query, afterCreated, afterId, size + 1);
        boolean more = ids.size() > size;
        List<UUID> shown = more ? ids.subList(0, size) : ids;
        Map<UUID, ArticleEntity> byId = new HashMap<>();
        articles.byIds(shown).forEach(a -> byId.put(a.id, a));
        Map<UUID, Long> events = articles.factCounts("event_sources", "event_id", shown);
        Map<UUID, Long> actors = articles.factCounts("actor_sources", "actor_id", shown);
        Map<UUID, Long> agreements = articles.factCounts("agreement_sources", "agreement_id", shown);
        List<ArticleSummary> items = new ArrayList<>();
        for (UUID id : shown) {
            ArticleEntity a = byId.get(id);
            if (a != null) {
                items.add(new ArticleSummary(a.id, a.title, a.publishedAtText, a.url, host(a.url), a.source, a.status,
                        a.extractorVersion, a.createdAt, a.updatedAt, events.getOrDefault(id, 0L), actors.getOrDefault(id, 0L),
                        agreements.getOrDefault(id, 0L)));
            }
        }
        String next = null;
        if (more && !items.isEmpty()) {
            ArticleSummary last = items.get(items.size() - 1);
            next = Cursor.encode(LIST_KIND, scope, List.of(last.createdAt().toString(), last.id().toString()));
        }
        return new Page<>(items, next);
    }

    /** The titles of the given stored articles (those without a title or not stored are left out). */
    @Transactional
    public Map<UUID, String> titles(java.util.Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        articles.byIds(ids).stream().filter(a -> a.title != null).forEach(a -> out.put(a.id, a.title));
        return out;
    }

    /** The host of a URL in lower case, as the list's {@code host} filter compares it; null without a URL. */
    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? null : h.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code POST /api/v1/analyze}: everything found in any text, nothing stored. */
    public ArticleResponse analyze(AnalyzeRequest in) {
        Reference reference = referenceTime("referenceDate", in.referenceDate(), false);
        TextChecks.requireText("text", in.text());
        ExtractionResult r = extraction.extractor().extract(ArticleInput.text(null, in.text(), reference.time()), knownActors());
        ArticleResponse answer = views.preview(r, null, reference.time());
        return reference.warning() == null ? answer : answer.withWarnings(List.of(reference.warning()));
    }

    private Prepared prepare(ArticleSubmission in) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        boolean hasBody = in.body() != null && !in.body().isBlank();
        boolean hasHtml = in.html() != null && !in.html().isBlank();
        if (!hasBody && !hasHtml) {
            errors.add(new ApiProblem.FieldError(in.body() != null ? "body" : in.html() != null ? "html" : "body",
                    "an article needs a non-blank body (plain text) or html (a whole page)"));
        } else if (hasBody && hasHtml) {
            errors.add(new ApiProblem.FieldError("html", "give body or html, not both"));
        }
        Reference reference = null;
        try {
            reference = referenceTime("publishedAt", in.publishedAt(), true);
        } catch (ApiProblem e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        String text = hasBody ? in.body() : in.html();
        TextChecks.requireText(hasBody ? "body" : "html", text);
        String url = in.url() == null || in.url().isBlank() ? null : in.url().strip();
        ArticleSubmission taken = new ArticleSubmission(in.title(), in.body(), in.html(), reference.text(), in.url(), in.source());
        return new Prepared(taken, reference.time(), contentHash(text), url,
                reference.warning() == null ? List.of() : List.of(reference.warning()));
    }

    /**
     * Reads a reference time. A local date-time without offset ({@code 2024-09-14T09:45}) is taken as UTC, with a
     * warning saying so: refusing it would fail feeds that give local times, and the day, which is all extraction
     * uses, is the same in most zones. A publication year outside 1000-2999 is a typo or a placeholder
     * ({@code 0000-01-01}), not a date relative dates could resolve against.
     */
    private static Reference referenceTime(String field, String value, boolean publication) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, "is required: relative dates (\"on Friday\", \"last year\") resolve against it");
        }
        ReferenceTime t;
        try {
            t = ReferenceTime.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, "must be a date (2024-09-14) or a timestamp with offset (2024-09-14T09:45:00+10:00): "
                    + e.getMessage());
        }
        if (publication && (t.date().getYear() < MIN_PUBLICATION_YEAR || t.date().getYear() > MAX_PUBLICATION_YEAR)) {
            throw ApiProblem.invalid(field, "must be a date between the years " + MIN_PUBLICATION_YEAR + " and "
                    + MAX_PUBLICATION_YEAR + ", not " + t.date());
        }
        String text = value.trim();
        if (t.time() != null && t.offset() == null) {
            String utc = text + "Z";
            return new Reference(new ReferenceTime(t.date(), t.time(), ZoneOffset.UTC), utc,
                    field + " '" + text + "' has no offset; it was taken as UTC (" + utc + ")");
        }
        return new Reference(t, text, null);
    }

    /** Same text up to Unicode form, case of nothing, and spacing: the same article. */
    static String contentHash(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Aliases already in the database, from the in-memory index brought up to date once per article. */
    KnownActors knownActors() {
        aliasIndex.refresh();
        return alias -> aliasIndex.first(AliasNormalizer.normalize(alias)).map(a -> new KnownActors.KnownActor(a.id().toString(),
                a.slug(), a.name(), ActorKind.valueOf(a.kind().toUpperCase(java.util.Locale.ROOT))));
    }
}
