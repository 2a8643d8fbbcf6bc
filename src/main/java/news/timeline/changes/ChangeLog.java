package news.timeline.changes;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Append-only record of what was created, updated, deleted or merged, so clients can sync ("what changed or
 * went since T"). Writers call it inside their own transaction.
 */
@ApplicationScoped
public class ChangeLog implements PanacheRepository<ChangeEntity> {

    public enum Entity { ACTOR, EVENT, AGREEMENT, ARTICLE, DISMISSAL }

    public enum Action { CREATED, UPDATED, DELETED, MERGED }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Entity entity, UUID id, Action action, Instant at) {
        record(entity, id, action, null, at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Entity entity, UUID id, Action action, UUID mergedInto, Instant at) {
        ChangeEntity c = new ChangeEntity();
        c.entity = entity.name().toLowerCase();
        c.entityId = id;
        c.action = action.name().toLowerCase();
        c.mergedInto = mergedInto;
        c.changedAt = at;
        persist(c);
    }

    /** An editor's review decision on an entity: an update that carries the status set, why, and who set it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordDecision(Entity entity, UUID id, String status, String reason, String by, Instant at) {
        ChangeEntity c = new ChangeEntity();
        c.entity = entity.name().toLowerCase();
        c.entityId = id;
        c.action = Action.UPDATED.name().toLowerCase();
        c.changedAt = at;
        c.status = status;
        c.reason = reason;
        c.changedBy = by;
        persist(c);
    }

    /** An editor's write that carries why and who (the API key's name, when keys are named), such as a dismissal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBy(Entity entity, UUID id, Action action, String reason, String by, Instant at) {
        ChangeEntity c = new ChangeEntity();
        c.entity = entity.name().toLowerCase();
        c.entityId = id;
        c.action = action.name().toLowerCase();
        c.changedAt = at;
        c.reason = reason;
        c.changedBy = by;
        persist(c);
    }

    /** Each of {@code ids} once, in their order, as updated at {@code at}: the rows another write touched in bulk. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordUpdated(Entity entity, Collection<UUID> ids, Instant at) {
        for (UUID id : new LinkedHashSet<>(ids)) {
            record(entity, id, Action.UPDATED, at);
        }
    }

    /** Deletions and merges after {@code since}, oldest first. */
    public List<ChangeEntity> removedSince(Instant since, int limit) {
        return find("changedAt > ?1 and action in ('deleted', 'merged') order by changedAt, seq", since).page(0, limit).list();
    }
}
