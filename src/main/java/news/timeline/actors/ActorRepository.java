package news.timeline.actors;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ActorRepository implements PanacheRepositoryBase<ActorEntity, UUID> {

    Optional<ActorEntity> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    boolean slugTaken(String slug, UUID except) {
        return count("slug = ?1 and id <> ?2", slug, except == null ? new UUID(0, 0) : except) > 0;
    }

    /** Slugs equal to {@code base} or {@code base-<n>}, to pick the next free suffix. */
    List<String> slugsLike(String base) {
        return getEntityManager().createQuery("select a.slug from ActorEntity a where a.slug = :base or a.slug like :prefix", String.class)
                .setParameter("base", base).setParameter("prefix", base + "-%").getResultList();
    }

    List<ActorEntity> byAlias(String normalized) {
        return list("select distinct a from ActorEntity a join a.aliases al where al.normalized = ?1 order by a.createdAt, a.id", normalized);
    }

    List<ActorEntity> bySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }

    List<ActorEntity> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** (actor id, alias) of the given actors, for batch views. */
    List<Object[]> aliasesOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select a.id, al.alias, al.normalized from ActorEntity a join a.aliases al where a.id in :ids order by al.alias",
                Object[].class).setParameter("ids", ids).getResultList();
    }

    /** One page in (lower(name), id) order, after the cursor's key; {@code q} matches names and aliases. */
    List<ActorEntity> page(String kind, String nameLike, String aliasLike, String afterName, UUID afterId, int limit) {
        StringBuilder q = new StringBuilder("from ActorEntity a where 1 = 1");
        Parameters p = new Parameters();
        if (kind != null) {
            q.append(" and a.kind = :kind");
            p.and("kind", kind);
        }
        if (nameLike != null) {
            q.append(" and (lower(a.name) like :name escape '\\' or exists (select 1 from ActorEntity b join b.aliases al"
                    + " where b.id = a.id and al.normalized like :alias escape '\\'))");
            p.and("name", nameLike).and("alias", aliasLike);
        }
        if (afterId != null) {
            q.append(" and (lower(a.name) > :afterName or (lower(a.name) = :afterName and a.id > :afterId))");
            p.and("afterName", afterName).and("afterId", afterId);
        }
        q.append(" order by lower(a.name), a.id");
        return find(q.toString(), p).page(0, limit).list();
    }

    /** Moves provenance rows of a merged actor (actor_sources belong to the actor). */
    void moveSources(UUID from, UUID to) {
        getEntityManager().createNativeQuery("update actor_sources set actor_id = :to where actor_id = :from")
                .setParameter("to", to).setParameter("from", from).executeUpdate();
    }

    /** Facts with a source in the article, each once. */
    @SuppressWarnings("unchecked")
    List<UUID> sourcedBy(UUID articleId) {
        return getEntityManager().createNativeQuery("select distinct actor_id from actor_sources where article_id = :a", UUID.class)
                .setParameter("a", articleId).getResultList();
    }

    void deleteSourcesOf(UUID articleId) {
        getEntityManager().createNativeQuery("delete from actor_sources where article_id = :a").setParameter("a", articleId).executeUpdate();
    }

    /** The given facts that still have a source. */
    @SuppressWarnings("unchecked")
    List<UUID> withSources(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("select distinct actor_id from actor_sources where actor_id in (:ids)", UUID.class)
                .setParameter("ids", ids).getResultList();
    }
}
