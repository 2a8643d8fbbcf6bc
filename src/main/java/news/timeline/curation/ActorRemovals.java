package news.timeline.curation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.timeline.actors.ActorService;
import news.timeline.actors.ActorView;
import news.timeline.agreements.AgreementService;
import news.timeline.changes.RetriedOnAbort;
import news.timeline.events.EventService;

/**
 * Operations on an actor that reach the facts naming it, in one place above the three features (STYLE.md habit 2):
 * {@code actors} knows no other feature, so deleting or merging an actor asks each feature in turn, in one
 * transaction: the actor's own checks and names, then events, then agreements, then the actor's last step.
 */
@ApplicationScoped
@RetriedOnAbort
public class ActorRemovals {

    private final ActorService actors;
    private final EventService events;
    private final AgreementService agreements;

    ActorRemovals(ActorService actors, EventService events, AgreementService agreements) {
        this.actors = actors;
        this.events = events;
        this.agreements = agreements;
    }

    /** Deletes the actor, its aliases and affiliations; its events and agreements stay, without it. */
    @Transactional
    public void delete(String idOrSlug) {
        java.util.UUID id = actors.idOf(idOrSlug);
        events.detachActor(id);
        agreements.detachActor(id);
        actors.deleteDetached(id);
    }

    /**
     * Merges {@code source} into {@code target} (ids or slugs): the target gains the source's name and aliases as
     * aliases, its event participations, agreement parties, affiliations and provenance; where both took part in
     * the same event or agreement, the target's entry is kept. The source is deleted and recorded as 'merged'
     * into the target. 409 when both are the same actor.
     */
    @Transactional
    public ActorView merge(String source, String target) {
        ActorService.MergePair pair = actors.beginMerge(source, target);
        events.replaceParticipant(pair.from(), pair.into());
        agreements.replaceParty(pair.from(), pair.into());
        return actors.completeMerge(pair);
    }
}
