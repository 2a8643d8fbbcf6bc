package news.timeline.chronology;

import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.actors.ActorSummary;
import news.timeline.events.EventView;
import news.timeline.web.ApiProblem;
import news.timeline.web.Cursor;
import news.timeline.web.HistoricDates;
import news.timeline.web.Page;
import news.timeline.web.QueryValues;

import news.timeline.config.ReadDatabase;

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
    private static final Set<String> CHANGE_ENTITIES = Set.of("actor", "event", "agreement", "article", "dismissal");
    private static final Set<String> CHANGE_ACTIONS = Set.of("created", "updated", "deleted", "merged");

    private final DataSource dataSource;

    /** Reads go to the read replica when one is configured ({@link ReadDatabase}), else to the primary. */
    ChronologyService(ReadDatabase reads) {
        this.dataSource = reads.dataSource();
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

    /**
     * The actors sharing events with {@code actor}, most shared events first, each with its counts by type and its
     * latest shared event's date; the events filtered as a timeline's ({@code from}, {@code to}, {@code type},
     * {@code addedSince}, {@code status}).
     */
    public Page<Relationship> relationships(String actor, boolean includeAffiliated, TimelineFilter filter, String cursor) {
        int lim = filter.limit();
        List<ChronologyQueries.Counterpart> found;
        String scope;
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, true)) {
            ActorSummary a = actor(queries, actor);
            scope = Cursor.scope(a.id(), includeAffiliated, filter.listKey());
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
            found = queries.counterparts(a.id(), includeAffiliated, filter, afterCount, afterId, lim);
        }
        List<Relationship> items = new ArrayList<>();
        for (ChronologyQueries.Counterpart c : found.subList(0, Math.min(lim, found.size()))) {
            items.add(new Relationship(c.actor(), c.events(), c.byType(), c.latest(), c.latestEvent()));
        }
        String next = null;
        if (found.size() > lim) {
            Relationship last = items.get(items.size() - 1);
            next = Cursor.encode(RELATIONSHIPS_KIND, scope, List.of(Long.toString(last.events()), last.actor().id().toString()));
        }
        return new Page<>(items, next);
    }

    /**
     * The summary of a pair over exactly the events its timeline lists with the same filters and roll-up; agreements
     * with a party on each side. {@code timeline} is the link to that timeline.
     */
    public RelationshipSummary relationshipSummary(String actorA, String actorB, boolean includeAffiliated,
                                                   TimelineFilter filter, java.net.URI timeline) {
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, true)) {
            ActorSummary a = actor(queries, actorA);
            ActorSummary b = actor(queries, actorB);
            if (a.id().equals(b.id())) {
                throw ApiProblem.invalid("actorB", "is the same actor as actorA; a relationship needs two actors");
            }
            ChronologyQueries.PairCounts counts = queries.pairCounts(a.id(), b.id(), includeAffiliated, filter);
            List<RelationshipSummary.TypeCount> byType = counts.byType().entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(java.util.Map.Entry.comparingByKey()))
                    .map(e -> new RelationshipSummary.TypeCount(e.getKey(), e.getValue())).toList();
            // months when the shared events start within two years of each other, else years
            boolean months = !counts.byMonth().isEmpty() && java.time.temporal.ChronoUnit.MONTHS.between(
                    counts.byMonth().firstKey(), counts.byMonth().lastKey()) < 24;
            List<RelationshipSummary.PeriodCount> byPeriod = (months ? counts.byMonth() : counts.byYear()).entrySet().stream()
                    .map(e -> new RelationshipSummary.PeriodCount(months ? HistoricDates.month(e.getKey())
                            : HistoricDates.year(e.getKey()), e.getValue())).toList();
            List<EventView> ends = queries.eventsById(counts.first() == null ? List.of() : List.of(counts.first(), counts.last()));
            List<RelationshipSummary.Agreement> agreements = queries.sharedAgreements(a.id(), b.id(), includeAffiliated, filter)
                    .stream().map(g -> new RelationshipSummary.Agreement(g.id(), g.name(), g.kind(), g.status(), g.signed())).toList();
            List<RelationshipSummary.Member> sideA = new ArrayList<>();
            List<RelationshipSummary.Member> sideB = new ArrayList<>();
            for (ChronologyQueries.SideMember m : counts.sides()) {
                (m.side() == 1 ? sideA : sideB).add(new RelationshipSummary.Member(m.actor(), m.events()));
            }
            return new RelationshipSummary(List.of(a, b), counts.events(), byType, months ? "month" : "year", byPeriod,
                    ends.isEmpty() ? null : ends.get(0), ends.isEmpty() ? null : ends.get(ends.size() - 1), agreements,
                    List.of(new RelationshipSummary.Side(a, sideA), new RelationshipSummary.Side(b, sideB)), timeline);
        }
    }

    /** At most this many actors in a digest's {@code byActor} and {@code newActors} lists (the counts are whole). */
    static final int DIGEST_LIST_CAP = 100;

    /**
     * What entered or changed after {@code since} about {@code actors} (all when none), grouped; {@code limit}
     * changed events are shown, newest change first. {@code eventList} links the event list with the same filters.
     */
    public Digest digest(String since, List<String> actors, boolean includeAffiliated, List<String> statuses, Integer limit,
                         java.net.URI self, java.net.URI eventList) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Instant from = null;
        if (since == null || since.isBlank()) {
            errors.add(new ApiProblem.FieldError("since", "is required: a timestamp with offset (e.g. 2024-09-14T09:45:00Z) or a date"));
        } else {
            try {
                from = TimelineFilter.parse(null, null, null, null, since, null, null).addedSince();
            } catch (ApiProblem e) {
                errors.add(new ApiProblem.FieldError("since", "is not a timestamp with offset (e.g. 2024-09-14T09:45:00Z) or a date"));
            }
        }
        TimelineFilter statusFilter;
        try {
            statusFilter = TimelineFilter.parse(null, null, null, null, null, statuses, limit == null ? 100 : limit);
        } catch (ApiProblem e) {
            errors.addAll(e.errors());
            statusFilter = null;
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, true)) {
            List<ActorSummary> asked = new ArrayList<>();
            for (String raw : actors == null ? List.<String>of() : actors) {
                for (String one : raw.split(",", -1)) {
                    String a = one.trim();
                    ActorSummary found = queries.actor(a)
                            .orElseThrow(() -> ApiProblem.invalid("actor", "no actor " + QueryValues.quoted(abbreviate(a))));
                    if (asked.stream().noneMatch(x -> x.id().equals(found.id()))) {
                        asked.add(found);
                    }
                }
            }
            Instant asOf = queries.now();
            ChronologyQueries.DigestScope scope = new ChronologyQueries.DigestScope(from,
                    asked.stream().map(ActorSummary::id).toList(), includeAffiliated, statusFilter.statuses());
            // events: entered and changed by type
            java.util.Map<String, long[]> types = new java.util.LinkedHashMap<>();
            long entered = 0;
            long changed = 0;
            for (ChronologyQueries.TypeChange t : queries.digestTypes(scope)) {
                long[] n = types.computeIfAbsent(t.type(), x -> new long[2]);
                n[t.entered() ? 0 : 1] += t.events();
                if (t.entered()) {
                    entered += t.events();
                } else {
                    changed += t.events();
                }
            }
            List<Digest.TypeCount> byType = types.entrySet().stream()
                    .map(e -> new Digest.TypeCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .sorted(java.util.Comparator.comparingLong((Digest.TypeCount t) -> -(t.entered() + t.changed()))
                            .thenComparing(Digest.TypeCount::type)).toList();
            // new events by actor and type
            java.util.Map<UUID, java.util.Map<String, Long>> perActor = new java.util.HashMap<>();
            for (ChronologyQueries.ActorTypeCount c : queries.digestActors(scope)) {
                perActor.computeIfAbsent(c.actor(), x -> new java.util.HashMap<>()).merge(c.type(), c.events(), Long::sum);
            }
            java.util.function.ToLongFunction<java.util.Map<String, Long>> total =
                    m -> m.values().stream().mapToLong(Long::longValue).sum();
            List<UUID> top = perActor.entrySet().stream()
                    .sorted(java.util.Comparator.comparingLong((java.util.Map.Entry<UUID, java.util.Map<String, Long>> e) -> -total.applyAsLong(e.getValue()))
                            .thenComparing(e -> e.getKey()))
                    .limit(DIGEST_LIST_CAP).map(java.util.Map.Entry::getKey).toList();
            java.util.Map<UUID, ActorSummary> named = new java.util.HashMap<>();
            asked.forEach(a -> named.put(a.id(), a));
            queries.actorsById(top.stream().filter(id -> !named.containsKey(id)).toList()).forEach(a -> named.put(a.id(), a));
            List<Digest.ActorCount> byActor = new ArrayList<>();
            if (!asked.isEmpty()) {
                for (ActorSummary a : asked) {
                    java.util.Map<String, Long> m = perActor.getOrDefault(a.id(), java.util.Map.of());
                    byActor.add(new Digest.ActorCount(a, total.applyAsLong(m), ordered(m)));
                }
            } else {
                for (UUID id : top) {
                    byActor.add(new Digest.ActorCount(named.get(id), total.applyAsLong(perActor.get(id)), ordered(perActor.get(id))));
                }
            }
            List<EventView> items = queries.eventsById(queries.digestEventIds(scope, statusFilter.limit()));
            Digest.Events events = new Digest.Events(entered, changed, byType, byActor, items,
                    entered + changed - items.size(), eventList);
            // agreements
            List<Digest.Agreement> agreements = queries.digestAgreements(scope).stream()
                    .map(g -> new Digest.Agreement(g.id(), g.name(), g.kind(), g.status(), g.signed(), g.entered(), g.updatedAt()))
                    .toList();
            long newAgreements = agreements.stream().filter(Digest.Agreement::entered).count();
            // decisions, merges, deletions
            java.util.Map<String, Long> status = queries.digestStatusChanges(scope);
            Digest.StatusChanges statusChanges = new Digest.StatusChanges(status.getOrDefault("confirmed", 0L),
                    status.getOrDefault("rejected", 0L), status.getOrDefault("extracted", 0L), status.getOrDefault("merged", 0L),
                    asked.isEmpty() ? status.getOrDefault("deleted", 0L) : null);
            List<ActorSummary> newActors = queries.digestNewActors(scope);
            String title = "What changed since " + from + (asked.isEmpty() ? ""
                    : " about " + String.join(", ", asked.stream().map(ActorSummary::name).toList()));
            return new Digest(from, asOf, asked, events,
                    new Digest.Agreements(newAgreements, agreements.size() - newAgreements,
                            agreements.subList(0, Math.min(agreements.size(), DIGEST_LIST_CAP))),
                    statusChanges,
                    new Digest.NewActors(newActors.size(), newActors.subList(0, Math.min(newActors.size(), DIGEST_LIST_CAP))),
                    title, self);
        }
    }

    private static java.util.Map<String, Long> ordered(java.util.Map<String, Long> counts) {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
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

    /** Events as lists show them, in the order of {@code ids}; ids of events that no longer exist are left out. */
    public List<EventView> events(List<UUID> ids) {
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, false)) {
            return queries.eventsById(ids);
        }
    }

    /** An actor by id or slug. */
    public java.util.Optional<ActorSummary> findActor(String idOrSlug) {
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, false)) {
            return queries.actor(idOrSlug.trim());
        }
    }

    /** Actors by id, in the order of {@code ids}; unknown ids are left out. */
    public List<ActorSummary> actors(List<UUID> ids) {
        try (ChronologyQueries queries = ChronologyQueries.open(dataSource, false)) {
            java.util.Map<UUID, ActorSummary> found = new java.util.HashMap<>();
            queries.actorsById(ids).forEach(a -> found.put(a.id(), a));
            return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
        }
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
