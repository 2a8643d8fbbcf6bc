package news.timeline.imports;

import news.timeline.actors.ActorService;
import news.timeline.actors.AliasNormalizer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Finds the actors a batch refers to (by id, slug, or normalized alias, in that order) and creates the names
 * nobody knows yet, inside the batch's transaction. Creation takes a transaction-scoped advisory lock per
 * normalized name, so two imports naming the same new actor at once create it once. What this import has
 * resolved is remembered across batches, but only once the batch that learnt it has committed.
 */
final class ActorResolver {

    private static final int CACHE_SIZE = 100_000;

    private final Map<String, UUID> committed = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private final Map<String, UUID> pending = new HashMap<>();
    private long created;

    /** The outcome for one batch: actor id per reference key, and the problem of each unresolvable reference. */
    record Resolution(Map<String, UUID> ids, Map<String, String> problems) {
    }

    static String key(ImportRecord.ActorRef a) {
        return a.key();
    }

    Resolution resolve(Connection c, List<ImportRecord> batch, Instant now) throws SQLException {
        Map<String, ImportRecord.ActorRef> refs = new LinkedHashMap<>();
        for (ImportRecord r : batch) {
            for (ImportRecord.Participant p : r.participants()) {
                refs.putIfAbsent(key(p.actor()), p.actor());
            }
        }
        Map<String, UUID> ids = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        Set<UUID> byId = new TreeSet<>();
        Set<String> bySlug = new TreeSet<>();
        Set<String> byName = new TreeSet<>();
        for (ImportRecord.ActorRef a : refs.values()) {
            if (a.id() != null && known("i:" + a.id()) == null) {
                byId.add(a.id());
            }
            String slug = slugOf(a);
            if (slug != null && known("s:" + slug) == null) {
                bySlug.add(slug);
            }
            if (a.normalized() != null && known("n:" + a.normalized()) == null) {
                byName.add(a.normalized());
            }
        }
        Map<String, UUID> found = new HashMap<>();
        if (!byId.isEmpty()) {
            query(c, "select id, id from actors where id = any(?)", "uuid", byId.toArray(), "i:", found);
        }
        if (!bySlug.isEmpty()) {
            query(c, "select slug, id from actors where slug = any(?)", "varchar", bySlug.toArray(), "s:", found);
        }
        if (!byName.isEmpty()) {
            aliases(c, byName, found);
        }
        Map<String, ImportRecord.ActorRef> toCreate = new TreeMap<>();
        for (Map.Entry<String, ImportRecord.ActorRef> e : refs.entrySet()) {
            ImportRecord.ActorRef a = e.getValue();
            UUID id = a.id() == null ? null : lookup("i:" + a.id(), found);
            String slug = slugOf(a);
            if (id == null && slug != null) {
                id = lookup("s:" + slug, found);
            }
            String normalized = a.normalized();
            if (id == null && normalized != null) {
                id = lookup("n:" + normalized, found);
            }
            if (id != null) {
                ids.put(e.getKey(), id);
            } else if (normalized != null) {
                toCreate.putIfAbsent(normalized, a);
            } else {
                problems.put(e.getKey(), a.id() != null ? "no actor with id " + a.id() : "no actor with slug '" + a.slug() + "'");
            }
        }
        if (!toCreate.isEmpty()) {
            create(c, toCreate, now);
            for (Map.Entry<String, ImportRecord.ActorRef> e : refs.entrySet()) {
                if (!ids.containsKey(e.getKey()) && !problems.containsKey(e.getKey())) {
                    ids.put(e.getKey(), pending.get("n:" + e.getValue().normalized()));
                }
            }
        }
        return new Resolution(ids, problems);
    }

    /** The batch committed: what it learnt holds for the next batches. */
    void commit() {
        committed.putAll(pending);
        pending.clear();
    }

    /** The batch rolled back: forget what it created. */
    void rollback() {
        pending.clear();
    }

    long created() {
        return created;
    }

    private UUID known(String key) {
        UUID id = pending.get(key);
        return id != null ? id : committed.get(key);
    }

    private UUID lookup(String key, Map<String, UUID> found) {
        UUID id = known(key);
        if (id == null) {
            id = found.get(key);
            if (id != null) {
                pending.put(key, id);
            }
        }
        return id;
    }

    /** A bare string may be a slug as well as a name. */
    private static String slugOf(ImportRecord.ActorRef a) {
        return a.slugGuess();
    }

