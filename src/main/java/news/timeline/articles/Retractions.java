package news.timeline.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.timeline.actors.ActorService;
import news.timeline.agreements.AgreementService;
import news.timeline.changes.ChangeLog;
import news.timeline.changes.RetriedOnAbort;
import news.timeline.changes.WriteLocks;
import news.timeline.changes.Withdrawal;
import news.timeline.events.EventService;
import news.timeline.web.ApiProblem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Retracting an article ({@code DELETE /api/v1/articles/{id}}), in one transaction: its sources go from every
 * event, actor and agreement; a fact left without a source goes too, unless an editor confirmed, rejected, created
 * or edited it, or a fact that stays refers to it (an event's agreement, a participant, a party, the country a
 * kept person acts for). Events go first, then agreements, then actors, so "refers to" is judged on what stays.
 * The article row goes last; submitting the same text again is a first submission.
 */
@ApplicationScoped
@RetriedOnAbort
class Retractions {

    private final ArticleRepository articles;
    private final EventService events;
    private final ActorService actors;
    private final AgreementService agreements;
    private final ChangeLog changes;
    private final WriteLocks locks;
    private final Clock clock;

    Retractions(ArticleRepository articles, EventService events, ActorService actors, AgreementService agreements,
                ChangeLog changes, WriteLocks locks) {
        this.articles = articles;
        this.events = events;
        this.actors = actors;
        this.agreements = agreements;
        this.changes = changes;
        this.locks = locks;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    Retraction retract(UUID id) {
        ArticleEntity a = articles.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("article", id.toString()));
        // the same locks as a submission of this article and a re-extraction of it: they wait for each other
        locks.lock("article:" + a.contentHash);
        if (a.url != null) {
            locks.lock("url:" + a.url);
        }
        List<Retraction.Kept> kept = new ArrayList<>();
        Withdrawal ev = events.withdrawArticle(id);
        ev.kept().forEach((k, why) -> kept.add(new Retraction.Kept("event", k, why)));

        Withdrawal ag = agreements.withdrawArticle(id);
        ag.kept().forEach((k, why) -> kept.add(new Retraction.Kept("agreement", k, why)));
        Set<UUID> agreementsInUse = events.agreementsReferred(ag.deleted());
        List<UUID> agreementsGone = withoutInUse(ag.deleted(), agreementsInUse, "agreement", kept);
        agreements.deleteWithdrawn(agreementsGone);

        Withdrawal ac = actors.withdrawArticle(id);
        ac.kept().forEach((k, why) -> kept.add(new Retraction.Kept("actor", k, why)));
        Set<UUID> actorsInUse = new HashSet<>(events.actorsTakingPart(ac.deleted()));
        actorsInUse.addAll(agreements.partiesAmong(ac.deleted()));
        List<UUID> rest = ac.deleted().stream().filter(x -> !actorsInUse.contains(x)).toList();
        actorsInUse.addAll(actors.affiliationTargetsOfOthers(rest));
        List<UUID> actorsGone = withoutInUse(ac.deleted(), actorsInUse, "actor", kept);
        actors.deleteWithdrawn(actorsGone);

        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        articles.delete(a);
        changes.record(ChangeLog.Entity.ARTICLE, id, ChangeLog.Action.DELETED, now);
        articles.flush();
        return new Retraction(id, new Retraction.Facts(ev.deleted(), actorsGone, agreementsGone), kept, ev.updated());
    }

    private static List<UUID> withoutInUse(List<UUID> candidates, Set<UUID> inUse, String entity, List<Retraction.Kept> kept) {
        List<UUID> gone = new ArrayList<>();
        for (UUID c : candidates) {
            if (inUse.contains(c)) {
                kept.add(new Retraction.Kept(entity, c, "in use"));
            } else {
                gone.add(c);
            }
        }
        return gone;
    }
}
