package news.timeline.events;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class EventRepository implements PanacheRepositoryBase<EventEntity, UUID> {

    List<EventEntity> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** (event id, actor id, role) of the given events' participants. */
    List<Object[]> participantsOf(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return em().createQuery("select e.id, p.actorId, p.role from EventEntity e join e.participants p where e.id in :ids",
                Object[].class).setParameter("ids", eventIds).getResultList();
    }

    List<EventSourceEntity> sourcesOf(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return em().createQuery("from EventSourceEntity s where s.event.id in :ids order by s.createdAt, s.startOffset, s.id",
                EventSourceEntity.class).setParameter("ids", eventIds).getResultList();
    }

    /** Ids of one page in (date_start, precision rank, id) order after the given key (null: from the start). */
    @SuppressWarnings("unchecked")
    List<UUID> pageIds(EventQuery query, LocalDate afterStart, Integer afterRank, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("select e.id from events e where true");
        if (afterId != null) {
            sql.append(" and (e.date_start, e.precision_rank, e.id) > (:afterStart, :afterRank, :afterId)");
        }
        sql.append(" order by e.date_start, e.precision_rank, e.id limit :limit");
        var q = em().createNativeQuery(sql.toString(), UUID.class).setParameter("limit", limit);
        if (afterId != null) {
            q.setParameter("afterStart", afterStart).setParameter("afterRank", afterRank.shortValue()).setParameter("afterId", afterId);
        }
        return q.getResultList();
    }

    /** Events of {@code type} overlapping [start, end] in which every given actor takes part. */
    @SuppressWarnings("unchecked")
    List<UUID> similar(String type, LocalDate start, LocalDate end, Collection<UUID> actorIds, int limit) {
        String sql = "select e.id from events e where e.type = :type and e.date_start <= :end and e.date_end >= :start"
                + (actorIds.isEmpty() ? "" : " and (select count(*) from event_participants p where p.event_id = e.id"
                + " and p.actor_id in (:actors)) = :n")
                + " order by abs(e.date_start - cast(:start as date)), e.id limit :limit";
        var q = em().createNativeQuery(sql, UUID.class).setParameter("type", type).setParameter("start", start)
                .setParameter("end", end).setParameter("limit", limit);
        if (!actorIds.isEmpty()) {
            q.setParameter("actors", actorIds).setParameter("n", actorIds.size());
        }
        return q.getResultList();
    }

    @SuppressWarnings("unchecked")
    List<UUID> eventsOfActor(UUID actorId) {
        return em().createNativeQuery("select event_id from event_participants where actor_id = :a", UUID.class)
                .setParameter("a", actorId).getResultList();
    }

    /**
     * Moves participations from one actor to another; where both took part, the target's row (and role) stays.
     * The event_participants key is (event_id, actor_id), hence the delete first.
     */
    void replaceParticipant(UUID from, UUID to) {
        em().createNativeQuery("delete from event_participants s where s.actor_id = :from and exists"
                        + " (select 1 from event_participants t where t.event_id = s.event_id and t.actor_id = :to)")
                .setParameter("from", from).setParameter("to", to).executeUpdate();
        em().createNativeQuery("update event_participants set actor_id = :to where actor_id = :from")
                .setParameter("from", from).setParameter("to", to).executeUpdate();
    }

    void removeParticipant(UUID actorId) {
        em().createNativeQuery("delete from event_participants where actor_id = :a").setParameter("a", actorId).executeUpdate();
    }

    /** Marks events as changed (their participants or agreement changed underneath them). */
    void touch(Collection<UUID> ids, Instant at) {
        if (!ids.isEmpty()) {
            em().createNativeQuery("update events set updated_at = :at, version = version + 1 where id in (:ids)")
                    .setParameter("at", at).setParameter("ids", ids).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    List<UUID> eventsOfAgreement(UUID agreementId) {
        return em().createNativeQuery("select id from events where agreement_id = :a", UUID.class)
                .setParameter("a", agreementId).getResultList();
    }

    void clearAgreement(UUID agreementId) {
        em().createNativeQuery("update events set agreement_id = null where agreement_id = :a")
                .setParameter("a", agreementId).executeUpdate();
    }

    boolean articleExists(UUID articleId) {
        return em().createQuery("select count(a) from news.timeline.articles.ArticleEntity a where a.id = :id", Long.class)
                .setParameter("id", articleId).getSingleResult() > 0;
    }

    /** Undecided (extracted) events, lowest confidence first, after the key (confidence, id); null key: from the start. */
    @SuppressWarnings("unchecked")
    List<UUID> undecidedByConfidence(Float afterConfidence, UUID afterId, int limit) {
        var q = em().createNativeQuery("select id from events where status = 'extracted'"
                + (afterId == null ? "" : " and (confidence, id) > (cast(:c as real), :id)")
                + " order by confidence, id limit :limit", UUID.class).setParameter("limit", limit);
        if (afterId != null) {
            q.setParameter("c", afterConfidence).setParameter("id", afterId);
        }
        return q.getResultList();
    }

    /** Undecided (extracted) events, newest first, after the key (created_at, id); null key: from the start. */
    @SuppressWarnings("unchecked")
    List<UUID> undecidedByNewest(Instant afterCreated, UUID afterId, int limit) {
        var q = em().createNativeQuery("select id from events where status = 'extracted'"
                + (afterId == null ? "" : " and (created_at, id) < (:t, :id)")
                + " order by created_at desc, id desc limit :limit", UUID.class).setParameter("limit", limit);
        if (afterId != null) {
            q.setParameter("t", afterCreated).setParameter("id", afterId);
        }
        return q.getResultList();
    }

    /** Events with a source in the article, each once. */
    @SuppressWarnings("unchecked")
    List<UUID> sourcedBy(UUID articleId) {
        return em().createNativeQuery("select distinct event_id from event_sources where article_id = :a", UUID.class)
                .setParameter("a", articleId).getResultList();
    }

    void deleteSourcesOf(UUID articleId) {
        em().createNativeQuery("delete from event_sources where article_id = :a").setParameter("a", articleId).executeUpdate();
    }

    /** The given events that still have a source. */
    @SuppressWarnings("unchecked")
    List<UUID> withSources(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em().createNativeQuery("select distinct event_id from event_sources where event_id in (:ids)", UUID.class)
                .setParameter("ids", ids).getResultList();
    }

    /** The given actors that take part in an event. */
    @SuppressWarnings("unchecked")
    List<UUID> actorsTakingPart(Collection<UUID> actorIds) {
        if (actorIds.isEmpty()) {
            return List.of();
        }
        return em().createNativeQuery("select distinct actor_id from event_participants where actor_id in (:ids)", UUID.class)
                .setParameter("ids", actorIds).getResultList();
    }

    /** The given agreements that an event refers to. */
    @SuppressWarnings("unchecked")
    List<UUID> agreementsReferred(Collection<UUID> agreementIds) {
        if (agreementIds.isEmpty()) {
            return List.of();
        }
        return em().createNativeQuery("select distinct agreement_id from events where agreement_id in (:ids)", UUID.class)
                .setParameter("ids", agreementIds).getResultList();
    }

    private EntityManager em() {
        return getEntityManager();
    }

    /**
     * Pairs of events that may be one happening: the same type, overlapping dates and at least one actor in common,
     * both not rejected; the newer event of a pair is taken among the {@code recent} most recently created ones, the
     * other among the {@link #PROBE} participations of each shared actor that start nearest before the newer event's
     * end (at most a year before it). The probe bounds the work for an actor with a million events, whose every
     * participation in a year would otherwise be read for each recent event. Newest first; each row is (newer, older,
     * shared actor ids).
     */
    @SuppressWarnings("unchecked")
    List<Object[]> mergeCandidates(int recent, int limit) {
        return em().createNativeQuery("""
                with r as (select e.id, e.type, e.date_start, e.date_end, e.created_at from events e
                           where e.status <> 'rejected' order by e.created_at desc, e.id desc limit :recent)
                select cast(r.id as text), cast(o.id as text), string_agg(distinct cast(c.actor_id as text), ',')
                from r
                join event_participants pr on pr.event_id = r.id
                cross join lateral (
                    select n.event_id, n.actor_id from (
                        select po.event_id, po.actor_id, po.event_end from event_participants po
                        where po.actor_id = pr.actor_id and po.event_start <= r.date_end
                          and po.event_start >= r.date_start - 366
                        order by po.event_start desc
                        limit :probe) n
                    where n.event_end >= r.date_start and n.event_id <> r.id) c
                join events o on o.id = c.event_id and o.type = r.type and o.status <> 'rejected'
                     and (o.created_at, o.id) < (r.created_at, r.id)
                     and not exists (select 1 from merge_dismissals d
                                     where d.event_a = least(r.id, o.id) and d.event_b = greatest(r.id, o.id))
                group by r.id, o.id, r.created_at
                order by r.created_at desc, r.id, min(o.created_at), o.id
                limit :limit""").setParameter("recent", recent).setParameter("limit", limit)
                .setParameter("probe", PROBE).getResultList();
    }

    /** Participations of one actor read per recent event when looking for merge candidates. */
    static final int PROBE = 200;
}
