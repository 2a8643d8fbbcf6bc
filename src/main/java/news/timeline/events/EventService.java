package news.timeline.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.timeline.actors.ActorService;
import news.timeline.actors.ActorSummary;
import news.timeline.agreements.AgreementService;
import news.timeline.changes.ChangeLog;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.ApiProblem;
import news.timeline.web.Cursor;
import news.timeline.web.InputValidator;
import news.timeline.web.Page;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Events: what happened when, who took part, which agreement it concerns and where it was reported.
 * Every public method runs in a transaction and validates its input; results are {@link EventView}s built in a
 * fixed number of queries whatever the number of events (no N+1).
 */
@ApplicationScoped
public class EventService {

    public static final List<String> TYPES = List.of("meeting", "visit", "statement", "agreement_signed",
            "agreement_other", "negotiation", "accusation", "threat", "military_action", "attack", "sanction", "aid",
            "protest", "election", "appointment", "resignation", "announcement", "report", "other");
    public static final List<String> STATUSES = List.of("extracted", "confirmed", "rejected");
    static final String DEFAULT_ROLE = "participant";

    private final EventRepository events;
    private final ActorService actors;
    private final AgreementService agreements;
    private final ChangeLog changes;
    private final InputValidator validator;
    private final Clock clock;

    EventService(EventRepository events, ActorService actors, AgreementService agreements, ChangeLog changes,
                 InputValidator validator, Clock clock) {
        this.events = events;
        this.actors = actors;
        this.agreements = agreements;
        this.changes = changes;
        this.validator = validator;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ create, read

    /** Creates an event; participants are actor ids or slugs, status defaults to 'confirmed', confidence to 1. */
    @Transactional
    public EventView create(EventInput input) {
        validator.check(input);
        Instant now = now();
        EventEntity e = new EventEntity();
        e.id = UUID.randomUUID();
        e.createdAt = now;
        e.updatedAt = now;
        e.status = input.status() == null ? "confirmed" : input.status();
        e.confidence = input.confidence() == null ? 1f : input.confidence().floatValue();
        e.externalSource = input.externalSource();
        e.externalId = input.externalId();
        applyCore(e, input.type(), input.title(), input.summary(), input.date(), input.endDate(),
                input.place() == null ? null : input.place().name(), input.agreementId());
        e.participants.addAll(participants(input.participants()));
        e.syncParticipantDates();
        for (int i = 0; i < input.sources().size(); i++) {
            e.sources.add(source(e, input.sources().get(i), "sources[" + i + "]", now));
        }
        events.persist(e);
        changes.record(ChangeLog.Entity.EVENT, e.id, ChangeLog.Action.CREATED, now);
        return view(e.id);
    }

    /** The event; 404 when there is none. */
    @Transactional
    public EventView get(UUID id) {
        return view(load(id).id);
    }

    /** One page of events in chronological order: (date start, precision rank, id). */
    @Transactional
    public Page<EventView> list(EventQuery query, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        List<String> after = Cursor.decode("events", cursor, 3);
        List<UUID> ids;
        try {
            ids = after == null ? events.pageIds(query, null, null, null, size + 1)
                    : events.pageIds(query, LocalDate.parse(after.get(0)), Integer.valueOf(after.get(1)),
                    UUID.fromString(after.get(2)), size + 1);
        } catch (RuntimeException ex) {
            if (ex instanceof ApiProblem p) {
                throw p;
            }
            throw ApiProblem.invalid("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
        }
        boolean more = ids.size() > size;
        List<EventView> items = views(more ? ids.subList(0, size) : ids);
        String next = null;
        if (more) {
            EventView last = items.get(items.size() - 1);
            next = Cursor.encode("events", List.of(last.date().start().toString(),
                    String.valueOf(last.date().precision().rank()), last.id().toString()));
        }
        return new Page<>(items, next);
    }

    /** The view of one event; 404 when there is none. */
    @Transactional
    public EventView view(UUID id) {
        List<EventView> v = views(List.of(id));
        if (v.isEmpty()) {
            throw ApiProblem.notFound("event", String.valueOf(id));
        }
        return v.get(0);
    }

    /**
     * Views of the given events in the given order (unknown ids are left out), in five queries: events,
     * participants, their actors, sources, agreements.
     */
    @Transactional
    public List<EventView> views(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        events.flush();
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        Map<UUID, EventEntity> byId = events.byIds(distinct).stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        Map<UUID, List<Object[]>> parts = new HashMap<>();
        for (Object[] row : events.participantsOf(byId.keySet())) {
            parts.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(row);
        }
        Map<UUID, ActorSummary> people = actors.summaries(parts.values().stream().flatMap(List::stream).map(r -> (UUID) r[1]).toList());
        Map<UUID, List<EventView.Source>> sources = new HashMap<>();
        for (EventSourceEntity s : events.sourcesOf(byId.keySet())) {
            sources.computeIfAbsent(s.event.id, k -> new ArrayList<>()).add(new EventView.Source(s.articleId, s.url,
                    s.quote, s.startOffset, s.endOffset, s.ruleId, s.extractorVersion));
        }
        Map<UUID, String> agreementNames = agreements.names(byId.values().stream().map(e -> e.agreementId).filter(a -> a != null).toList());
        List<EventView> out = new ArrayList<>();
        for (UUID id : distinct) {
            EventEntity e = byId.get(id);
            if (e == null) {
                continue;
            }
            List<EventView.Participant> ps = parts.getOrDefault(id, List.<Object[]>of()).stream()
                    .filter(r -> people.containsKey((UUID) r[1]))
                    .map(r -> new EventView.Participant(people.get((UUID) r[1]), (String) r[2]))
                    .sorted((a, b) -> a.actor().name().compareToIgnoreCase(b.actor().name()))
                    .toList();
            EventView.AgreementRef agreement = e.agreementId == null ? null
                    : new EventView.AgreementRef(e.agreementId, agreementNames.get(e.agreementId));
            out.add(new EventView(e.id, e.type, e.title, e.summary, e.date.toDateValue(),
                    e.endDate == null ? null : e.endDate.toDateValue(),
                    e.placeName == null ? null : new EventView.Place(e.placeName), ps, agreement,
                    sources.getOrDefault(id, List.of()), EventView.confidence(e.confidence), e.status, e.externalId, e.createdAt, e.updatedAt));
        }
        return out;
    }

    /**
     * Candidate duplicates for de-duplication: events of the same {@code type} whose dates overlap {@code date}
     * and in which every one of {@code actorIds} takes part (any participants when empty), nearest date first.
     */
    @Transactional
    public List<EventView> findSimilar(String type, DateValue date, Collection<UUID> actorIds) {
        if (type == null || date == null) {
            return List.of();
        }
        Set<UUID> actorSet = new LinkedHashSet<>(actorIds == null ? List.of() : actorIds);
        actorSet.remove(null);
        return views(events.similar(type, date.start(), date.end(), actorSet, 20));
    }

    /** The event's version, for clients that PUT with optimistic locking. */
    @Transactional
    public long version(UUID id) {
        return load(id).version;
    }

    // ------------------------------------------------------------------ update, delete

    /** Replaces the event (PUT), participants and sources included when given. 409 on a stale {@code version}. */
    @Transactional
    public EventView update(UUID id, EventInput input) {
        validator.check(input);
        EventEntity e = load(id);
        checkVersion(e.version, input.version());
        Instant now = now();
        applyCore(e, input.type(), input.title(), input.summary(), input.date(), input.endDate(),
                input.place() == null ? null : input.place().name(), input.agreementId());
        e.status = input.status() == null ? e.status : input.status();
        e.confidence = input.confidence() == null ? 1f : input.confidence().floatValue();
        if (input.externalSource() != null || input.externalId() != null) {
            e.externalSource = input.externalSource();
            e.externalId = input.externalId();
        }
        replaceParticipants(e, participants(input.participants()));
        List<EventSourceEntity> newSources = new ArrayList<>();
        for (int i = 0; i < input.sources().size(); i++) {
            newSources.add(source(e, input.sources().get(i), "sources[" + i + "]", now));
        }
        e.sources.clear();
        e.sources.addAll(newSources);
        e.syncParticipantDates();
        touch(e, now);
        return view(e.id);
    }

    /** Changes only the given fields (PATCH), e.g. an editor's {@code {"status": "confirmed"}}. */
    @Transactional
    public EventView patch(UUID id, EventPatch patch) {
        validator.check(patch);
        EventEntity e = load(id);
        checkVersion(e.version, patch.version());
        DateValue date = patch.date() != null ? patch.date() : e.date.toDateValue();
        DateValue end = patch.endDate() != null ? patch.endDate() : e.endDate == null ? null : e.endDate.toDateValue();
        applyCore(e, patch.type() != null ? patch.type() : e.type,
                patch.title() != null ? patch.title() : e.title,
                patch.summary() != null ? patch.summary() : e.summary,
                date, end,
                patch.place() != null ? patch.place().name() : e.placeName,
                patch.agreementId() != null ? patch.agreementId() : e.agreementId);
        if (patch.status() != null) {
            e.status = patch.status();
        }
        if (patch.confidence() != null) {
            e.confidence = patch.confidence().floatValue();
        }
        if (patch.participants() != null) {
            replaceParticipants(e, participants(patch.participants()));
        }
        e.syncParticipantDates();
        touch(e, now());
        return view(e.id);
    }

    /** Sets the editorial status: extracted, confirmed or rejected. */
    @Transactional
    public EventView setStatus(UUID id, String status) {
        if (!STATUSES.contains(status)) {
            throw ApiProblem.invalid("status", "must be one of: " + String.join(", ", STATUSES));
        }
        EventEntity e = load(id);
        if (!status.equals(e.status)) {
            e.status = status;
            touch(e, now());
        }
        return view(e.id);
    }

    /** Adds a provenance record to the event. */
    @Transactional
    public EventView addSource(UUID eventId, SourceInput input) {
        validator.check(input);
        EventEntity e = load(eventId);
        Instant now = now();
        e.sources.add(source(e, input, "body", now));
        touch(e, now);
        return view(e.id);
    }

    /** Deletes the event with its participants and sources. */
    @Transactional
    public void delete(UUID id) {
        EventEntity e = load(id);
        events.delete(e);
        changes.record(ChangeLog.Entity.EVENT, id, ChangeLog.Action.DELETED, now());
    }

    // ------------------------------------------------------------------ for other services (same transaction)

    /** Actor merge: moves participations from one actor to another and marks the events changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceParticipant(UUID from, UUID to) {
        List<UUID> touched = events.eventsOfActor(from);
        events.replaceParticipant(from, to);
        markChanged(touched);
    }

    /** Actor deletion: removes the actor from its events and marks them changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void detachActor(UUID actorId) {
        List<UUID> touched = events.eventsOfActor(actorId);
        events.removeParticipant(actorId);
        markChanged(touched);
    }

    /** Agreement deletion: unlinks events from it and marks them changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void detachAgreement(UUID agreementId) {
        List<UUID> touched = events.eventsOfAgreement(agreementId);
        events.clearAgreement(agreementId);
        markChanged(touched);
    }

    // ------------------------------------------------------------------ internals

    private void markChanged(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Instant now = now();
        events.flush();
        events.touch(ids, now);
        changes.recordUpdated(ChangeLog.Entity.EVENT, ids, now);
    }

    private EventEntity load(UUID id) {
        if (id == null) {
            throw ApiProblem.notFound("event", "null");
        }
        return events.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("event", id.toString()));
    }

    private void applyCore(EventEntity e, String type, String title, String summary, DateValue date, DateValue end,
                           String place, java.util.UUID agreementId) {
        if (end != null && end.end().isBefore(date.start())) {
            throw ApiProblem.invalid("endDate", "must not be before date (" + date.value() + ")");
        }
        if (agreementId != null && !agreementId.equals(e.agreementId) && !agreements.exists(agreementId)) {
            throw ApiProblem.invalid("agreementId", "no agreement '" + agreementId + "'");
        }
        e.type = type;
        e.title = title.trim();
        e.summary = summary == null || summary.isBlank() ? null : summary;
        e.date = StoredDate.of(date);
        e.endDate = StoredDate.of(end);
        e.placeName = place == null || place.isBlank() ? null : place.trim();
        e.agreementId = agreementId;
    }

    /** Resolves actor ids/slugs (400 naming the entry for unknown ones); a repeated actor keeps its first role. */
    private List<EventParticipant> participants(List<EventInput.Participant> input) {
        Map<UUID, EventParticipant> out = new LinkedHashMap<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Map<String, ActorSummary> known = input.isEmpty() ? Map.of()
                : actors.resolveRefs(input.stream().map(EventInput.Participant::actor).toList());
        for (int i = 0; i < input.size(); i++) {
            EventInput.Participant p = input.get(i);
            ActorSummary found = known.get(p.actor());
            if (found == null) {
                errors.add(new ApiProblem.FieldError("participants[" + i + "].actor", "no actor '" + p.actor() + "'"));
                continue;
            }
            String role = p.role() == null || p.role().isBlank() ? DEFAULT_ROLE : p.role().trim();
            out.putIfAbsent(found.id(), new EventParticipant(found.id(), role));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new ArrayList<>(out.values());
    }

    private static void replaceParticipants(EventEntity e, List<EventParticipant> wanted) {
        e.participants.clear();
        e.participants.addAll(wanted);
    }

    private EventSourceEntity source(EventEntity e, SourceInput in, String field, Instant now) {
        if (in.start() != null && in.end() != null && in.end() < in.start()) {
            throw ApiProblem.invalid(field.equals("body") ? "end" : field + ".end", "must not be before start");
        }
        if (in.articleId() != null && !events.articleExists(in.articleId())) {
            throw ApiProblem.invalid(field.equals("body") ? "articleId" : field + ".articleId", "no article '" + in.articleId() + "'");
        }
        EventSourceEntity s = new EventSourceEntity();
        s.id = UUID.randomUUID();
        s.event = e;
        s.articleId = in.articleId();
        s.url = in.url();
        s.quote = in.quote();
        s.startOffset = in.start();
        s.endOffset = in.end();
        s.ruleId = in.ruleId();
        s.extractorVersion = in.extractorVersion();
        s.createdAt = now;
        return s;
    }

    private void touch(EventEntity e, Instant now) {
        e.updatedAt = now;
        changes.record(ChangeLog.Entity.EVENT, e.id, ChangeLog.Action.UPDATED, now);
    }

    private static void checkVersion(long current, Long given) {
        if (given != null && given != current) {
            throw ApiProblem.conflict("version " + given + " is stale; the current version is " + current);
        }
    }

    /** Confidence is a float column; answer 0.9, not 0.8999999761581421. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