    private static void query(Connection c, String sql, String type, Object[] values, String prefix, Map<String, UUID> out)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf(type, values);
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(prefix + rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
    }

    /** The oldest actor with each alias: the choice must not depend on the plan. */
    private static void aliases(Connection c, Set<String> normalized, Map<String, UUID> out) throws SQLException {
        query(c, "select distinct on (aa.normalized) aa.normalized, aa.actor_id from actor_aliases aa "
                + "join actors a on a.id = aa.actor_id where aa.normalized = any(?) "
                + "order by aa.normalized, a.created_at, a.id", "varchar", normalized.toArray(), "n:", out);
    }

    private void create(Connection c, Map<String, ImportRecord.ActorRef> toCreate, Instant now) throws SQLException {
        // the lock ActorService.resolveOrCreate takes too (article ingest), so neither creates a twin of the other's actor;
        // sorted keys: two imports lock in the same order and cannot deadlock on each other
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            for (String normalized : toCreate.keySet()) {
                lock.setString(1, ActorService.nameLockKey(normalized));
                lock.executeQuery().close();
            }
        }
        // someone may have created them while we waited for the locks
        Map<String, UUID> again = new HashMap<>();
        aliases(c, toCreate.keySet(), again);
        Timestamp ts = Timestamp.from(now);
        List<UUID> newIds = new ArrayList<>();
        List<String[]> rows = new ArrayList<>(); // id, kind, slug base, name, normalized
        for (Map.Entry<String, ImportRecord.ActorRef> e : toCreate.entrySet()) {
            UUID existing = again.get("n:" + e.getKey());
            if (existing != null) {
                pending.put("n:" + e.getKey(), existing);
                continue;
            }
            ImportRecord.ActorRef a = e.getValue();
            rows.add(new String[] {UUID.randomUUID().toString(), a.kind() == null ? "other" : a.kind(),
                    a.slug() != null ? a.slug() : AliasNormalizer.slug(a.name()), a.name() != null ? a.name().trim() : a.slug(),
                    e.getKey()});
        }
        // one statement for all new actors; a taken slug gets -2, -3, ... on the next round
        List<String[]> left = rows;
        try (PreparedStatement insert = c.prepareStatement("insert into actors (id, kind, slug, name, created_at, updated_at, version) "
                + "select k.id, k.kind, k.slug, k.name, ?, ?, 0 from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[]) "
                + "as k(id, kind, slug, name) on conflict (slug) do nothing returning id")) {
            for (int round = 1; !left.isEmpty(); round++) {
                int n = round;
                insert.setTimestamp(1, ts);
                insert.setTimestamp(2, ts);
                insert.setArray(3, c.createArrayOf("uuid", left.stream().map(r -> UUID.fromString(r[0])).toArray()));
                insert.setArray(4, c.createArrayOf("varchar", left.stream().map(r -> r[1]).toArray()));
                insert.setArray(5, c.createArrayOf("varchar", left.stream().map(r -> n == 1 ? r[2] : r[2] + "-" + n).toArray()));
                insert.setArray(6, c.createArrayOf("varchar", left.stream().map(r -> r[3]).toArray()));
                java.util.Set<String> inserted = new java.util.HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1));
                    }
                }
                left = left.stream().filter(r -> !inserted.contains(r[0])).toList();
            }
        }
        if (!rows.isEmpty()) {
            try (PreparedStatement alias = c.prepareStatement("insert into actor_aliases (actor_id, normalized, alias) "
                    + "select * from unnest(?::uuid[], ?::varchar[], ?::varchar[]) on conflict do nothing")) {
                alias.setArray(1, c.createArrayOf("uuid", rows.stream().map(r -> UUID.fromString(r[0])).toArray()));
                alias.setArray(2, c.createArrayOf("varchar", rows.stream().map(r -> r[4]).toArray()));
                alias.setArray(3, c.createArrayOf("varchar", rows.stream().map(r -> r[3]).toArray()));
                alias.executeUpdate();
            }
        }
        for (String[] r : rows) {
            UUID id = UUID.fromString(r[0]);
            pending.put("n:" + r[4], id);
            newIds.add(id);
            created++;
        }
        if (!newIds.isEmpty()) {
            CopyRows changes = new CopyRows("changes (entity, entity_id, action, changed_at)");
            for (UUID id : newIds) {
                changes.add("actor").add(id).add("created").add(now).endRow();
            }
            changes.send(c);
        }
    }
}
