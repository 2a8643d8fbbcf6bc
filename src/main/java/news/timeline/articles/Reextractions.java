package news.timeline.articles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.actors.ActorService;
import news.timeline.agreements.AgreementService;
import news.timeline.changes.ChangeLog;
import news.timeline.changes.Withdrawal;
import news.timeline.changes.TransientAborts;
import news.timeline.changes.WriteLocks;
import news.timeline.config.ExtractionSetup;
import news.timeline.events.EventService;
import news.timeline.events.EventView;
import news.timeline.events.SourceInput;
import news.timeline.extraction.ArticleInput;
import news.timeline.extraction.ExtractedActor;
import news.timeline.extraction.ExtractedAgreement;
import news.timeline.extraction.ExtractedEvent;
import news.timeline.extraction.ExtractionResult;
import news.timeline.extraction.SourceSpan;
import news.timeline.extraction.temporal.ReferenceTime;
import news.timeline.web.ApiProblem;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Re-extraction ({@code POST /api/v1/articles/{id}/reextract}): the current extractor reads the stored text again and
 * the article's facts are brought in line with what it finds, in one transaction, without overriding an editor.
 * <ul>
 * <li>An extracted event is paired with the stored event its quote came from (same span, else an overlapping one,
 * the same type first); one the article alone reports and no editor touched takes the new reading (type, title,
 * date, place, participants, agreement, confidence); one that other articles report too keeps its fields (one
 * article's new reading does not overrule the others'). Its sources from the article are brought up to date.</li>
 * <li>An extracted event with no such pair is stored as on submission: another article's event of the same
 * happening gains a source (a rejected one stays rejected), else a new event.</li>
 * <li>A stored event the extractor no longer finds loses the article's source, and is deleted when that was its last
 * one, unless an editor confirmed, rejected, created or edited it: then nothing about it changes.</li>
 * <li>Actors and agreements the article no longer names lose its sources and go as in a retraction.</li>
 * </ul>
 * Nothing is written when nothing would change, so a second run changes nothing. A dry run does all of it and rolls
 * it back, so its answer is exactly what a real run would do.
 */
@ApplicationScoped
class Reextractions {

    private static final Logger LOG = Logger.getLogger(Reextractions.class);

    private final ExtractionSetup extraction;
    private final ArticleService articleService;
    private final ArticleRepository articles;
    private final FactWriter facts;
    private final EventService events;
    private final ActorService actors;
    private final AgreementService agreements;
    private final ChangeLog changes;
    private final WriteLocks locks;
    private final Clock clock;

    Reextractions(ExtractionSetup extraction, ArticleService articleService, ArticleRepository articles, FactWriter facts,
                  EventService events, ActorService actors, AgreementService agreements, ChangeLog changes, WriteLocks locks) {
        this.extraction = extraction;
        this.articleService = articleService;
        this.articles = articles;
        this.facts = facts;
        this.events = events;
        this.actors = actors;
        this.agreements = agreements;
        this.changes = changes;
        this.locks = locks;
        this.clock = Clock.systemUTC();
    }

    /** The stored text and its publication time, read before extracting (outside the writing transaction). */
    private record Stored(String title, String body, String publishedAt) {
    }

