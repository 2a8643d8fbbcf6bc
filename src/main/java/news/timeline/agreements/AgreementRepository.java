package news.timeline.agreements;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class AgreementRepository implements PanacheRepositoryBase<AgreementEntity, UUID> {

    List<AgreementEntity> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** (agreement id, actor id, role) of the given agreements' parties. */
    List<Object[]> partiesOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select a.id, p.actorId, p.role from AgreementEntity a join a.parties p where a.id in :ids",
                Object[].class).setParameter("ids", ids).getResultList();
    }

    /** One page in (lower(name), id) order after the cursor's key. */
    List<AgreementEntity> page(String kind, String status, String nameLike, String afterName, UUID afterId, int limit) {
        StringBuilder q = new StringBuilder("from AgreementEntity a where 1 = 1");
        Parameters p = new Parameters();
        if (kind != null) {
            q.append(" and a.kind = :kind");
            p.and("kind", kind);
        }
        if (status != null) {
            q.append(" and a.status = :status");
            p.and("status", status);
        }
        if (nameLike != null) {
            q.append(" and lower(a.name) like :name escape '\\'");
            p.and("name", nameLike);
        }
        if (afterId != null) {
            q.append(" and (lower(a.name) > :afterName or (lower(a.name) = :afterName and a.id > :afterId))");
            p.and("afterName", afterName).and("afterId", afterId);
        }
        q.append(" order by lower(a.name), a.id");
        return find(q.toString(), p).page(0, limit).list();
    }

    @SuppressWarnings("unchecked")
    List<UUID> agreementsOfActor(UUID actorId) {
        return getEntityManager().createNativeQuery("select agreement_id from agreement_parties where actor_id = :a", UUID.class)
                .setParameter("a", actorId).getResultList();
    }

    /** The given actors that are a party to some agreement. */
    @SuppressWarnings("unchecked")
    List<UUID> partiesAmong(Collection<UUID> actorIds) {
        if (actorIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("select distinct actor_id from agreement_parties where actor_id in (:ids)", UUID.class)
                .setParameter("ids", actorIds).getResultList();
    }

    /** Moves party rows; where both were parties the target's row stays (key is (agreement_id, actor_id)). */
    void replaceParty(UUID from, UUID to) {
        var em = getEntityManager();
        em.createNativeQuery("delete from agreement_parties s where s.actor_id = :from and exists"
                        + " (select 1 from agreement_parties t where t.agreement_id = s.agreement_id and t.actor_id = :to)")
                .setParameter("from", from).setParameter("to", to).executeUpdate();
        em.createNativeQuery("update agreement_parties set actor_id = :to where actor_id = :from")
                .setParameter("from", from).setParameter("to", to).executeUpdate();
    }

    void removeParty(UUID actorId) {
        getEntityManager().createNativeQuery("delete from agreement_parties where actor_id = :a")
                .setParameter("a", actorId).executeUpdate();
    }

    void touch(Collection<UUID> ids, java.time.Instant at) {
        if (!ids.isEmpty()) {
            getEntityManager().createNativeQuery("update agreements set updated_at = :at, version = version + 1 where id in (:ids)")
                    .setParameter("at", at).setParameter("ids", ids).executeUpdate();
        }
    }

    List<AgreementEntity> byName(String name) {
        return find("lower(name) = ?1 order by createdAt", name.toLowerCase(java.util.Locale.ROOT)).list();
    }

    /** Facts with a source in the article, each once. */
    @SuppressWarnings("unchecked")
    List<UUID> sourcedBy(UUID articleId) {
        return getEntityManager().createNativeQuery("select distinct agreement_id from agreement_sources where article_id = :a", UUID.class)
                .setParameter("a", articleId).getResultList();
    }

    void deleteSourcesOf(UUID articleId) {
        getEntityManager().createNativeQuery("delete from agreement_sources where article_id = :a").setParameter("a", articleId).executeUpdate();
    }

    /** The given facts that still have a source. */
    @SuppressWarnings("unchecked")
    List<UUID> withSources(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("select distinct agreement_id from agreement_sources where agreement_id in (:ids)", UUID.class)
                .setParameter("ids", ids).getResultList();
    }
}
