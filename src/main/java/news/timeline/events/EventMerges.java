package news.timeline.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.timeline.changes.ChangeLog;
import news.timeline.changes.RetriedOnAbort;
import news.timeline.web.ApiProblem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Joining two events that report one happening, and taking sources out of one again.
 * <ul>
 * <li>Merge: the event's sources (with their quotes) and participants move to the target (where both had an actor,
 * the target's role stays), the target takes its agreement when it had none, and the event is recorded as merged
 * into the target, as actors' merges are. Both rows are locked in id order first, so concurrent merges of A into B
 * and B into A queue instead of deadlocking, and the second finds its event gone.</li>
 * <li>Split: the given sources move out into a new event with the original's fields and the participants they
 * support ({@link #participants}: those only they support leave the original). When they are
 * exactly what an earlier merge brought in, the merged event comes back as it was instead (its id, fields,
 * participants and sources), and the target loses what the merge gave it.</li>
 * <li>Automatic merge: article ingest and re-extraction join two stored events of one happening through the same
 * {@link #join} ({@link #mergeDuplicates}), recorded the same way and undone the same way, without an editor's mark.</li>
 * </ul>
 * Native SQL throughout and one transaction each (the automatic merge: the caller's): nothing is half done.
 */
@ApplicationScoped
@RetriedOnAbort
public class EventMerges {

    private final EntityManager em;
    private final EventService events;
    private final ChangeLog changes;
    private final Clock clock;

    EventMerges(EntityManager em, EventService events, ChangeLog changes, Clock clock) {
        this.em = em;
        this.events = events;
        this.changes = changes;
        this.clock = clock;
    }

    /** An editor's merge ({@code POST /api/v1/events/{id}/merge}): the target carries an editor's mark afterwards. */
    @Transactional
    EventView merge(UUID id, String into) {
        UUID target = parse(into);
        join(id, target, true);
        return events.view(target);
    }

    /**
     * Automatic de-duplication, inside an article's ingest or re-extraction: a new report of a happening matched
     * {@code first} (its best match: nearest date) and also {@code others}, stored events with the same type and
     * participants. Each of them that is still as extraction left it (no editor's mark, not imported), whose dates
     * overlap {@code first}'s, and that no editor kept apart from it (a dismissed merge suggestion, an undone merge)
     * is merged into {@code first} by the same code as an editor's merge and recorded the same way ({@code merged},
     * {@code mergedInto}; the target {@code updated}), without an editor's mark; a split undoes it like any merge.
     * Nothing is merged when {@code first} itself carries an editor's mark. Answers the ids merged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> mergeDuplicates(UUID first, List<UUID> others) {
        if (others.isEmpty()) {
            return List.of();
        }
        // the session may hold these events (the caller read them as candidates): write what it has, then let go of
        // them, so that what the native statements below change is read back fresh, versions included
        em.flush();
        List<UUID> all = new ArrayList<>(others);
        all.add(first);
        lock(all);
        @SuppressWarnings("unchecked")
        List<UUID> joinable = em.createNativeQuery("""
                select o.id from events o join events f on f.id = :f
                where o.id = any (cast(:o as uuid[])) and o.id <> f.id
                  and f.status = 'extracted' and f.edited_at is null and f.external_id is null
                  and o.status = 'extracted' and o.edited_at is null and o.external_id is null
                  and o.type = f.type and o.date_start <= f.date_end and o.date_end >= f.date_start
                  and not exists (select 1 from merge_dismissals d where d.event_a = least(o.id, f.id) and d.event_b = greatest(o.id, f.id))
                  and not exists (select 1 from event_merges m where m.undone_at is not null
                                  and ((m.event_id = o.id and m.into_id = f.id) or (m.event_id = f.id and m.into_id = o.id)))
                order by o.id""", UUID.class).setParameter("f", first).setParameter("o", array(others)).getResultList();
        if (joinable.isEmpty()) {
            return List.of();
        }
        detach(first);
        for (UUID o : joinable) {
            detach(o);
            join(o, first, false);
        }
        return joinable;
    }

    private void detach(UUID id) {
        EventEntity e = em.find(EventEntity.class, id);
        if (e != null) {
            em.detach(e);
        }
    }

    /** The one way two stored events become one: an editor's merge and the automatic de-duplication both come here. */
    private void join(UUID id, UUID target, boolean byEditor) {
        if (target.equals(id)) {
            throw ApiProblem.conflict("an event cannot be merged into itself");
        }
        // both rows locked in one order: A into B and B into A at once queue here, they do not deadlock
        Set<UUID> present = lock(List.of(id, target));
        if (!present.contains(id)) {
            throw ApiProblem.notFound("event", id.toString());
        }
        if (!present.contains(target)) {
            if (wasRemoved(target)) {
                throw ApiProblem.conflict("event '" + target + "' was deleted or merged; merge into the event it went to");
            }
            throw ApiProblem.notFound("event", target.toString());
        }
        Instant now = now();
        UUID merge = UUID.randomUUID();
        List<UUID> sources = uuids("select id from event_sources where event_id = :e order by created_at, id", id);
        List<UUID> added = uuids("select p.actor_id from event_participants p where p.event_id = :e and not exists "
                + "(select 1 from event_participants t where t.event_id = :t and t.actor_id = p.actor_id)", id, target);
        boolean takesAgreement = ((Number) em.createNativeQuery("select count(*) from events t, events e where t.id = :t and e.id = :e "
                + "and t.agreement_id is null and e.agreement_id is not null").setParameter("t", target).setParameter("e", id)
                .getSingleResult()).longValue() > 0;
        update("insert into merged_events select * from events where id = :e", id);
        update("insert into merged_event_participants select * from event_participants where event_id = :e", id);
        em.createNativeQuery("insert into event_merges (id, event_id, into_id, sources, added_participants, took_agreement, merged_at) "
                        + "values (:m, :e, :t, cast(:s as uuid[]), cast(:p as uuid[]), :a, :at)")
                .setParameter("m", merge).setParameter("e", id).setParameter("t", target).setParameter("s", array(sources))
                .setParameter("p", array(added)).setParameter("a", takesAgreement).setParameter("at", now).executeUpdate();
        update("update event_sources set event_id = :t where event_id = :e", id, target);
        em.createNativeQuery("insert into event_participants (event_id, actor_id, role, event_start, event_end, precision_rank) "
                        + "select :t, p.actor_id, p.role, t.date_start, t.date_end, t.precision_rank from event_participants p, events t "
                        + "where p.event_id = :e and t.id = :t and p.actor_id = any (cast(:p as uuid[]))")
                .setParameter("t", target).setParameter("e", id).setParameter("p", array(added)).executeUpdate();
        if (takesAgreement) {
            update("update events t set agreement_id = e.agreement_id from events e where t.id = :t and e.id = :e", id, target);
        }
        em.createNativeQuery("update events set updated_at = :at, " + (byEditor ? "edited_at = :at, " : "")
                        + "version = version + 1 where id = :t")
                .setParameter("at", now).setParameter("t", target).executeUpdate();
        // the delete last: from here on this transaction queues nothing for search, so the search indexer, which may
        // now wait for the deleted row, never waits for a queue row of ours while we wait for it
        update("delete from events where id = :e", id);
        changes.record(ChangeLog.Entity.EVENT, id, ChangeLog.Action.MERGED, target, now);
        changes.record(ChangeLog.Entity.EVENT, target, ChangeLog.Action.UPDATED, now);
    }

    /** The split-out event: a new one, or the event a merge brought in, restored. */
    record Split(EventView event, boolean restored) {
    }

    @Transactional
    Split split(UUID id, List<String> sourceRefs) {
        if (sourceRefs == null || sourceRefs.isEmpty()) {
            throw ApiProblem.invalid("sources", "must list at least one source id of the event");
        }
        List<UUID> wanted = new ArrayList<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < sourceRefs.size(); i++) {
            try {
                wanted.add(UUID.fromString(String.valueOf(sourceRefs.get(i)).trim()));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError("sources[" + i + "]", "is not a source id"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        if (lock(List.of(id)).isEmpty()) {
            throw ApiProblem.notFound("event", id.toString());
        }
        Set<UUID> own = new HashSet<>(uuids("select id from event_sources where event_id = :e", id));
        for (int i = 0; i < wanted.size(); i++) {
            if (!own.contains(wanted.get(i))) {
                errors.add(new ApiProblem.FieldError("sources[" + i + "]", "is not a source of event '" + id + "'"));
            }
        }
        Set<UUID> set = new LinkedHashSet<>(wanted);
        if (errors.isEmpty() && set.size() >= own.size()) {
            errors.add(new ApiProblem.FieldError("sources", "would take every source; an event keeps at least one"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        Instant now = now();
        UUID undone = mergeBroughtIn(id, set);
        if (undone != null) {
            return new Split(events.view(restore(undone, id, now)), true);
        }
        UUID created = UUID.randomUUID();
        // a copy of the row under the new id (without the import's key, which stays with the original)
        String cols = columns();
        em.createNativeQuery("insert into events (" + cols + ") select " + prefixed("c.", cols) + " from events e, "
                        + "jsonb_populate_record(cast(null as events), to_jsonb(e) || jsonb_build_object('id', cast(:n as text), "
                        + "'external_source', null, 'external_id', null, 'record_hash', null)) c where e.id = :e")
                .setParameter("n", created).setParameter("e", id).executeUpdate();
        em.createNativeQuery("update events set created_at = :at, updated_at = :at, edited_at = :at, version = 0 where id = :n")
                .setParameter("n", created).setParameter("at", now).executeUpdate();
        Participants parts = participants(id, set);
        em.createNativeQuery("insert into event_participants (event_id, actor_id, role, event_start, event_end, precision_rank) "
                        + "select :n, actor_id, role, event_start, event_end, precision_rank from event_participants where event_id = :e "
                        + "and not (actor_id = any (cast(:stay as uuid[])))")
                .setParameter("n", created).setParameter("e", id).setParameter("stay", array(parts.stay())).executeUpdate();
        em.createNativeQuery("delete from event_participants where event_id = :e and actor_id = any (cast(:move as uuid[]))")
                .setParameter("e", id).setParameter("move", array(parts.move())).executeUpdate();
        em.createNativeQuery("update event_sources set event_id = :n where id = any (cast(:s as uuid[]))").setParameter("n", created)
                .setParameter("s", array(List.copyOf(set))).executeUpdate();
        touch(id, now);
        changes.record(ChangeLog.Entity.EVENT, created, ChangeLog.Action.CREATED, now);
        changes.record(ChangeLog.Entity.EVENT, id, ChangeLog.Action.UPDATED, now);
        return new Split(events.view(created), false);
    }

    /** Who goes with the sources split out ({@code move}), and who stays with the event alone ({@code stay}). */
    record Participants(List<UUID> move, List<UUID> stay) {
    }

    /**
     * Which participants the sources taken out support. A source supports a participant when its article names the
     * actor (the actor has a source in that article) or its quote contains the actor's name or an alias of three
     * characters or more. Supported only by sources taken out: the participant moves. Only by sources that stay: it
     * stays. By both, or by none (no evidence either way, say a quote that names no one): both events keep it.
     */
    private Participants participants(UUID event, Set<UUID> out) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select p.actor_id,
                       coalesce(bool_or(s.id = any (cast(:out as uuid[]))), false),
                       coalesce(bool_or(not (s.id = any (cast(:out as uuid[])))), false)
                from event_participants p
                join actors a on a.id = p.actor_id
                left join event_sources s on s.event_id = p.event_id and (
                     (s.article_id is not null and exists (select 1 from actor_sources x
                                                            where x.actor_id = p.actor_id and x.article_id = s.article_id))
                  or (s.quote is not null and (strpos(lower(s.quote), lower(a.name)) > 0
                      or exists (select 1 from actor_aliases l where l.actor_id = p.actor_id and char_length(l.alias) >= 3
                                 and strpos(lower(s.quote), lower(l.alias)) > 0))))
                where p.event_id = :e
                group by p.actor_id
                order by p.actor_id""").setParameter("e", event).setParameter("out", array(List.copyOf(out))).getResultList();
        List<UUID> move = new ArrayList<>();
        List<UUID> stay = new ArrayList<>();
        for (Object[] r : rows) {
            boolean byOut = (Boolean) r[1];
            boolean byRest = (Boolean) r[2];
            if (byOut && !byRest) {
                move.add((UUID) r[0]);
            } else if (byRest && !byOut) {
                stay.add((UUID) r[0]);
            }
        }
        return new Participants(move, stay);
    }

    /** The merge into {@code target} that brought in exactly {@code sources} and was not undone, or null. */
    private UUID mergeBroughtIn(UUID target, Set<UUID> sources) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, cast(sources as text) from event_merges where into_id = :t "
                + "and undone_at is null order by merged_at desc").setParameter("t", target).getResultList();
        for (Object[] r : rows) {
            String list = ((String) r[1]).replaceAll("[{}]", "");
            Set<UUID> moved = new HashSet<>();
            if (!list.isBlank()) {
                Arrays.stream(list.split(",")).map(String::trim).map(UUID::fromString).forEach(moved::add);
            }
            if (moved.equals(sources)) {
                return (UUID) r[0];
            }
        }
        return null;
    }

    private UUID restore(UUID merge, UUID target, Instant now) {
        Object[] m = (Object[]) em.createNativeQuery("select event_id, cast(sources as text), cast(added_participants as text), took_agreement "
                + "from event_merges where id = :m").setParameter("m", merge).getSingleResult();
        UUID original = (UUID) m[0];
        if (!uuids("select id from events where id = :e", original).isEmpty()) {
            throw ApiProblem.conflict("event '" + original + "' exists again; split without restoring is not possible here");
        }
        String cols = columns();
        update("insert into events (" + cols + ") select " + cols + " from merged_events where id = :e", original);
        update("insert into event_participants select * from merged_event_participants where event_id = :e", original);
        em.createNativeQuery("update event_sources set event_id = :e where id = any (cast(:s as uuid[]))").setParameter("e", original)
                .setParameter("s", m[1]).executeUpdate();
        em.createNativeQuery("delete from event_participants where event_id = :t and actor_id = any (cast(:p as uuid[]))")
                .setParameter("t", target).setParameter("p", m[2]).executeUpdate();
        if ((Boolean) m[3]) {
            update("update events set agreement_id = null where id = :e", target);
        }
        update("delete from merged_event_participants where event_id = :e", original);
        update("delete from merged_events where id = :e", original);
        em.createNativeQuery("update event_merges set undone_at = :at where id = :m").setParameter("at", now).setParameter("m", merge)
                .executeUpdate();
        em.createNativeQuery("update events set updated_at = :at where id = :e").setParameter("at", now).setParameter("e", original)
                .executeUpdate();
        touch(target, now);
        changes.record(ChangeLog.Entity.EVENT, original, ChangeLog.Action.CREATED, now);
        changes.record(ChangeLog.Entity.EVENT, target, ChangeLog.Action.UPDATED, now);
        return original;
    }

    private volatile String columns;

    /** The columns of events that take values (not the generated precision_rank), in table order. */
    private String columns() {
        if (columns == null) {
            columns = (String) em.createNativeQuery("select string_agg(quote_ident(column_name), ', ' order by ordinal_position) "
                    + "from information_schema.columns where table_schema = current_schema() and table_name = 'events' "
                    + "and is_generated = 'NEVER'").getSingleResult();
        }
        return columns;
    }

    private static String prefixed(String prefix, String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(",\\s*")).map(c -> prefix + c).toList());
    }

    private void touch(UUID id, Instant now) {
        em.createNativeQuery("update events set updated_at = :at, edited_at = :at, version = version + 1 where id = :e")
                .setParameter("at", now).setParameter("e", id).executeUpdate();
    }

    /** Locks the given events in id order; answers those that exist. */
    private Set<UUID> lock(List<UUID> ids) {
        Set<UUID> out = new HashSet<>();
        for (UUID id : ids.stream().sorted().toList()) {
            // "no key update": it queues merges of the same events, but not the key-share checks of writers that only
            // refer to them (the search indexer's event_search rows), which would otherwise wait for us while we wait
            // for their search-queue rows
            out.addAll(uuids("select id from events where id = :e for no key update", id));
        }
        return out;
    }

    private boolean wasRemoved(UUID id) {
        return ((Number) em.createNativeQuery("select count(*) from changes where entity = 'event' and entity_id = :e "
                + "and action in ('deleted', 'merged')").setParameter("e", id).getSingleResult()).longValue() > 0;
    }

    private static UUID parse(String into) {
        if (into == null || into.isBlank()) {
            throw ApiProblem.invalid("into", "must be the id of the event to merge into");
        }
        try {
            return UUID.fromString(into.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("into", "is not an event id");
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> uuids(String sql, UUID e) {
        return em.createNativeQuery(sql, UUID.class).setParameter("e", e).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> uuids(String sql, UUID e, UUID t) {
        return em.createNativeQuery(sql, UUID.class).setParameter("e", e).setParameter("t", t).getResultList();
    }

    private void update(String sql, UUID e) {
        em.createNativeQuery(sql).setParameter("e", e).executeUpdate();
    }

    private void update(String sql, UUID e, UUID t) {
        em.createNativeQuery(sql).setParameter("e", e).setParameter("t", t).executeUpdate();
    }

    private static String array(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