    Reextraction reextract(UUID id, boolean dryRun) {
        ExtractionResult r = read(id);
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    Reextraction d = apply(id, r, dryRun);
                    if (dryRun) {
                        throw new RolledBack(d);
                    }
                    return d;
                });
            } catch (RolledBack done) {
                return done.answer;
            } catch (RuntimeException e) {
                // as a submission: a deadlock or serialization failure with a concurrent writer is run again
                if (attempt >= ArticleService.STORE_ATTEMPTS || !TransientAborts.isTransient(e)) {
                    throw e;
                }
                LOG.infof("re-extraction of %s run again (attempt %d of %d): PostgreSQL aborted it for a concurrent write",
                        id, attempt + 1, ArticleService.STORE_ATTEMPTS);
                TransientAborts.pause(attempt);
            }
        }
    }

    /** Leaves a dry run's transaction by rolling it back, carrying out the answer. */
    private static final class RolledBack extends RuntimeException {
        private final transient Reextraction answer;

        RolledBack(Reextraction answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    /** The current extractor's reading of the stored article, outside any transaction; 404 when there is none. */
    ExtractionResult read(UUID id) {
        Stored s = QuarkusTransaction.requiringNew().call(() -> articles.findByIdOptional(id)
                .map(a -> new Stored(a.title, a.body, a.publishedAtText))
                .orElseThrow(() -> ApiProblem.notFound("article", id.toString())));
        ReferenceTime reference = s.publishedAt() == null ? null : ReferenceTime.parse(s.publishedAt());
        return extraction.extractor().extract(ArticleInput.text(s.title(), s.body(), reference), articleService.knownActors());
    }

    /** Inside the caller's transaction: brings the article's facts in line with {@code r}. */
    Reextraction apply(UUID id, ExtractionResult r, boolean dryRun) {
        ArticleEntity a = articles.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("article", id.toString()));
        // the same locks as a submission or a retraction of this article
        locks.lock("article:" + a.contentHash);
        if (a.url != null) {
            locks.lock("url:" + a.url);
        }
        // then the submission's lock order: actors' names, agreements', happenings', each sorted (ArticleService#store)
        facts.lockInOrder(r.actors().stream().map(FactWriter::actorLockKey).toList());
        facts.lockInOrder(r.agreements().stream().map(g -> AgreementService.nameLockKey(g.name())).toList());
        String versionBefore = a.extractorVersion;
        List<UUID> eventsBefore = articles.eventIdsOf(id);
        Map<UUID, EventView> before = byId(events.views(eventsBefore));
        List<UUID> actorsBefore = articles.actorIdsOf(id);
        List<UUID> agreementsBefore = articles.agreementIdsOf(id);
        boolean changed = false;

        TextOffsets offsets = new TextOffsets(r.text());
        String version = r.extractorVersion();
        Map<String, UUID> actorIds = new LinkedHashMap<>();
        List<Object[]> actorSources = new ArrayList<>();
        for (ExtractedActor x : r.actors()) {
            UUID actor = facts.resolveActor(x);
            actorIds.put(x.key(), actor);
            for (SourceSpan m : x.mentions()) {
                actorSources.add(new Object[]{actor, m});
            }
        }
        changed |= replaceSources("actor_sources", "actor_id", id, actorSources, offsets, version);
        for (ExtractedActor x : r.actors()) {
            if (x.affiliationKey() != null && actorIds.containsKey(x.affiliationKey())) {
                facts.affiliate(actorIds.get(x.key()), actorIds.get(x.affiliationKey()), x.role());
            }
        }
        Map<String, UUID> agreementIds = new HashMap<>();
        List<Object[]> agreementSources = new ArrayList<>();
        for (ExtractedAgreement g : r.agreements()) {
            List<UUID> parties = g.partyKeys().stream().filter(actorIds::containsKey).map(actorIds::get).distinct().toList();
            UUID agreement = facts.resolveAgreement(g, parties);
            agreementIds.put(g.key(), agreement);
            for (SourceSpan m : g.mentions()) {
                agreementSources.add(new Object[]{agreement, m});
            }
        }
        changed |= replaceSources("agreement_sources", "agreement_id", id, agreementSources, offsets, version);

        List<EventService.StoredSource> stored = events.sourcesOfArticle(id);
        Set<UUID> reported = new LinkedHashSet<>();
        facts.lockInOrder(r.events().stream().map(e -> FactWriter.eventLockKey(e, e.participants().stream()
                .filter(x -> actorIds.containsKey(x.actorKey())).map(x -> actorIds.get(x.actorKey())).distinct().toList())).toList());
        for (ExtractedEvent e : r.events()) {
            List<UUID> participants = e.participants().stream().filter(x -> actorIds.containsKey(x.actorKey()))
                    .map(x -> actorIds.get(x.actorKey())).distinct().toList();
            Map<UUID, String> roles = new HashMap<>();
            e.participants().stream().filter(x -> actorIds.containsKey(x.actorKey()))
                    .forEach(x -> roles.putIfAbsent(actorIds.get(x.actorKey()), x.role()));
            UUID agreementId = e.agreementKey() == null ? null : agreementIds.get(e.agreementKey());
            List<SourceInput> sources = e.sources().stream().map(x -> new SourceInput(id, a.url, x.quote(),
                    offsets.toCodePoints(x.start()), offsets.toCodePoints(x.end()), x.ruleId(), version)).toList();
            UUID pair = pairOf(e, sources, stored, before, reported);
            if (pair != null) {
                reported.add(pair);
                if (events.onlySourcedBy(pair, id)) {
                    changed |= events.reviseExtracted(pair, FactWriter.eventInput(e, participants, roles, agreementId, sources));
                }
                changed |= events.replaceArticleSources(pair, id, sources);
            } else {
                UUID event = facts.resolveEvent(e, participants, roles, agreementId, sources);
                // the reading joined stored events through a merge that took one of the article's events along: the
                // target now holds that event's older sources of this article too, which this reading replaces, as a
                // pair's are (so that a second run finds nothing to change)
                if (!reported.contains(event) && !events.existing(before.keySet()).containsAll(before.keySet())) {
                    changed |= events.replaceArticleSources(event, id, sources);
                }
                changed |= !before.containsKey(event);
                reported.add(event);
            }
        }
        List<Retraction.Kept> kept = new ArrayList<>();
        // an event of the article that a new reading merged into another (automatic de-duplication through the event
        // merge) went with its sources: it is neither dropped nor kept, and the merge is a change
        Set<UUID> present = events.existing(eventsBefore);
        changed |= present.size() < new HashSet<>(eventsBefore).size();
        for (UUID gone : eventsBefore) {
            if (!reported.contains(gone) && present.contains(gone)) {
                String outcome = events.dropArticle(gone, id);
                if (outcome.equals("deleted") || outcome.equals("updated")) {
                    changed = true;
                } else {
                    kept.add(new Retraction.Kept("event", gone, outcome));
                }
            }
        }

        Set<UUID> agreementsNow = new HashSet<>(agreementIds.values());
        Withdrawal ag = agreements.unsourced(agreementsBefore.stream().filter(x -> !agreementsNow.contains(x)).toList());
        ag.kept().forEach((k, why) -> kept.add(new Retraction.Kept("agreement", k, why)));
        Set<UUID> agreementsInUse = events.agreementsReferred(ag.deleted());
        List<UUID> agreementsGone = ag.deleted().stream().filter(x -> !agreementsInUse.contains(x)).toList();
        agreementsInUse.forEach(x -> kept.add(new Retraction.Kept("agreement", x, "in use")));
        agreements.deleteWithdrawn(agreementsGone);

        Set<UUID> actorsNow = new HashSet<>(actorIds.values());
        Withdrawal ac = actors.unsourced(actorsBefore.stream().filter(x -> !actorsNow.contains(x)).toList());
        ac.kept().forEach((k, why) -> kept.add(new Retraction.Kept("actor", k, why)));
        Set<UUID> actorsInUse = new HashSet<>(events.actorsTakingPart(ac.deleted()));
        actorsInUse.addAll(agreements.partiesAmong(ac.deleted()));
        List<UUID> rest = ac.deleted().stream().filter(x -> !actorsInUse.contains(x)).toList();
        actorsInUse.addAll(actors.affiliationTargetsOfOthers(rest));
        List<UUID> actorsGone = ac.deleted().stream().filter(x -> !actorsInUse.contains(x)).toList();
        actorsInUse.forEach(x -> kept.add(new Retraction.Kept("actor", x, "in use")));
        actors.deleteWithdrawn(actorsGone);

        if (changed || !Objects.equals(versionBefore, version)) {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            a.extractorVersion = version;
            a.updatedAt = now;
            changes.record(ChangeLog.Entity.ARTICLE, id, ChangeLog.Action.UPDATED, now);
        }
        articles.flush();

        List<UUID> eventsAfter = articles.eventIdsOf(id);
        Map<UUID, EventView> after = byId(events.views(eventsAfter));
        List<EventView> added = new ArrayList<>();
        List<Reextraction.Changed> revised = new ArrayList<>();
        for (EventView v : after.values()) {
            EventView was = before.get(v.id());
            if (was == null) {
                added.add(v);
            } else if (!comparable(was).equals(comparable(v))) {
                revised.add(new Reextraction.Changed(v.id(), was, v));
            }
        }
        Set<UUID> stillThere = new HashSet<>(events.existing(before.keySet()));
        List<Reextraction.Removed> removed = new ArrayList<>();
        for (EventView v : before.values()) {
            if (!after.containsKey(v.id())) {
                removed.add(new Reextraction.Removed(v.id(), !stillThere.contains(v.id()), v));
            }
        }
        return new Reextraction(id, dryRun, versionBefore, version, new Reextraction.Events(added, removed, revised),
                difference(actorsBefore, articles.actorIdsOf(id), actorsGone),
                difference(agreementsBefore, articles.agreementIdsOf(id), agreementsGone), kept);
    }

    /**
     * The stored event this extracted event was read from before: one of the article's sources with the same span
     * and type, else the same span, else an overlapping span and the same type; each stored event pairs once.
     */
    private static UUID pairOf(ExtractedEvent e, List<SourceInput> spans, List<EventService.StoredSource> stored,
                               Map<UUID, EventView> before, Set<UUID> taken) {
        String type = e.type().apiName();
        for (int pass = 0; pass < 3; pass++) {
            for (SourceInput w : spans) {
                for (EventService.StoredSource s : stored) {
                    if (taken.contains(s.eventId()) || !before.containsKey(s.eventId())) {
                        continue;
                    }
                    boolean sameSpan = Objects.equals(s.start(), w.start()) && Objects.equals(s.end(), w.end());
                    boolean overlap = s.start() != null && s.end() != null && w.start() != null && w.end() != null
                            && s.start() < w.end() && w.start() < s.end();
                    boolean sameType = type.equals(before.get(s.eventId()).type());
                    boolean fits = switch (pass) {
                        case 0 -> sameSpan && sameType;
                        case 1 -> sameSpan;
                        default -> overlap && sameType;
                    };
                    if (fits) {
                        return s.eventId();
                    }
                }
            }
        }
        return null;
    }

    /**
     * Makes the article's rows in {@code table} those of {@code wanted} ({fact id, mention}); nothing is written when
     * they already are. Answers whether anything changed.
     */
    private boolean replaceSources(String table, String factColumn, UUID articleId, List<Object[]> wanted, TextOffsets offsets,
                                   String version) {
        List<String> now = articles.sourceLines(table, factColumn, articleId);
        List<String> then = wanted.stream().map(w -> {
            SourceSpan m = (SourceSpan) w[1];
            return String.join("\u001f", String.valueOf(w[0]), String.valueOf(offsets.toCodePoints(m.start())),
                    String.valueOf(offsets.toCodePoints(m.end())), String.valueOf(m.ruleId()), String.valueOf(version),
                    String.valueOf(m.quote()));
        }).sorted().toList();
        if (now.equals(then)) {
            return false;
        }
        articles.deleteSources(table, articleId);
        for (Object[] w : wanted) {
            SourceSpan m = (SourceSpan) w[1];
            int start = offsets.toCodePoints(m.start());
            int end = offsets.toCodePoints(m.end());
            if (table.equals("actor_sources")) {
                articles.addActorSource((UUID) w[0], articleId, m.quote(), start, end, m.ruleId(), version);
            } else {
                articles.addAgreementSource((UUID) w[0], articleId, m.quote(), start, end, m.ruleId(), version);
            }
        }
        return true;
    }

    private static Reextraction.Facts difference(List<UUID> before, List<UUID> after, List<UUID> deleted) {
        Set<UUID> b = new HashSet<>(before);
        Set<UUID> n = new HashSet<>(after);
        return new Reextraction.Facts(after.stream().filter(x -> !b.contains(x)).toList(),
                before.stream().filter(x -> !n.contains(x)).toList(), deleted);
    }

    private static Map<UUID, EventView> byId(List<EventView> views) {
        Map<UUID, EventView> out = new LinkedHashMap<>();
        views.forEach(v -> out.put(v.id(), v));
        return out;
    }

    /** What a reader sees of an event, without the times it was written at. */
    private static EventView comparable(EventView v) {
        return new EventView(v.id(), v.type(), v.title(), v.summary(), v.date(), v.endDate(), v.place(), v.participants(),
                v.agreement(), v.sources(), v.confidence(), v.status(), v.externalId(), null, null);
    }
}
