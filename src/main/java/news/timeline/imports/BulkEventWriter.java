package news.timeline.imports;

import news.timeline.changes.TransientAborts;
import news.timeline.web.Ids;
import news.timeline.web.TimeOrderedIds;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.extraction.temporal.Precision;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores batches of import records, one transaction per batch, with JDBC and COPY rather than the ORM: at a
 * million records the per-entity overhead matters. It keeps the invariants the event service keeps: participants
 * carry the event's dates, actors resolve by alias before creation, every create and update is in the change log,
 * and a record is stored whole or not at all. Unchanged records (same {@link RecordHash}) are not touched.
 *
 * <p>A batch that fails in the database is retried record by record, so one bad record is reported alone and
 * its neighbours are stored.
 */
final class BulkEventWriter {

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** What happened to each record of a batch: an outcome, or the reason it was rejected. */
    record Result(Map<ImportRecord, Outcome> outcomes, Map<ImportRecord, String> rejected) {
    }

    private static final Logger LOG = Logger.getLogger(BulkEventWriter.class);
    private static final String EVENT_COLUMNS = "events (id, type, title, summary, date_value, date_precision, date_start, "
            + "date_end, date_approximate, end_value, end_precision, end_start, end_end, end_approximate, place_name, "
            + "confidence, status, agreement_id, external_source, external_id, record_hash, created_at, updated_at, version)";

    private final DataSource dataSource;
    private final Clock clock;
    private final boolean dryRun;
    /** Whether a changed record replaces an event edited since its last import, or is rejected to keep the edit. */
    private final boolean overwriteEdits;
    private final ActorResolver actors = new ActorResolver();
    private final RecordHash hasher = new RecordHash();
    /** COPY buffers, kept from batch to batch (a writer stores one batch at a time) so they are sized once. */
    private final CopyRows insertRows = new CopyRows(EVENT_COLUMNS);
    private final CopyRows participantRows = new CopyRows("event_participants (event_id, actor_id, role, event_start, event_end, "
            + "precision_rank)");
    private final CopyRows sourceRows = new CopyRows("event_sources (id, event_id, article_id, url, quote, start_offset, end_offset, "
            + "rule_id, extractor_version, created_at)");
    private final CopyRows changeRows = new CopyRows("changes (entity, entity_id, action, changed_at)");
    /** Nanoseconds spent per phase, for the log line at the end of an import. */
    private long resolveNanos;
    private long lookupNanos;
    private long writeNanos;
    private long commitNanos;

