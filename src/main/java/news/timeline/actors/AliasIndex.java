package news.timeline.actors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every stored alias in memory, so extraction can ask "do we know this name?" for each candidate of an article
 * without a database round trip. It catches up before each use by reading the actor entries of the change log
 * past the last sequence number it applied (one index lookup when nothing changed), so actors created, renamed,
 * merged or deleted by any writer are seen by the next article.
 */
@ApplicationScoped
public class AliasIndex {

    /** One actor a name points to. */
    public record Entry(UUID id, String slug, String name, String kind) {
    }

    private final EntityManager em;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), -1);

    private record Snapshot(Map<String, List<Entry>> byAlias, Map<UUID, List<String>> aliasesOf, long seq) {
    }

    AliasIndex(EntityManager em) {
        this.em = em;
    }

    /** Brings the index up to date with the change log; cheap when nothing changed. */
    @Transactional
    public void refresh() {
        Snapshot s = snapshot;
        Number latest = (Number) em.createNativeQuery("select coalesce(max(seq), 0) from changes where entity = 'actor'").getSingleResult();
        if (latest.longValue() == s.seq()) {
            return;
        }
        synchronized (this) {
            s = snapshot;
            if (s.seq() < 0) {
                snapshot = load(null, latest.longValue(), Map.of(), Map.of());
                return;
            }
            @SuppressWarnings("unchecked")
            List<UUID> changed = em.createNativeQuery("select distinct entity_id from changes where entity = 'actor' and seq > :s and seq <= :l", UUID.class)
                    .setParameter("s", s.seq()).setParameter("l", latest.longValue()).getResultList();
            snapshot = load(changed, latest.longValue(), s.byAlias(), s.aliasesOf());
        }
    }

    /** Actors known by this normalized alias ({@link AliasNormalizer}), oldest first. */
    public List<Entry> find(String normalized) {
        return snapshot.byAlias().getOrDefault(normalized, List.of());
    }

    public Optional<Entry> first(String normalized) {
        List<Entry> found = find(normalized);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A full load ({@code changed} null) or the previous maps with the changed actors reloaded. */
    private Snapshot load(Collection<UUID> changed, long seq, Map<String, List<Entry>> byAlias, Map<UUID, List<String>> aliasesOf) {
        Map<String, List<Entry>> aliases = new HashMap<>();
        Map<UUID, List<String>> of = new HashMap<>();
        Set<UUID> drop = changed == null ? Set.of() : new HashSet<>(changed);
        byAlias.forEach((k, v) -> {
            List<Entry> kept = v.stream().filter(e -> !drop.contains(e.id())).toList();
            if (!kept.isEmpty()) {
                aliases.put(k, new ArrayList<>(kept));
            }
        });
        aliasesOf.forEach((k, v) -> {
            if (!drop.contains(k)) {
                of.put(k, v);
            }
        });
        String sql = "select a.id, a.slug, a.name, a.kind, al.normalized from actors a join actor_aliases al on al.actor_id = a.id"
                + (changed == null ? "" : " where a.id in (:ids)") + " order by a.created_at, a.id";
        if (changed == null || !changed.isEmpty()) {
            var q = em.createNativeQuery(sql, Object[].class);
            if (changed != null) {
                q.setParameter("ids", changed);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = q.getResultList();
            for (Object[] r : rows) {
                Entry e = new Entry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]);
                String normalized = (String) r[4];
                List<Entry> list = aliases.computeIfAbsent(normalized, k -> new ArrayList<>());
                if (list.stream().noneMatch(x -> x.id().equals(e.id()))) {
                    list.add(e);
                }
                of.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(normalized);
            }
        }
        return new Snapshot(aliases, of, seq);
    }
}
