package news.timeline.articles;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ArticleRepository implements PanacheRepositoryBase<ArticleEntity, UUID> {

    Optional<ArticleEntity> findByUrlOrHash(String url, String hash) {
        if (url != null) {
            Optional<ArticleEntity> byUrl = find("url", url).firstResultOptional();
            if (byUrl.isPresent()) {
                return byUrl;
            }
        }
        return find("contentHash", hash).firstResultOptional();
    }

    @SuppressWarnings("unchecked")
    List<UUID> eventIdsOf(UUID articleId) {
        return getEntityManager().createNativeQuery(
                        "select s.event_id from event_sources s join events e on e.id = s.event_id where s.article_id = :a "
                                + "group by s.event_id order by min(e.date_start), min(s.start_offset)", UUID.class)
                .setParameter("a", articleId).getResultList();
    }

    @SuppressWarnings("unchecked")
    List<UUID> actorIdsOf(UUID articleId) {
        return getEntityManager().createNativeQuery(
                        "select actor_id from actor_sources where article_id = :a group by actor_id order by min(start_offset)", UUID.class)
                .setParameter("a", articleId).getResultList();
    }

    @SuppressWarnings("unchecked")
    List<UUID> agreementIdsOf(UUID articleId) {
        return getEntityManager().createNativeQuery(
                        "select agreement_id from agreement_sources where article_id = :a group by agreement_id order by min(start_offset)", UUID.class)
                .setParameter("a", articleId).getResultList();
    }

    void addActorSource(UUID actorId, UUID articleId, String quote, int start, int end, String ruleId, String version) {
        addSource("actor_sources", "actor_id", actorId, articleId, quote, start, end, ruleId, version);
    }

    void addAgreementSource(UUID agreementId, UUID articleId, String quote, int start, int end, String ruleId, String version) {
        addSource("agreement_sources", "agreement_id", agreementId, articleId, quote, start, end, ruleId, version);
    }

    /** Provenance row of a fact found in an article; {@code table} and {@code factColumn} are constants of this class. */
    private void addSource(String table, String factColumn, UUID factId, UUID articleId, String quote, int start, int end,
                           String ruleId, String version) {
        getEntityManager().createNativeQuery("insert into " + table + " (id, " + factColumn + ", article_id, quote, start_offset, "
                        + "end_offset, rule_id, extractor_version, created_at) values (:id, :fact, :article, :q, :s, :e, :r, :v, now())")
                .setParameter("id", UUID.randomUUID()).setParameter("fact", factId).setParameter("article", articleId)
                .setParameter("q", quote).setParameter("s", start).setParameter("e", end).setParameter("r", ruleId)
                .setParameter("v", version).executeUpdate();
    }
}