    BulkEventWriter(DataSource dataSource, Clock clock, boolean dryRun, boolean overwriteEdits) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.dryRun = dryRun;
        this.overwriteEdits = overwriteEdits;
    }

    Result write(List<ImportRecord> batch) {
        SQLException first = null;
        boolean lookedAgain = false;
        for (int attempt = 1; attempt <= TransientAborts.ATTEMPTS; attempt++) {
            try {
                return attempt(batch);
            } catch (SQLException e) {
                first = e;
                if (TransientAborts.isTransient(e) && attempt < TransientAborts.ATTEMPTS) {
                    // a deadlock or serialization failure with a concurrent writer: the same batch succeeds again
                    LOG.infof("import batch of %d record(s) from line %d written again (attempt %d of %d): PostgreSQL "
                            + "aborted it for a concurrent write", batch.size(), batch.get(0).line(), attempt + 1,
                            TransientAborts.ATTEMPTS);
                    TransientAborts.pause(attempt);
                } else if ("23505".equals(e.getSQLState()) && !lookedAgain) {
                    // another import stored one of these keys since we looked; look again
                    lookedAgain = true;
                } else {
                    break;
                }
            }
        }
        if (batch.size() == 1) {
            LOG.debugf(first, "import record at line %d not stored", batch.get(0).line());
            Map<ImportRecord, String> rejected = new IdentityHashMap<>();
            rejected.put(batch.get(0), "could not be stored: " + describe(first));
            return new Result(Map.of(), rejected);
        }
        Map<ImportRecord, Outcome> outcomes = new IdentityHashMap<>();
        Map<ImportRecord, String> rejected = new IdentityHashMap<>();
        for (ImportRecord r : batch) {
            Result one = write(List.of(r));
            outcomes.putAll(one.outcomes());
            rejected.putAll(one.rejected());
        }
        return new Result(outcomes, rejected);
    }

    private Result attempt(List<ImportRecord> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!dryRun) {
                    // batches commit without waiting for the WAL flush; the import ends with a durable commit
                    // (ImportService#makeDurable) before it answers, and a batch is never half stored either way
                    try (var set = c.createStatement()) {
                        set.execute("set local synchronous_commit = off");
                    }
                }
                Result result = store(c, batch);
                long t = System.nanoTime();
                if (dryRun) {
                    c.rollback();
                    actors.rollback();
                } else {
                    c.commit();
                    actors.commit();
                }
                commitNanos += System.nanoTime() - t;
                return result;
            } catch (SQLException | RuntimeException e) {
                actors.rollback();
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken; the pool discards it
                }
                if (e instanceof RuntimeException re) {
                    throw new SQLException("import batch failed", re);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** A record ready to store, with its external key worked out once. */
    private record Pending(ImportRecord record, String key, EventContent content, String hash) {
    }

    private Result store(Connection c, List<ImportRecord> batch) throws SQLException {
        Instant now = clock.instant();
        // by identity: a record's own hashCode walks all its fields, participants and sources
        Map<ImportRecord, Outcome> outcomes = new IdentityHashMap<>();
        Map<ImportRecord, String> rejected = new IdentityHashMap<>();

        long t0 = System.nanoTime();
        ActorResolver.Resolution resolution = actors.resolve(c, batch, now);
        Set<UUID> agreements = existing(c, "agreements", collect(batch, r -> r.agreementId() == null ? List.of() : List.of(r.agreementId())));
        Set<UUID> articles = existing(c, "articles", collect(batch, r -> r.sources().stream()
                .map(ImportRecord.Source::articleId).filter(java.util.Objects::nonNull).toList()));

        List<Pending> pending = new ArrayList<>(batch.size());
        for (ImportRecord r : batch) {
            String problem = null;
            List<EventContent.Participant> ps = new ArrayList<>(r.participants().size());
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < r.participants().size() && problem == null; i++) {
                ImportRecord.Participant p = r.participants().get(i);
                String key = ActorResolver.key(p.actor());
                UUID id = resolution.ids().get(key);
                if (id == null) {
                    problem = "participants[" + i + "].actor: " + resolution.problems().getOrDefault(key, "cannot be resolved");
                } else if (seen.add(id)) {
                    ps.add(new EventContent.Participant(id, p.role()));
                }
            }
            if (problem == null && r.agreementId() != null && !agreements.contains(r.agreementId())) {
                problem = "agreement.id: no agreement " + r.agreementId();
            }
            if (problem != null) {
                rejected.put(r, problem);
                continue;
            }
            // provenance may name articles this database does not have (an export from elsewhere): keep the rest of it
            List<ImportRecord.Source> sources = r.sources().stream()
                    .map(s -> s.articleId() == null || articles.contains(s.articleId()) ? s
                            : new ImportRecord.Source(null, s.url(), s.quote(), s.start(), s.end(), s.ruleId(), s.extractorVersion()))
                    .toList();
            EventContent content = new EventContent(r.type(), r.title(), r.summary(), r.date(), r.endDate(), r.placeName(),
                    r.confidence(), r.status(), r.agreementId(), ps, sources);
            pending.add(new Pending(r, key(r), content, content.hash(hasher)));
        }

        long t1 = System.nanoTime();
        resolveNanos += t1 - t0;
        Map<String, UUID> existingIds = new HashMap<>();
        Map<String, String> existingHashes = new HashMap<>();
        findByExternalKey(c, pending, existingIds, existingHashes);
        Map<UUID, StoredEvents.Stored> loaded = findByEventId(c, pending, existingIds, existingHashes);
        if (!overwriteEdits) {
            pending = keepEdits(c, pending, existingIds, existingHashes, loaded, outcomes, rejected);
        }

        long t2 = System.nanoTime();
        lookupNanos += t2 - t1;
        CopyRows inserts = insertRows.clear();
        CopyRows participants = participantRows.clear();
        CopyRows sources = sourceRows.clear();
        CopyRows changes = changeRows.clear();
        List<UUID> updatedIds = new ArrayList<>();
        try (PreparedStatement update = c.prepareStatement("update events set type = ?, title = ?, summary = ?, date_value = ?, "
                + "date_precision = ?, date_start = ?, date_end = ?, date_approximate = ?, end_value = ?, end_precision = ?, "
                + "end_start = ?, end_end = ?, end_approximate = ?, place_name = ?, confidence = ?, status = ?, agreement_id = ?, "
                + "record_hash = ?, updated_at = ?, version = version + 1 where id = ?")) {
            for (Pending p : pending) {
                String key = p.key();
                UUID id = existingIds.get(key);
                if (id != null && p.hash().equals(existingHashes.get(key))) {
                    outcomes.put(p.record(), Outcome.UNCHANGED);
                    continue;
                }
                EventContent e = p.content();
                if (id == null) {
                    id = TimeOrderedIds.next();
                    inserts.add(id).add(e.type()).add(e.title()).add(e.summary());
                    copyDate(inserts, e.date());
                    copyDate(inserts, e.endDate());
                    inserts.add(e.placeName()).add(e.confidence()).add(e.status()).add(e.agreementId())
                            .add(p.record().externalSource()).add(p.record().externalId()).add(p.hash())
                            .add(now).add(now).add(0).endRow();
                    changes.add("event").add(id).add("created").add(now).endRow();
                    outcomes.put(p.record(), Outcome.CREATED);
                } else {
                    int i = 1;
                    update.setString(i++, e.type());
                    update.setString(i++, e.title());
                    update.setString(i++, e.summary());
                    i = setDate(update, i, e.date());
                    i = setDate(update, i, e.endDate());
                    update.setString(i++, e.placeName());
                    update.setFloat(i++, e.confidence());
                    update.setString(i++, e.status());
                    update.setObject(i++, e.agreementId(), Types.OTHER);
                    update.setString(i++, p.hash());
                    update.setTimestamp(i++, Timestamp.from(now));
                    update.setObject(i, id);
                    update.addBatch();
                    updatedIds.add(id);
                    changes.add("event").add(id).add("updated").add(now).endRow();
                    outcomes.put(p.record(), Outcome.UPDATED);
                }
                int rank = e.date().precision().rank();
                for (EventContent.Participant part : e.participants()) {
                    participants.add(id).add(part.actorId()).add(part.role()).add(e.date().start()).add(e.date().end())
                            .add(rank).endRow();
                }
                for (ImportRecord.Source s : e.sources()) {
                    sources.add(TimeOrderedIds.next()).add(id).add(s.articleId()).add(s.url()).add(s.quote()).add(s.start())
                            .add(s.end()).add(s.ruleId()).add(s.extractorVersion()).add(now).endRow();
                }
            }
            if (!updatedIds.isEmpty()) {
                update.executeBatch();
                try (PreparedStatement del = c.prepareStatement("delete from event_participants where event_id = any(?)");
                     PreparedStatement delSources = c.prepareStatement("delete from event_sources where event_id = any(?)")) {
                    java.sql.Array ids = c.createArrayOf("uuid", updatedIds.toArray());
                    del.setArray(1, ids);
                    del.executeUpdate();
                    delSources.setArray(1, ids);
                    delSources.executeUpdate();
                }
            }
        }
        inserts.send(c);
        participants.send(c);
        sources.send(c);
        changes.send(c);
        writeNanos += System.nanoTime() - t2;
        return new Result(outcomes, rejected);
    }

    /** Where the time went, in nanoseconds: resolving actors, looking up stored records, writing, committing. */
    long[] phaseNanos() {
        return new long[] {resolveNanos, lookupNanos, writeNanos, commitNanos};
    }

    static String key(ImportRecord r) {
        return key(r.externalSource(), r.externalId());
    }

    private static String key(String externalSource, String externalId) {
        return externalSource + '\u001f' + externalId;
    }

    private static void findByExternalKey(Connection c, List<Pending> pending, Map<String, UUID> ids, Map<String, String> hashes)
            throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        String[] sources = new String[pending.size()];
        String[] externalIds = new String[pending.size()];
        for (int i = 0; i < pending.size(); i++) {
            sources[i] = pending.get(i).record().externalSource();
            externalIds[i] = pending.get(i).record().externalId();
        }
        try (PreparedStatement ps = c.prepareStatement("select e.external_source, e.external_id, e.id, e.record_hash from events e "
                + "join unnest(?::varchar[], ?::varchar[]) as k(s, i) on e.external_source = k.s and e.external_id = k.i")) {
            ps.setArray(1, c.createArrayOf("varchar", sources));
            ps.setArray(2, c.createArrayOf("varchar", externalIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = key(rs.getString(1), rs.getString(2));
                    ids.put(key, rs.getObject(3, UUID.class));
                    hashes.put(key, rs.getString(4));
                }
            }
        }
    }

    /**
     * Events that never had an external id (entered by hand or extracted from articles) are exported with their id
     * as externalId; such a record updates that event rather than creating a copy. Their fingerprint is computed
     * from what is stored, since they have none. Answers the events it read, by id.
     */
    private Map<UUID, StoredEvents.Stored> findByEventId(Connection c, List<Pending> pending, Map<String, UUID> ids,
                                                         Map<String, String> hashes) throws SQLException {
        Map<UUID, String> candidates = new HashMap<>();
        for (Pending p : pending) {
            String key = p.key();
            if (!ids.containsKey(key)) {
                UUID id = Ids.parseOrNull(p.record().externalId());
                if (id != null) {
                    candidates.put(id, key);
                }
            }
        }
        if (candidates.isEmpty()) {
            return Map.of();
        }
        Map<UUID, StoredEvents.Stored> stored = StoredEvents.load(c, candidates.keySet(), true);
        for (Map.Entry<UUID, StoredEvents.Stored> e : stored.entrySet()) {
            String key = candidates.get(e.getKey());
            ids.put(key, e.getKey());
            hashes.put(key, e.getValue().recordHash() != null ? e.getValue().recordHash() : e.getValue().content().hash(hasher));
        }
        return stored;
    }

    /**
     * A record that would change a stored event is checked against the event as it is now. If an editor has
     * already made the event what the record says, it is {@code unchanged} (and the record's fingerprint taken
     * over); if the event was edited since the import last stored it (its content no longer has the fingerprint
     * the import left) the record is rejected and the edit kept. Events {@code findByEventId} already read are not
     * read again. Answers the records still to write.
     */
    private List<Pending> keepEdits(Connection c, List<Pending> pending, Map<String, UUID> ids, Map<String, String> hashes,
                                    Map<UUID, StoredEvents.Stored> loaded, Map<ImportRecord, Outcome> outcomes,
                                    Map<ImportRecord, String> rejected) throws SQLException {
        Set<UUID> changing = new HashSet<>();
        for (Pending p : pending) {
            UUID id = ids.get(p.key());
            if (id != null && !p.hash().equals(hashes.get(p.key()))) {
                changing.add(id);
            }
        }
        if (changing.isEmpty()) {
            return pending;
        }
        Map<UUID, StoredEvents.Stored> stored = new HashMap<>(loaded);
        changing.removeAll(loaded.keySet());
        if (!changing.isEmpty()) {
            stored.putAll(StoredEvents.load(c, changing, false));
        }
        List<Pending> rest = new ArrayList<>(pending.size());
        List<UUID> adopt = new ArrayList<>();
        List<String> adoptHashes = new ArrayList<>();
        for (Pending p : pending) {
            UUID id = ids.get(p.key());
            StoredEvents.Stored now = id == null ? null : stored.get(id);
            if (now == null || p.hash().equals(hashes.get(p.key()))) {
                rest.add(p);
                continue;
            }
            String current = now.content().hash(hasher);
            if (current.equals(p.hash())) {
                outcomes.put(p.record(), Outcome.UNCHANGED);
                adopt.add(id);
                adoptHashes.add(p.hash());
            } else if (now.recordHash() != null && !current.equals(now.recordHash())) {
                rejected.put(p.record(), "event " + id + " was edited since this record was last imported; the edit is kept "
                        + "(onConflict=overwrite replaces it with the record)");
            } else {
                rest.add(p);
            }
        }
        if (!adopt.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("update events e set record_hash = k.h "
                    + "from unnest(?::uuid[], ?::varchar[]) as k(id, h) where e.id = k.id")) {
                ps.setArray(1, c.createArrayOf("uuid", adopt.toArray()));
                ps.setArray(2, c.createArrayOf("varchar", adoptHashes.toArray()));
                ps.executeUpdate();
            }
        }
        return rest;
    }

    private static Set<UUID> existing(Connection c, String table, Set<UUID> ids) throws SQLException {
        Set<UUID> out = new HashSet<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select id from " + table + " where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return out;
    }

    private static Set<UUID> collect(List<ImportRecord> batch, java.util.function.Function<ImportRecord, List<UUID>> f) {
        Set<UUID> out = new HashSet<>();
        for (ImportRecord r : batch) {
            out.addAll(f.apply(r));
        }
        return out;
    }

    private static void copyDate(CopyRows rows, DateValue d) {
        if (d == null) {
            rows.add(null).add(null).add(null).add(null).add(null);
        } else {
            rows.add(d.value()).add(d.precision().apiName()).add(d.start()).add(d.end()).add(d.approximate());
        }
    }

    private static int setDate(PreparedStatement ps, int i, DateValue d) throws SQLException {
        if (d == null) {
            ps.setNull(i++, Types.VARCHAR);
            ps.setNull(i++, Types.VARCHAR);
            ps.setNull(i++, Types.DATE);
            ps.setNull(i++, Types.DATE);
            ps.setNull(i++, Types.BOOLEAN);
        } else {
            ps.setString(i++, d.value());
            ps.setString(i++, d.precision().apiName());
            ps.setObject(i++, d.start());
            ps.setObject(i++, d.end());
            ps.setBoolean(i++, d.approximate());
        }
        return i;
    }

    /** A database failure in words a client can act on, without SQL. */
    private static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("23")) {
            return "it conflicts with stored data (" + state + ")";
        }
        if (state.startsWith("22")) {
            return "a value is out of range or malformed for the database (" + state + ")";
        }
        return "the database refused it (" + (state.isEmpty() ? "no state" : state) + ")";
    }

    static DateValue date(String value, String precision, LocalDate start, LocalDate end, Boolean approximate) {
        return value == null ? null : new DateValue(value, Precision.fromApiName(precision), start, end, Boolean.TRUE.equals(approximate));
    }
}
