package news.timeline.chronology;

import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.actors.ActorSummary;
import news.timeline.events.EventView;
import news.timeline.web.ApiProblem;
import news.timeline.web.Cursor;
import news.timeline.web.Page;
import news.timeline.web.QueryValues;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The read side: timelines per actor and per relationship, chronological event lists, counterparts and the change
 * log. Reads only; every list is keyset-paged on (start, precision rank, id) so pages stay stable while data grows.
 */
@ApplicationScoped
public class ChronologyService {

    private static final String ACTOR_KIND = "at";
    private static final String PAIR_KIND = "pt";
    private static final String EVENTS_KIND = "ev";
    private static final String RELATIONSHIPS_KIND = "rl";
    private static final String CHANGES_KIND = "ch";
    private static final Set<String> CHANGE_ENTITIES = Set.of("actor", "event", "agreement", "article");
    private static final Set<String> CHANGE_ACTIONS = Set.of("created", "updated", "deleted", "merged");

    private final DataSource dataSource;

    ChronologyService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The actor's events in order; with {@code includeAffiliated}, also those of actors acting for it then. */
    public Timeline actorTimeline(String actor, boolean includeAffiliated, TimelineFilter filter, String cursor) {
        String kind = ACTOR_KIND + (includeAffiliated ? "+" : "");
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, !filter.onlyExcludesRejected())) {
            ActorSummary a = actor(queries, actor);
            String scope = Cursor.scope(a.id(), filter.listKey());
            TimelineKey after = TimelineKey.decode(kind, scope, cursor);
            List<ChronologyQueries.EventRow> rows = queries.actorPage(a.id(), includeAffiliated, filter, after);
            return page(queries, "Timeline of " + a.name(), List.of(a), rows, filter.limit(), kind, scope);
        }
    }

    /** Events in which both sides take part (each side with its affiliates when {@code includeAffiliated}). */
    public Timeline relationshipTimeline(String actorA, String actorB, boolean includeAffiliated, TimelineFilter filter,
                                         String cursor) {
        String kind = PAIR_KIND + (includeAffiliated ? "+" : "");
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, !filter.onlyExcludesRejected())) {
            ActorSummary a = actor(queries, actorA);
            ActorSummary b = actor(queries, actorB);
            if (a.id().equals(b.id())) {
                throw ApiProblem.invalid("actorB", "is the same actor as actorA; a relationship needs two actors");
            }
            // A and B, or B and A: the same list, in the same order
            String scope = a.id().compareTo(b.id()) < 0 ? Cursor.scope(a.id(), b.id(), filter.listKey())
                    : Cursor.scope(b.id(), a.id(), filter.listKey());
            TimelineKey after = TimelineKey.decode(kind, scope, cursor);
            // the pair condition is symmetric: with roll-up, scan the lighter side and probe the other
            List<ChronologyQueries.EventRow> rows = includeAffiliated && queries.lighter(b.id(), a.id(), true)
                    ? queries.pairPage(b.id(), a.id(), includeAffiliated, filter, after)
                    : queries.pairPage(a.id(), b.id(), includeAffiliated, filter, after);
            return page(queries, a.name() + " and " + b.name(), List.of(a, b), rows, filter.limit(), kind, scope);
        }
    }

    /** All events, or one actor's ({@code actor}), chronologically. */
    public Timeline events(String actor, boolean includeAffiliated, TimelineFilter filter, String cursor) {
        if (actor != null && !actor.isBlank()) {
            String kind = EVENTS_KIND + "a" + (includeAffiliated ? "+" : "");
            try (ChronologyQueries queries = ChronologyQueries.open(dataSource, !filter.onlyExcludesRejected())) {
                ActorSummary a = queries.actor(actor.trim())
                        .orElseThrow(() -> ApiProblem.invalid("actor", "no actor '" + abbreviate(actor) + "'"));
                String scope = Cursor.scope(a.id(), filter.listKey());
                TimelineKey after = TimelineKey.decode(kind, scope, cursor);
                return page(queries, "Events of " + a.name(), List.of(a),
                        queries.actorPage(a.id(), includeAffiliated, filter, after), filter.limit(), kind, scope);
            }
        }
        String scope = Cursor.scope(filter.listKey());
        TimelineKey after = TimelineKey.decode(EVENTS_KIND, scope, cursor);
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, !filter.onlyExcludesRejected())) {
            return page(queries, "Events", List.of(), queries.eventPage(filter, after), filter.limit(), EVENTS_KIND, scope);
        }
    }

    /** The overview's lists hold at most this many entries each. */
    public static final int OVERVIEW_MAX = 50;

    /** Counts, the {@code limit} latest-dated events and the {@code limit} most active actors. */
    public Overview overview(int limit) {
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, false)) {
            long[] held = queries.holdings();
            List<EventView> latest = queries.complete(queries.latestEvents(limit));
            List<Overview.ActiveActor> active = queries.mostActiveActors(limit).stream()
                    .map(a -> new Overview.ActiveActor(a.actor(), a.events())).toList();
            return new Overview(new Overview.Counts(held[0], held[1], held[2]), latest, active);
        }
    }

    /** The actors sharing events with {@code actor}, most shared events first, each with its latest shared event's date. */
    public Page<Relationship> relationships(String actor, boolean includeAffiliated, List<String> statuses, String cursor,
                                            Integer limit) {
        int lim = Cursor.limit(limit);
        TimelineFilter statusFilter = TimelineFilter.parse(null, null, null, null, null, statuses, null);
        List<ChronologyQueries.Counterpart> found;
        String scope;
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, true)) {
            ActorSummary a = actor(queries, actor);
            scope = Cursor.scope(a.id(), includeAffiliated, statusFilter.listKey());
            List<String> keys = Cursor.decode(RELATIONSHIPS_KIND, scope, cursor, 2);
            Long afterCount = null;
            UUID afterId = null;
            if (keys != null) {
                try {
                    afterCount = Long.parseLong(keys.get(0));
                    afterId = UUID.fromString(keys.get(1));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.invalid("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
                }
            }
            found = queries.counterparts(a.id(), includeAffiliated, statusFilter.statuses(), afterCount, afterId, lim);
        }
        List<Relationship> items = new ArrayList<>();
        for (ChronologyQueries.Counterpart c : found.subList(0, Math.min(lim, found.size()))) {
            items.add(new Relationship(c.actor(), c.events(), c.latest(), c.latestEvent()));
        }
        String next = null;
        if (found.size() > lim) {
            Relationship last = items.get(items.size() - 1);
            next = Cursor.encode(RELATIONSHIPS_KIND, scope, List.of(Long.toString(last.events()), last.actor().id().toString()));
        }
        return new Page<>(items, next);
    }

    /** The change log after {@code since} (a timestamp with offset), oldest first: how a client keeps a copy in sync. */
    public Page<ChangeView> changes(String since, List<String> entities, List<String> actions, String cursor, Integer limit) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Instant from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = OffsetDateTime.parse(since.trim()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new ApiProblem.FieldError("since", "is not a timestamp with offset (e.g. 2024-09-14T09:45:00Z)"));
            }
        }
        List<String> ent = oneOf("entity", entities, CHANGE_ENTITIES, errors);
        List<String> act = oneOf("action", actions, CHANGE_ACTIONS, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        int lim = Cursor.limit(limit);
        String scope = Cursor.scope(from, ent.stream().sorted().distinct().toList(), act.stream().sorted().distinct().toList());
        List<String> keys = Cursor.decode(CHANGES_KIND, scope, cursor, 1);
        long afterSeq = 0;
        if (keys != null) {
            try {
                afterSeq = Long.parseLong(keys.get(0));
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
            }
        }
        List<ChronologyQueries.Change> found;
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, false)) {
            found = queries.changes(from, afterSeq, ent, act, lim);
        }
        List<ChangeView> items = found.subList(0, Math.min(lim, found.size())).stream()
                .map(c -> new ChangeView(c.seq(), c.entity(), c.id(), c.action(), c.mergedInto(), c.changedAt(),
                        c.status(), c.reason(), c.by())).toList();
        String next = found.size() > lim
                ? Cursor.encode(CHANGES_KIND, scope, List.of(Long.toString(items.get(items.size() - 1).seq()))) : null;
        return new Page<>(items, next);
    }

    private static Timeline page(ChronologyQueries queries, String title, List<ActorSummary> actors,
                                 List<ChronologyQueries.EventRow> rows, int limit, String kind, String scope) {
        boolean more = rows.size() > limit;
        List<ChronologyQueries.EventRow> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? shown.get(shown.size() - 1).key().encode(kind, scope) : null;
        List<EventView> items = queries.complete(shown);
        return new Timeline(title, actors, items, next, null, null);
    }

    private static ActorSummary actor(ChronologyQueries queries, String idOrSlug) {
        return queries.actor(idOrSlug).orElseThrow(() -> ApiProblem.notFound("actor", abbreviate(idOrSlug)));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static List<String> oneOf(String field, List<String> raw, Set<String> allowed, List<ApiProblem.FieldError> errors) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (String r : raw) {
            for (String v : r.split(",", -1)) {
                String s = v.trim();
                if (allowed.contains(s)) {
                    out.add(s);
                } else {
                    errors.add(new ApiProblem.FieldError(field, "unknown value " + QueryValues.quoted(s) + "; expected one of "
                            + String.join(", ", allowed.stream().sorted().toList())));
                }
            }
        }
        return out;
    }
}
