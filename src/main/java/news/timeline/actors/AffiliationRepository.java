package news.timeline.actors;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class AffiliationRepository implements PanacheRepositoryBase<AffiliationEntity, UUID> {

    List<AffiliationEntity> ofActor(UUID actorId) {
        return list("actorId = ?1 order by validFrom nulls first, createdAt, id", actorId);
    }

    /** Affiliations valid on {@code day}, latest start first, for the given actors. */
    List<AffiliationEntity> validOn(Collection<UUID> actorIds, LocalDate day) {
        if (actorIds.isEmpty()) {
            return List.of();
        }
        return list("actorId in ?1 and (validFrom is null or validFrom <= ?2) and (validTo is null or validTo >= ?2)"
                + " order by validFrom desc nulls last, createdAt desc", actorIds, day);
    }

    /** For each of {@code targets} that someone is affiliated to: who. */
    java.util.Map<UUID, List<UUID>> affiliatesOf(Collection<UUID> targets) {
        java.util.Map<UUID, List<UUID>> out = new java.util.HashMap<>();
        if (!targets.isEmpty()) {
            for (AffiliationEntity f : list("affiliatedTo in ?1", targets)) {
                out.computeIfAbsent(f.affiliatedTo, k -> new java.util.ArrayList<>()).add(f.actorId);
            }
        }
        return out;
    }

    /** Re-points a merged actor's affiliations at the target; drops those that would tie the target to itself. */
    void moveActor(UUID from, UUID to) {
        var em = getEntityManager();
        em.createNativeQuery("delete from actor_affiliations where (actor_id = :from and affiliated_to = :to)"
                        + " or (actor_id = :to and affiliated_to = :from)")
                .setParameter("from", from).setParameter("to", to).executeUpdate();
        em.createNativeQuery("update actor_affiliations set actor_id = :to where actor_id = :from")
                .setParameter("from", from).setParameter("to", to).executeUpdate();
        em.createNativeQuery("update actor_affiliations set affiliated_to = :to where affiliated_to = :from")
                .setParameter("from", from).setParameter("to", to).executeUpdate();
    }
}
