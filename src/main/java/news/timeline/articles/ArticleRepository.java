package news.timeline.articles;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The host of an article's URL, as {@link #pageIds} compares it. */
    static final String HOST_SQL = "lower(substring(a.url from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#]+)'))";

    /** Ids of one page, newest first: (created_at, id) descending after the given key (null: from the start). */
    @SuppressWarnings("unchecked")
    List<UUID> pageIds(ArticleQuery q, Instant afterCreated, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("select a.id from articles a where true");
        Map<String, Object> params = new HashMap<>();
        where(q, sql, params);
        if (afterId != null) {
            sql.append(" and (a.created_at, a.id) < (:afterCreated, :afterId)");
            params.put("afterCreated", afterCreated);
            params.put("afterId", afterId);
        }
        sql.append(" order by a.created_at desc, a.id desc limit :limit");
        var query = getEntityManager().createNativeQuery(sql.toString(), UUID.class).setParameter("limit", limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * For re-extraction jobs: ids in id order after {@code afterId} (null: from the start) that match {@code q} and,
     * unless {@code notVersion} is null, were last read with another extractor version.
     */
    @SuppressWarnings("unchecked")
    List<UUID> idsToReextract(ArticleQuery q, String notVersion, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("select a.id from articles a where true");
        Map<String, Object> params = new HashMap<>();
        where(q, sql, params);
        if (notVersion != null) {
            sql.append(" and a.extractor_version is distinct from :notVersion");
            params.put("notVersion", notVersion);
        }
        if (afterId != null) {
            sql.append(" and a.id > :afterId");
            params.put("afterId", afterId);
        }
        sql.append(" order by a.id limit :limit");
        var query = getEntityManager().createNativeQuery(sql.toString(), UUID.class).setParameter("limit", limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    long countToReextract(ArticleQuery q, String notVersion) {
        StringBuilder sql = new StringBuilder("select count(*) from articles a where true");
        Map<String, Object> params = new HashMap<>();
        where(q, sql, params);
        if (notVersion != null) {
            sql.append(" and a.extractor_version is distinct from :notVersion");
            params.put("notVersion", notVersion);
        }
        var query = getEntityManager().createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static void where(ArticleQuery q, StringBuilder sql, Map<String, Object> params) {
        if (q.addedSince() != null) {
            sql.append(" and a.updated_at > :since");
            params.put("since", q.addedSince());
        }
        if (q.publishedFrom() != null) {
            sql.append(" and a.published_on >= :from");
            params.put("from", q.publishedFrom());
        }
        if (q.publishedTo() != null) {
            sql.append(" and a.published_on <= :to");
            params.put("to", q.publishedTo());
        }
        if (q.q() != null) {
            // the expression of the articles_search_idx index (V050)
            sql.append(" and to_tsvector('english', coalesce(a.title, '') || ' ' || left(a.body, 200000))"
                    + " @@ websearch_to_tsquery('english', :q)");
            params.put("q", q.q());
        }
        if (q.host() != null) {
            sql.append(" and (" + HOST_SQL + " = :host or " + HOST_SQL + " like :subdomains)");
            params.put("host", q.host());
            params.put("subdomains", "%." + q.host());
        }
        if (q.extractorVersion() != null) {
            sql.append(" and a.extractor_version = :version");
            params.put("version", q.extractorVersion());
        }
    }

    List<ArticleEntity> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** For each given article, how many distinct facts of {@code table} name it as source. */
    Map<UUID, Long> factCounts(String table, String factColumn, Collection<UUID> articleIds) {
        Map<UUID, Long> out = new HashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select article_id, count(distinct " + factColumn + ") from "
                + table + " where article_id in (:ids) group by article_id").setParameter("ids", articleIds).getResultList();
        for (Object[] r : rows) {
            out.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        return out;
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

    /** The article's provenance rows in {@code table}, each as one comparable line (fact, span, rule, version, quote). */
    @SuppressWarnings("unchecked")
    List<String> sourceLines(String table, String factColumn, UUID articleId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("select " + factColumn + ", start_offset, end_offset, rule_id, "
                + "extractor_version, quote from " + table + " where article_id = :a").setParameter("a", articleId).getResultList();
        return rows.stream().map(r -> java.util.Arrays.stream(r).map(String::valueOf).collect(java.util.stream.Collectors.joining("\u001f")))
                .sorted().toList();
    }

    void deleteSources(String table, UUID articleId) {
        getEntityManager().createNativeQuery("delete from " + table + " where article_id = :a").setParameter("a", articleId).executeUpdate();
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
