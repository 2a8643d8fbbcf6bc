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

    /** Sets a run-time setting for the rest of this read's transaction (none without one: the pool's value stays). */
    private void localSetting(String name, String value) {
        try {
            if (!connection.getAutoCommit()) {
                try (PreparedStatement ps = connection.prepareStatement("select set_config(?, ?, true)")) {
                    ps.setString(1, name);
                    ps.setString(2, value);
                    ps.executeQuery().close();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("setting " + name + " for a chronology read failed", e);
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

    // ------------------------------------------------------------------ relationship summary

    /** Counts of a pair's shared events: by type, by year and by month (first day of each), and the first and last key. */
    record PairCounts(long events, Map<String, Long> byType, java.util.NavigableMap<LocalDate, Long> byYear,
                      java.util.NavigableMap<LocalDate, Long> byMonth,
                      UUID first, UUID last, List<SideMember> sides) {
    }

    record SideMember(int side, ActorSummary actor, long events) {
    }

    record SharedAgreement(UUID id, String name, String kind, String status, DateValue signed) {
    }

    /**
     * The shared events of a pair, exactly the set its timeline pages through: an event with a participant of side
     * A and another participant of side B (each a member within its period when {@code rollUp}), filtered as the
     * timeline is. Defines {@code ma}, {@code mb}, {@code s (id, type, date_start, precision_rank)} and, when
     * {@code rollUp}, {@code sa} and {@code sb}: the participations of each side's affiliates (the side itself left out).
     */
    private static void sharedEvents(Sql sql, UUID a, UUID b, boolean rollUp, TimelineFilter filter) {
        sql.add("with ma as materialized (" + MEMBERS + "),\n", a, a, rollUp);
        sql.add("mb as materialized (" + MEMBERS + "),\n", b, b, rollUp);
        if (!rollUp) {
            // two actors: a merge join of their two timeline index ranges, as the pair pages do (one probe of the
            // other side's primary key per event was random reads: 1.7 s for the busiest pair at 1M events)
            sql.add("""
                    shared as materialized (
                      select pa.event_id from event_participants pa join event_participants pb
                        on pb.event_id = pa.event_id and pb.event_start = pa.event_start and pb.precision_rank = pa.precision_rank
                      where pa.actor_id = ? and pb.actor_id = ?
                    """, a, b);
            dateRange(sql, "pa", filter);
        } else {
            // Every pair (x of side A, y of side B, x <> y) is (A, B) itself, (A, an affiliate of B), or (an affiliate
            // of A, anyone of B). The heavy part, A with B, is the merge join of their two timeline index ranges (no
            // sort, no hash); the affiliates' participations (sa, sb: a tenth of the sides at 1M events) are read once
            // and each joined to the other side. Reading both sides whole and hashing them took twice as long.
            sql.add("sa as materialized (select ep.event_id, ep.actor_id, ep.event_start, ep.event_end, ep.precision_rank\n"
                    + "  from ma join event_participants ep on ep.actor_id = ma.actor_id\n"
                    + "  and (ma.valid_to is null or ep.event_start <= ma.valid_to) and (ma.valid_from is null or ep.event_end >= ma.valid_from)\n"
                    + "  where ma.actor_id <> ?\n", a);
            dateRange(sql, "ep", filter);
            sql.add("),\nsb as materialized (select ep.event_id, ep.actor_id, ep.event_start, ep.event_end, ep.precision_rank\n"
                    + "  from mb join event_participants ep on ep.actor_id = mb.actor_id\n"
                    + "  and (mb.valid_to is null or ep.event_start <= mb.valid_to) and (mb.valid_from is null or ep.event_end >= mb.valid_from)\n"
                    + "  where mb.actor_id <> ?\n", b);
            dateRange(sql, "ep", filter);
            sql.add("""
                    ),
                    shared as materialized (
                      select pa.event_id from event_participants pa join event_participants pb
                        on pb.event_id = pa.event_id and pb.event_start = pa.event_start and pb.precision_rank = pa.precision_rank
                      where pa.actor_id = ? and pb.actor_id = ?
                    """, a, b);
            dateRange(sql, "pa", filter);
            // an affiliate of A and another participant of the event that is of side B within its period (the
            // participant rows carry the event's dates, so x's dates are q's)
            sql.add("""
                    union
                    select x.event_id from sa x join event_participants q on q.event_id = x.event_id and q.actor_id <> x.actor_id
                      join mb on mb.actor_id = q.actor_id
                       and (mb.valid_to is null or x.event_start <= mb.valid_to) and (mb.valid_from is null or x.event_end >= mb.valid_from)
                    union
                    select y.event_id from sb y where y.actor_id <> ? and exists (select 1 from event_participants q
                      where q.actor_id = ? and q.event_start = y.event_start and q.precision_rank = y.precision_rank
                        and q.event_id = y.event_id offset 0)
                    """, a, a);
            // (offset 0: one probe of A's timeline index per affiliate participation of B, not a read of A's whole range)
        }
        sql.add("),\ns as materialized (select e.id, e.type, e.date_start, e.precision_rank from shared join events e on e.id = shared.event_id\nwhere true\n");
        eventConditions(sql, filter);
        sql.add(")\n");
    }

    private static void dateRange(Sql sql, String alias, TimelineFilter filter) {
        if (filter.from() != null) {
            sql.add("and " + alias + ".event_end >= ?\n", filter.from());
        }
        if (filter.to() != null) {
            sql.add("and " + alias + ".event_start <= ?\n", filter.to());
        }
    }

    /**
     * One statement over the shared events: the counts by type, year and month, the first and last in timeline order,
     * and, with {@code rollUp}, the affiliates of each side (1 = A, 2 = B; never the side itself) that took part,
     * counted from the participations the shared set was found with (no second read of either side: at 1M events
     * the busiest rolled-up pair reads ~130,000 participations, which two statements read twice).
     */
    PairCounts pairCounts(UUID a, UUID b, boolean rollUp, TimelineFilter filter) {
        if (rollUp) {
            // both sides' participations are sorted or hashed whole: in the default 4 MB they spill to disk
            localSetting("work_mem", "32MB");
        }
        Sql sql = new Sql();
        sharedEvents(sql, a, b, rollUp, filter);
        sql.add("""
                select 0, s.type, null::date, count(*), null, null, null from s group by s.type
                union all
                select 1, null, date_trunc('year', s.date_start)::date, count(*), null, null, null from s group by 3
                union all
                select 2, null, date_trunc('month', s.date_start)::date, count(*), null, null, null from s group by 3
                union all
                (select 3, s.id::text, null, 0, null, null, null from s order by s.date_start, s.precision_rank, s.id limit 1)
                union all
                (select 4, s.id::text, null, 0, null, null, null from s order by s.date_start desc, s.precision_rank desc, s.id desc limit 1)
                """);
        if (rollUp) {
            sql.add("""
                    union all
                    select 5, x.actor_id::text, null, x.n, act.slug, act.name, act.kind
                    from (select sa.actor_id, count(distinct sa.event_id) as n from sa join s on s.id = sa.event_id
                          group by sa.actor_id) x join actors act on act.id = x.actor_id
                    union all
                    select 6, x.actor_id::text, null, x.n, act.slug, act.name, act.kind
                    from (select sb.actor_id, count(distinct sb.event_id) as n from sb join s on s.id = sb.event_id
                          group by sb.actor_id) x join actors act on act.id = x.actor_id
                    """);
        }
        // the sides' members come each side, most events first, then by name and id (the other rows go into maps)
        sql.add("order by 1, 4 desc, 6, 2");
        Map<String, Long> byType = new HashMap<>();
        java.util.NavigableMap<LocalDate, Long> byYear = new java.util.TreeMap<>();
        java.util.NavigableMap<LocalDate, Long> byMonth = new java.util.TreeMap<>();
        List<SideMember> sides = new ArrayList<>();
        UUID[] ends = new UUID[2];
        long[] total = {0};
        forEach(sql.text(), sql.params(), rs -> {
            switch (rs.getInt(1)) {
                case 0 -> {
                    byType.put(rs.getString(2), rs.getLong(4));
                    total[0] += rs.getLong(4);
                }
                case 1 -> byYear.put(rs.getObject(3, LocalDate.class), rs.getLong(4));
                case 2 -> byMonth.put(rs.getObject(3, LocalDate.class), rs.getLong(4));
                case 3 -> ends[0] = UUID.fromString(rs.getString(2));
                case 4 -> ends[1] = UUID.fromString(rs.getString(2));
                default -> sides.add(new SideMember(rs.getInt(1) - 4, new ActorSummary(UUID.fromString(rs.getString(2)),
                        rs.getString(5), rs.getString(6), rs.getString(7)), rs.getLong(4)));
            }
        });
        return new PairCounts(total[0], byType, byYear, byMonth, ends[0], ends[1], List.copyOf(sides));
    }

    /**
     * Agreements with a party on each side (the sides' members when {@code rollUp}): signed ones when their signing
     * overlaps from/to, unsigned ones always; {@code addedSince} on the agreement's last change.
     */
    List<SharedAgreement> sharedAgreements(UUID a, UUID b, boolean rollUp, TimelineFilter filter) {
        Sql sql = new Sql();
        sql.add("with ma as (" + MEMBERS + "),\n", a, a, rollUp);
        sql.add("mb as (" + MEMBERS + ")\n", b, b, rollUp);
        sql.add("""
                select g.id, g.name, g.kind, g.status, g.signed_value, g.signed_precision, g.signed_start, g.signed_end,
                       coalesce(g.signed_approximate, false)
                from agreements g
                where exists (select 1 from agreement_parties x join ma on ma.actor_id = x.actor_id where x.agreement_id = g.id)
                  and exists (select 1 from agreement_parties y join mb on mb.actor_id = y.actor_id where y.agreement_id = g.id)
                """);
        if (filter.from() != null) {
            sql.add("and (g.signed_end is null or g.signed_end >= ?)\n", filter.from());
        }
        if (filter.to() != null) {
            sql.add("and (g.signed_start is null or g.signed_start <= ?)\n", filter.to());
        }
        if (filter.addedSince() != null) {
            sql.add("and g.updated_at > ?\n", filter.addedSince());
        }
        sql.add("order by g.signed_start nulls last, g.name, g.id");
        return query(sql.text(), sql.params(), rs -> new SharedAgreement(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5) == null ? null : date(rs, 5)));
    }

    /** Events by id, as a page would show them (participants and sources included), in the order given. */
    List<EventView> eventsById(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<EventRow> rows = query("select " + EVENT_COLUMNS + "\nfrom events e left join agreements ag on ag.id = e.agreement_id "
                + "where e.id = any(?)", List.of(ids), ChronologyQueries::eventRow);
        Map<UUID, EventView> byId = new HashMap<>();
        for (EventView v : complete(rows)) {
            byId.put(v.id(), v);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    // ------------------------------------------------------------------ relationships

    record Counterpart(ActorSummary actor, long events, UUID latestEvent, DateValue latest, Map<String, Long> byType) {
    }

    /**
     * The actors that share events with {@code actor} (and its affiliates, within their periods, when
     * {@code rollUp}), most events first, each with its counts by type; the events filtered as a timeline's are.
     * {@code afterCount}/{@code afterId} continue a previous page.
     */
    List<Counterpart> counterparts(UUID actor, boolean rollUp, TimelineFilter filter, Long afterCount, UUID afterId, int limit) {
        Sql sql = new Sql();
        sql.add("with m as (" + MEMBERS + "),\n", actor, actor, rollUp);
        sql.add("""
                mine as (select distinct ep.event_id from m join event_participants ep on ep.actor_id = m.actor_id
                         where (m.valid_to is null or ep.event_start <= m.valid_to)
                           and (m.valid_from is null or ep.event_end >= m.valid_from)
                """);
        if (filter.from() != null) {
            sql.add("and ep.event_end >= ?\n", filter.from());
        }
        if (filter.to() != null) {
            sql.add("and ep.event_start <= ?\n", filter.to());
        }
        if (filter.onlyExcludesRejected()) {
            sql.add("and not exists (select 1 from events r where r.id = ep.event_id and r.status = 'rejected')),\n");
        } else {
            sql.add("and exists (select 1 from events e where e.id = ep.event_id\n");
            eventConditions(sql, filter);
            sql.add(")),\n");
        }
        // co: the counterparts' participations in those events, read once for the counts and for the page's types
        sql.add("""
                co as materialized (select o.actor_id, o.event_id, o.event_start, o.precision_rank
                      from mine join event_participants o on o.event_id = mine.event_id
                      where o.actor_id not in (select actor_id from m)),
                c as (select co.actor_id, count(*) as n,
                             (array_agg(co.event_id order by co.event_start desc, co.precision_rank, co.event_id desc))[1] as latest
                      from co group by co.actor_id),
                page as (select c.* from c
                """);
        if (afterCount != null) {
            sql.add("where (c.n < ? or (c.n = ? and c.actor_id > ?))\n", afterCount, afterCount, afterId);
        }
        sql.add("order by c.n desc, c.actor_id limit ?),\n", limit + 1);
        // the counts by type only for the page's counterparts: one join of their participations with the events
        sql.add("""
                types as (select y.actor_id, array_agg(y.type || ':' || y.n order by y.n desc, y.type) as types
                          from (select co.actor_id, ty.type, count(*) as n
                                from co join page on page.actor_id = co.actor_id
                                join events ty on ty.id = co.event_id
                                group by co.actor_id, ty.type) y
                          group by y.actor_id)
                select a.id, a.slug, a.name, a.kind, page.n, e.id, e.date_value, e.date_precision, e.date_start, e.date_end,
                       e.date_approximate, types.types
                from page join actors a on a.id = page.actor_id join events e on e.id = page.latest
                left join types on types.actor_id = page.actor_id
                order by page.n desc, page.actor_id
                """);
        return query(sql.text(), sql.params(), rs -> new Counterpart(actorSummary(rs), rs.getLong(5),
                rs.getObject(6, UUID.class), date(rs, 7), typeCounts(rs.getArray(12))));
    }

    /** {@code type:count} pairs, already in order, into an ordered map. */
    private static Map<String, Long> typeCounts(Array array) throws SQLException {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                String s = (String) o;
                int colon = s.lastIndexOf(':');
                out.put(s.substring(0, colon), Long.parseLong(s.substring(colon + 1)));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ digest

    /** A digest's scope: what changed after {@code since}, about {@code actors} (all when empty), of these statuses. */
    record DigestScope(Instant since, List<UUID> actors, boolean rollUp, List<String> statuses) {
    }

    record TypeChange(String type, boolean entered, long events) {
    }

    record ActorTypeCount(UUID actor, String type, long events) {
    }

    record DigestAgreement(UUID id, String name, String kind, String status, DateValue signed, boolean entered, Instant updatedAt) {
    }

    /**
     * {@code m (root, actor_id, valid_from, valid_to)}: each requested actor and, with roll-up, its affiliates; and
     * {@code d (id, type, entered, updated_at)}: the events changed after {@code since} (entered: created after it)
     * of the statuses asked for, in which a member takes part within its period when actors are given.
     */
    private static void digestEvents(Sql sql, DigestScope scope) {
        sql.add("""
                with m as (select r.id as root, r.id as actor_id, null::date as valid_from, null::date as valid_to
                           from unnest(?::uuid[]) r(id)
                           union all
                           select f.affiliated_to, f.actor_id, f.valid_from, f.valid_to from actor_affiliations f
                           where f.affiliated_to = any(?::uuid[]) and ?),
                d as materialized (select e.id, e.type, e.created_at > ? as entered, e.updated_at from events e
                      where e.updated_at > ? and e.status = any(?)
                """, scope.actors(), scope.actors(), scope.rollUp(), scope.since(), scope.since(), scope.statuses());
        if (!scope.actors().isEmpty()) {
            sql.add("""
                    and exists (select 1 from event_participants ep join m on m.actor_id = ep.actor_id
                                where ep.event_id = e.id
                                  and (m.valid_to is null or ep.event_start <= m.valid_to)
                                  and (m.valid_from is null or ep.event_end >= m.valid_from))
                    """);
        }
        sql.add(")\n");
    }

    List<TypeChange> digestTypes(DigestScope scope) {
        Sql sql = new Sql();
        digestEvents(sql, scope);
        sql.add("select d.type, d.entered, count(*) from d group by d.type, d.entered order by 3 desc, 1, 2 desc");
        return query(sql.text(), sql.params(), rs -> new TypeChange(rs.getString(1), rs.getBoolean(2), rs.getLong(3)));
    }

    /** New events per actor and type: per requested actor (with its affiliates), or per participant when none. */
    List<ActorTypeCount> digestActors(DigestScope scope) {
        Sql sql = new Sql();
        digestEvents(sql, scope);
        if (scope.actors().isEmpty()) {
            sql.add("""
                    select ep.actor_id, d.type, count(*) from d join event_participants ep on ep.event_id = d.id
                    where d.entered group by ep.actor_id, d.type
                    """);
        } else {
            sql.add("""
                    select m.root, d.type, count(distinct d.id) from d join event_participants ep on ep.event_id = d.id
                    join m on m.actor_id = ep.actor_id
                     and (m.valid_to is null or ep.event_start <= m.valid_to)
                     and (m.valid_from is null or ep.event_end >= m.valid_from)
                    where d.entered group by m.root, d.type
                    """);
        }
        return query(sql.text(), sql.params(), rs -> new ActorTypeCount(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)));
    }

    /** The most recently changed events of the digest, newest change first. */
    List<UUID> digestEventIds(DigestScope scope, int limit) {
        Sql sql = new Sql();
        digestEvents(sql, scope);
        sql.add("select d.id from d order by d.updated_at desc, d.id desc limit ?", limit);
        return query(sql.text(), sql.params(), rs -> rs.getObject(1, UUID.class));
    }

    /** Agreements created or changed after {@code since} (with a party among the members when actors are given), newest change first. */
    List<DigestAgreement> digestAgreements(DigestScope scope) {
        Sql sql = new Sql();
        digestEvents(sql, scope);
        sql.add("""
                select g.id, g.name, g.kind, g.status, g.signed_value, g.signed_precision, g.signed_start, g.signed_end,
                       coalesce(g.signed_approximate, false), g.created_at > ?, g.updated_at
                from agreements g where g.updated_at > ?
                """, scope.since(), scope.since());
        if (!scope.actors().isEmpty()) {
            sql.add("and exists (select 1 from agreement_parties x join m on m.actor_id = x.actor_id where x.agreement_id = g.id)\n");
        }
        sql.add("order by g.updated_at desc, g.id desc");
        return query(sql.text(), sql.params(), rs -> new DigestAgreement(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5) == null ? null : date(rs, 5), rs.getBoolean(10), instant(rs, 11)));
    }

    /**
     * Editors' decisions (by the status set), merges and deletions of events in the change log after {@code since}.
     * With actors: decisions on their events and merges into their events; deletions are not counted (a deleted
     * event's participants are gone).
     */
    Map<String, Long> digestStatusChanges(DigestScope scope) {
        Sql sql = new Sql();
        digestEvents(sql, scope);
        sql.add("""
                select coalesce(c.status, c.action), count(*) from changes c
                where c.entity = 'event' and c.changed_at > ? and (c.status is not null or c.action in ('merged', 'deleted'))
                """, scope.since());
        if (!scope.actors().isEmpty()) {
            sql.add("""
                    and c.action <> 'deleted'
                    and exists (select 1 from event_participants ep join m on m.actor_id = ep.actor_id
                                where ep.event_id = coalesce(c.merged_into, c.entity_id))
                    """);
        }
        sql.add("group by 1");
        Map<String, Long> out = new HashMap<>();
        forEach(sql.text(), sql.params(), rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /** Actors created after {@code since}: all, or with actors given, their affiliates and those in the digest's events. */
    List<ActorSummary> digestNewActors(DigestScope scope) {
        Sql sql = new Sql();
        digestEvents(sql, scope);
        sql.add("select a.id, a.slug, a.name, a.kind from actors a where a.created_at > ?\n", scope.since());
        if (!scope.actors().isEmpty()) {
            sql.add("""
                    and (a.id in (select m.actor_id from m)
                         or exists (select 1 from event_participants ep join d on d.id = ep.event_id where ep.actor_id = a.id))
                    """);
        }
        sql.add("order by a.created_at, a.id");
        return query(sql.text(), sql.params(), ChronologyQueries::actorSummary);
    }

    /** Actors by id (in no particular order). */
    List<ActorSummary> actorsById(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return query("select id, slug, name, kind from actors where id = any(?)", List.of(ids), ChronologyQueries::actorSummary);
    }

    /** The database's clock: the time a digest is taken at. */
    Instant now() {
        return query("select now()", List.of(), rs -> instant(rs, 1)).get(0);
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
            // an empty list binds as text[]; statements that need a uuid[] cast it
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
