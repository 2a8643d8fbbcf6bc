package news.timeline.chronology;

import news.timeline.actors.ActorSummary;
import news.timeline.events.EventView;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.extraction.temporal.Precision;
import news.timeline.web.Ids;

import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side's SQL. Plain JDBC on purpose: a timeline page is one keyset range scan on
 * {@code event_participants (actor_id, event_start, precision_rank, event_id)} per member actor, and the views of
 * a page are built with two batched queries (participants, sources), never one query per event.
 *
 * <p>Members: an actor's timeline covers the actor itself and, with roll-up, every actor affiliated to it, each
 * restricted to the events that overlap its period of affiliation.
 *
 * <p>One instance serves one request on one pooled connection ({@link #open}), so a page's three or four statements
 * cost one pool checkout; autocommit, since every statement reads a consistent snapshot of its own and a page's
 * views are keyed by the ids its page statement returned.
 */
final class ChronologyQueries implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChronologyQueries.class);
    /** Counting a side's participations stops here: enough to tell a light side from a heavy one. */
    private static final int WEIGHT_CAP = 1000;
    private static final String MEMBERS = """
            select ?::uuid as actor_id, null::date as valid_from, null::date as valid_to
            union all
            select f.actor_id, f.valid_from, f.valid_to from actor_affiliations f where f.affiliated_to = ? and ?
            """;
    private static final String EVENT_COLUMNS = """
            e.id, e.type, e.title, e.summary, e.date_value, e.date_precision, e.date_start, e.date_end, e.date_approximate,
            e.end_value, e.end_precision, e.end_start, e.end_end, e.end_approximate, e.place_name, e.confidence, e.status,
            e.agreement_id, ag.name as agreement_name, e.external_id, e.created_at, e.updated_at, e.precision_rank""";
    /** The earliest start an event overlapping "from" can have (see V011): 366 days before, or a coarse event's start. */
    private static final String EARLIEST_START = "least(?::date - 366, (select min(c.date_start) from events c "
            + "where c.precision_rank >= 7 and c.date_end >= ?::date))";
    /**
     * A text query: the vectors of indexed events (title, summary and quotes; V041), and for events written since
     * their last indexing (still queued) their vector computed now, so an answer never depends on the indexer's lag.
     */
    private static final String Q_MATCH = """
            e.id in (select s.event_id from event_search s
                     where s.search @@ websearch_to_tsquery('english', ?)
                       and not exists (select 1 from search_queue q where q.event_id = s.event_id)
                     union all
                     select q.event_id from search_queue q
                     where event_search_vector(q.event_id) @@ websearch_to_tsquery('english', ?))""";

    /** An event row of a page with its sort key; participants and sources are added in batch. */
    record EventRow(TimelineKey key, EventView partial) {
    }

    private final Connection connection;

    private ChronologyQueries(Connection connection) {
        this.connection = connection;
    }

    /**
     * Checks a connection out of the pool for one request's reads; close it to give it back.
     *
     * <p>The pool's sessions use generic plans ({@code quarkus.datasource.jdbc.new-connection-sql}): the keyset pages
     * carry their actor, cursor and limit as parameters, and for such statements PostgreSQL's default keeps choosing
     * a custom plan, planning the page again on every request (0.3 ms for an actor page, about as long as running it),
     * while their generic plans are the same index walks. With {@code valueDependentPlans} the statements run in a
     * transaction that restores PostgreSQL's own choice: pages filtered by content (a text query, types, statuses,
     * change time) and the counterpart counts, whose best plans depend on the values (how rare a word, how heavy an
     * actor).
     */
    static ChronologyQueries open(DataSource dataSource, boolean valueDependentPlans) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            ChronologyQueries q = new ChronologyQueries(c);
            if (valueDependentPlans) {
                c.setAutoCommit(false);
                try (var set = c.createStatement()) {
                    set.execute("set local plan_cache_mode = auto");
                }
            }
            return q;
        } catch (SQLException e) {
            if (c != null) {
                new ChronologyQueries(c).close();
            }
            throw new IllegalStateException("no database connection for a chronology read", e);
        }
    }

    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debugf(e, "ending a chronology read transaction failed");
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf(e, "closing a chronology connection failed");
            }
        }
    }

    /** A run-time setting of this read's session, as PostgreSQL reports it. */
    String setting(String name) {
        return query("select current_setting(?)", List.of(name), rs -> rs.getString(1)).get(0);
    }

    // ------------------------------------------------------------------ actors

    Optional<ActorSummary> actor(String idOrSlug) {
        UUID id = Ids.parseOrNull(idOrSlug);
        String sql = id != null ? "select id, slug, name, kind from actors where id = ?"
                : "select id, slug, name, kind from actors where slug = ?";
        List<ActorSummary> found = query(sql, List.of(id != null ? id : idOrSlug), ChronologyQueries::actorSummary);
        return found.stream().findFirst();
    }

    // ------------------------------------------------------------------ pages

    /** One page of an actor's events (with its affiliates' when {@code rollUp}). */
    List<EventRow> actorPage(UUID actor, boolean rollUp, TimelineFilter filter, TimelineKey after) {
        Sql sql = new Sql();
        sql.add("with m as (" + MEMBERS + "),\n", actor, actor, rollUp);
        sql.add("k as (select distinct x.event_id, x.event_start, x.precision_rank from m cross join lateral (\n");
        memberScan(sql, "m", filter, after, null, null);
        sql.add(") x order by x.event_start, x.precision_rank, x.event_id limit ?)\n", filter.limit() + 1);
        selectEvents(sql);
        return query(sql.text(), sql.params(), ChronologyQueries::eventRow);
    }

    /** One page of the events in which both sides take part, each side with its affiliates when {@code rollUp}. */
    List<EventRow> pairPage(UUID a, UUID b, boolean rollUp, TimelineFilter filter, TimelineKey after) {
        return rollUp ? pairPageRolledUp(a, b, filter, after) : pairPageDirect(a, b, filter, after);
    }

    /**
     * Two actors: a merge join of their two index ranges, both already in (start, rank, id) order, read lazily
     * until the page is full; no sort, no heap.
     */
    private List<EventRow> pairPageDirect(UUID a, UUID b, TimelineFilter filter, TimelineKey after) {
        Sql sql = new Sql();
        sql.add("with k as (");
        directPairKeys(sql, a, b, filter, after);
        sql.add(")\n");
        selectEvents(sql);
        return query(sql.text(), sql.params(), ChronologyQueries::eventRow);
    }

    /** The keys of a page of two actors' shared events (a page and one more). */
    private void directPairKeys(Sql sql, UUID a, UUID b, TimelineFilter filter, TimelineKey after) {
        boolean readsEvents = !filter.onlyExcludesRejected();
        sql.add("select pa.event_id, pa.event_start, pa.precision_rank\n"
                + "from event_participants pa join event_participants pb\n"
                + "  on pb.event_id = pa.event_id and pb.event_start = pa.event_start and pb.precision_rank = pa.precision_rank\n"
                + (readsEvents ? "join events e on e.id = pa.event_id\n" : "")
                + "where pa.actor_id = ? and pb.actor_id = ?\n", a, b);
        if (after != null) {
            sql.add("and (pa.event_start, pa.precision_rank, pa.event_id) > (?::date, ?::smallint, ?::uuid)\n"
                    + "and (pb.event_start, pb.precision_rank, pb.event_id) > (?::date, ?::smallint, ?::uuid)\n",
                    after.start(), after.rank(), after.id(), after.start(), after.rank(), after.id());
        }
        if (filter.from() != null) {
            sql.add("and pa.event_end >= ? and pa.event_start >= " + EARLIEST_START + "\n"
                    + "and pb.event_start >= " + EARLIEST_START + "\n",
                    filter.from(), filter.from(), filter.from(), filter.from(), filter.from());
        }
        if (filter.to() != null) {
            sql.add("and pa.event_start <= ? and pb.event_start <= ?\n", filter.to(), filter.to());
        }
        if (readsEvents) {
            eventConditions(sql, filter);
        } else {
            sql.add("and not exists (select 1 from events r where r.id = pa.event_id and r.status = 'rejected')\n");
        }
        sql.add("order by pa.event_start, pa.precision_rank, pa.event_id limit ?", filter.limit() + 1);
    }

    /**
     * The key of the last event a rolled-up pair page can hold: the two actors' own shared events are a subset of
     * the rolled-up ones, so a page's worth of them ends at or after the rolled-up page. Null when they have fewer.
     */
    private TimelineKey pageHorizon(UUID a, UUID b, TimelineFilter filter, TimelineKey after) {
        Sql counted = new Sql();
        counted.add("select count(*) over (), k.event_start, k.precision_rank, k.event_id from (");
        directPairKeys(counted, a, b, filter, after);
        counted.add(") k order by 2 desc, 3 desc, 4 desc limit 1");
        List<TimelineKey> found = query(counted.text(), counted.params(), rs -> rs.getLong(1) > filter.limit()
                ? new TimelineKey(rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getObject(4, UUID.class)) : null);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Two sides with their affiliates: side A's members are scanned in key order, each event probed for a
     * participant of side B (within its period). The probe is an {@code offset 0} subquery so it stays a per-row
     * index lookup instead of a hash of all of side B's events; side A should be the lighter side.
     */
    private List<EventRow> pairPageRolledUp(UUID a, UUID b, TimelineFilter filter, TimelineKey after) {
        TimelineKey until = pageHorizon(a, b, filter, after);
        Sql sql = new Sql();
        sql.add("with ma as (" + MEMBERS + "),\n", a, a, true);
        sql.add("mb as materialized (" + MEMBERS + "),\n", b, b, true);
        sql.add("k as (select distinct x.event_id, x.event_start, x.precision_rank from ma cross join lateral (\n");
        memberScan(sql, "ma", filter, after, until, """
                and exists (select 1 from event_participants bp
                            where bp.event_id = ep.event_id and bp.actor_id <> ep.actor_id
                              and exists (select 1 from mb where mb.actor_id = bp.actor_id
                                          and (mb.valid_to is null or bp.event_start <= mb.valid_to)
                                          and (mb.valid_from is null or bp.event_end >= mb.valid_from))
                            offset 0)
                """);
        sql.add(") x order by x.event_start, x.precision_rank, x.event_id limit ?)\n", filter.limit() + 1);
        selectEvents(sql);
        return query(sql.text(), sql.params(), ChronologyQueries::eventRow);
    }

    /**
     * True when side B has fewer participations than side A (counted up to a cap). A pair page scans one side in
     * date order and checks the other per event, so scanning the lighter side finds the shared events soonest.
     */
    boolean lighter(UUID b, UUID a, boolean rollUp) {
        Sql sql = new Sql();
        sql.add("with ma as (" + MEMBERS + "),\n", a, a, rollUp);
        sql.add("mb as (" + MEMBERS + ")\n", b, b, rollUp);
        sql.add("select (select count(*) from (select 1 from ma join event_participants ep on ep.actor_id = ma.actor_id limit ?) x),\n"
                + "       (select count(*) from (select 1 from mb join event_participants ep on ep.actor_id = mb.actor_id limit ?) y)",
                WEIGHT_CAP, WEIGHT_CAP);
        List<long[]> w = query(sql.text(), sql.params(), rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        return w.get(0)[1] < w.get(0)[0];
    }

    /** One page of all events, chronological ({@code events_chronology_idx}). */
    List<EventRow> eventPage(TimelineFilter filter, TimelineKey after) {
        Sql sql = new Sql();
        sql.add("select " + EVENT_COLUMNS + "\nfrom events e left join agreements ag on ag.id = e.agreement_id\nwhere true\n");
        if (after != null) {
            sql.add("and (e.date_start, e.precision_rank, e.id) > (?::date, ?::smallint, ?::uuid)\n",
                    after.start(), after.rank(), after.id());
        }
        if (filter.from() != null) {
            sql.add("and e.date_end >= ? and e.date_start >= " + EARLIEST_START + "\n", filter.from(), filter.from(), filter.from());
        }
        if (filter.to() != null) {
            sql.add("and e.date_start <= ?\n", filter.to());
        }
        eventConditions(sql, filter);
        sql.add("order by e.date_start, e.precision_rank, e.id limit ?", filter.limit() + 1);
        return query(sql.text(), sql.params(), ChronologyQueries::eventRow);
    }

    /**
     * The lateral part: one member's events in key order, filtered, at most a page (+1) of them. With no filter on
     * the events themselves but the default "not rejected", the scan reads only the participants index and the
     * small index of rejected events; other filters join the events table.
     */
    private void memberScan(Sql sql, String member, TimelineFilter filter, TimelineKey after, TimelineKey until, String extra) {
        boolean readsEvents = !filter.onlyExcludesRejected();
        sql.add("select ep.event_id, ep.event_start, ep.precision_rank\n"
                + "from event_participants ep" + (readsEvents ? " join events e on e.id = ep.event_id" : "") + "\n"
                + "where ep.actor_id = " + member + ".actor_id\n"
                + "and (" + member + ".valid_to is null or ep.event_start <= " + member + ".valid_to)\n"
                + "and (" + member + ".valid_from is null or ep.event_end >= " + member + ".valid_from)\n");
        if (after != null) {
            sql.add("and (ep.event_start, ep.precision_rank, ep.event_id) > (?::date, ?::smallint, ?::uuid)\n",
                    after.start(), after.rank(), after.id());
        }
        if (until != null) {
            sql.add("and (ep.event_start, ep.precision_rank, ep.event_id) <= (?::date, ?::smallint, ?::uuid)\n",
                    until.start(), until.rank(), until.id());
        }
        if (filter.from() != null) {
            sql.add("and ep.event_end >= ? and ep.event_start >= " + EARLIEST_START + "\n", filter.from(), filter.from(), filter.from());
        }
        if (filter.to() != null) {
            sql.add("and ep.event_start <= ?\n", filter.to());
        }
        if (readsEvents) {
            eventConditions(sql, filter);
        } else {
            sql.add("and not exists (select 1 from events r where r.id = ep.event_id and r.status = 'rejected')\n");
        }
        if (extra != null) {
            sql.add(extra);
        }
        sql.add("order by ep.event_start, ep.precision_rank, ep.event_id limit ?\n", filter.limit() + 1);
    }

    private static void eventConditions(Sql sql, TimelineFilter filter) {
        sql.add("and e.status = any(?)\n", filter.statuses());
        if (!filter.types().isEmpty()) {
            sql.add("and e.type = any(?)\n", filter.types());
        }
        if (filter.addedSince() != null) {
            sql.add("and e.updated_at > ?\n", filter.addedSince());
        }
        if (filter.query() != null) {
            sql.add("and " + Q_MATCH + "\n", filter.query(), filter.query());
        }
    }

    private static void selectEvents(Sql sql) {
        sql.add("select " + EVENT_COLUMNS + "\nfrom k join events e on e.id = k.event_id left join agreements ag on ag.id = e.agreement_id\n"
                + "order by k.event_start, k.precision_rank, k.event_id");
    }

    // ------------------------------------------------------------------ views

    /** Completes page rows with participants and sources: two queries for the whole page. */
    List<EventView> complete(List<EventRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> r.partial().id()).toList();
        Map<UUID, List<EventView.Participant>> participants = new HashMap<>();
        forEach("""
                select ep.event_id, ep.role, a.id, a.slug, a.name, a.kind
                from event_participants ep
                cross join lateral (select a.id, a.slug, a.name, a.kind from actors a where a.id = ep.actor_id offset 0) a
                where ep.event_id = any(?) order by ep.event_id, a.name, a.id""", List.of(ids), rs -> {
            UUID event = rs.getObject(1, UUID.class);
            participants.computeIfAbsent(event, x -> new ArrayList<>()).add(new EventView.Participant(
                    new ActorSummary(rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6)),
                    rs.getString(2)));
        });
        Map<UUID, List<EventView.Source>> sources = new HashMap<>();
        forEach("""
                select s.event_id, s.article_id, s.url, s.quote, s.start_offset, s.end_offset, s.rule_id, s.extractor_version, s.id
                from event_sources s where s.event_id = any(?) order by s.event_id, s.created_at, s.start_offset""",
                List.of(ids), rs -> sources.computeIfAbsent(rs.getObject(1, UUID.class), x -> new ArrayList<>())
                        .add(new EventView.Source(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(8),
                                rs.getObject(9, UUID.class))));
        List<EventView> out = new ArrayList<>(rows.size());
        for (EventRow r : rows) {
            EventView p = r.partial();
            out.add(new EventView(p.id(), p.type(), p.title(), p.summary(), p.date(), p.endDate(), p.place(),
                    List.copyOf(participants.getOrDefault(p.id(), List.of())), p.agreement(),
                    List.copyOf(sources.getOrDefault(p.id(), List.of())), p.confidence(), p.status(), p.externalId(),
                    p.createdAt(), p.updatedAt()));
        }
        return out;
    }

    // ------------------------------------------------------------------ relationships

    record Counterpart(ActorSummary actor, long events, UUID latestEvent, DateValue latest) {
    }

    /**
     * The actors that share events with {@code actor} (and its affiliates, within their periods, when
     * {@code rollUp}), most events first. {@code afterCount}/{@code afterId} continue a previous page.
     */
    List<Counterpart> counterparts(UUID actor, boolean rollUp, List<String> statuses, Long afterCount, UUID afterId, int limit) {
        boolean notRejected = TimelineFilter.isDefaultStatuses(statuses);
        String statusCondition = notRejected
                ? "not exists (select 1 from events r where r.id = ep.event_id and r.status = 'rejected')"
                : "exists (select 1 from events s where s.id = ep.event_id and s.status = any(?))";
        Sql sql = new Sql();
        sql.add("with m as (" + MEMBERS + "),\n", actor, actor, rollUp);
        sql.add("""
                mine as (select distinct ep.event_id from m join event_participants ep on ep.actor_id = m.actor_id
                         where (m.valid_to is null or ep.event_start <= m.valid_to)
                           and (m.valid_from is null or ep.event_end >= m.valid_from)
                           and %s),
                c as (select o.actor_id, count(*) as n,
                             (array_agg(o.event_id order by o.event_start desc, o.precision_rank, o.event_id desc))[1] as latest
                      from mine join event_participants o on o.event_id = mine.event_id
                      where o.actor_id not in (select actor_id from m)
                      group by o.actor_id)
                select a.id, a.slug, a.name, a.kind, c.n, e.id, e.date_value, e.date_precision, e.date_start, e.date_end, e.date_approximate
                from c join actors a on a.id = c.actor_id join events e on e.id = c.latest
                """.formatted(statusCondition));
        if (!notRejected) {
            sql.params().add(statuses);
        }
        if (afterCount != null) {
            sql.add("where (c.n < ? or (c.n = ? and c.actor_id > ?))\n", afterCount, afterCount, afterId);
        }
        sql.add("order by c.n desc, c.actor_id limit ?", limit + 1);
        return query(sql.text(), sql.params(), rs -> new Counterpart(actorSummary(rs), rs.getLong(5),
                rs.getObject(6, UUID.class), date(rs, 7)));
    }

    // ------------------------------------------------------------------ overview

    /** What the database holds: rows of events (not rejected), actors and articles. */
    long[] holdings() {
        return query("""
                select (select count(*) from events where status <> 'rejected'), (select count(*) from actors),
                       (select count(*) from articles)""", List.of(),
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).get(0);
    }

    /** The latest-dated events that are not rejected: the chronological index walked backwards. */
    List<EventRow> latestEvents(int limit) {
        return query("select " + EVENT_COLUMNS + "\nfrom events e left join agreements ag on ag.id = e.agreement_id\n"
                + "where e.status <> 'rejected'\norder by e.date_start desc, e.precision_rank desc, e.id desc limit ?",
                List.of(limit), ChronologyQueries::eventRow);
    }

    record ActiveActor(ActorSummary actor, long events) {
    }

    /** The actors taking part in the most events that are not rejected, most first (name, then id, on ties). */
    List<ActiveActor> mostActiveActors(int limit) {
        return query("""
                with c as (select ep.actor_id, count(*) as n from event_participants ep
                           where not exists (select 1 from events r where r.id = ep.event_id and r.status = 'rejected')
                           group by ep.actor_id)
                select a.id, a.slug, a.name, a.kind, c.n from c join actors a on a.id = c.actor_id
                order by c.n desc, a.name, a.id limit ?""", List.of(limit),
                rs -> new ActiveActor(actorSummary(rs), rs.getLong(5)));
    }

    // ------------------------------------------------------------------ changes

    record Change(long seq, String entity, UUID id, String action, UUID mergedInto, Instant changedAt, String status,
                  String reason, String by) {
    }

    List<Change> changes(Instant since, long afterSeq, List<String> entities, List<String> actions, int limit) {
        Sql sql = new Sql();
        sql.add("select seq, entity, entity_id, action, merged_into, changed_at, status, reason, changed_by from changes where seq > ?\n", afterSeq);
        if (since != null) {
            sql.add("and changed_at > ?\n", since);
        }
        if (!entities.isEmpty()) {
            sql.add("and entity = any(?)\n", entities);
        }
        if (!actions.isEmpty()) {
            sql.add("and action = any(?)\n", actions);
        }
        sql.add("order by seq limit ?", limit + 1);
        return query(sql.text(), sql.params(), rs -> new Change(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getObject(5, UUID.class), instant(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9)));
    }

    // ------------------------------------------------------------------ mapping

    private static ActorSummary actorSummary(ResultSet rs) throws SQLException {
        return new ActorSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    private static EventRow eventRow(ResultSet rs) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        DateValue date = date(rs, 5);
        DateValue end = rs.getString(10) == null ? null : date(rs, 10);
        UUID agreementId = rs.getObject(18, UUID.class);
        EventView v = new EventView(id, rs.getString(2), rs.getString(3), rs.getString(4), date, end,
                rs.getString(15) == null ? null : new EventView.Place(rs.getString(15)), List.of(),
                agreementId == null ? null : new EventView.AgreementRef(agreementId, rs.getString(19)), List.of(),
                EventView.confidence(rs.getFloat(16)), rs.getString(17), rs.getString(20), instant(rs, 21), instant(rs, 22));
        return new EventRow(new TimelineKey(date.start(), rs.getInt(23), id), v);
    }

    /** A date object from five columns starting at {@code first}: value, precision, start, end, approximate. */
    private static DateValue date(ResultSet rs, int first) throws SQLException {
        return new DateValue(rs.getString(first), Precision.fromApiName(rs.getString(first + 1)),
                rs.getObject(first + 2, LocalDate.class), rs.getObject(first + 3, LocalDate.class), rs.getBoolean(first + 4));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    // ------------------------------------------------------------------ jdbc

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, RowMapper<T> mapper) {
        List<T> out = new ArrayList<>();
        forEach(sql, params, rs -> out.add(mapper.map(rs)));
        return out;
    }

    private void forEach(String sql, List<Object> params, RowConsumer consumer) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s\n-- parameters: %s", sql, params);
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                bind(connection, ps, i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("chronology query failed", e);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof List<?> list) {
            boolean uuids = !list.isEmpty() && list.get(0) instanceof UUID;
            Array array = c.createArrayOf(uuids ? "uuid" : "text", list.toArray());
            ps.setArray(index, array);
        } else if (value instanceof Instant i) {
            ps.setObject(index, i.atOffset(ZoneOffset.UTC));
        } else {
            ps.setObject(index, value);
        }
    }

    /** SQL text with its positional parameters, built in step. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        void add(String fragment, Object... values) {
            text.append(fragment);
            params.addAll(java.util.Arrays.asList(values));
        }

        String text() {
            return text.toString();
        }

        List<Object> params() {
            return params;
        }
    }
}
