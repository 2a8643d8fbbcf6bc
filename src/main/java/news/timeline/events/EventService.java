package news.timeline.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.timeline.actors.ActorService;
import news.timeline.actors.ActorSummary;
import news.timeline.changes.ChangeLog;
import news.timeline.changes.RetriedOnAbort;
import news.timeline.changes.Withdrawal;
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
import java.util.HashSet;
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
@RetriedOnAbort
public class EventService {

    public static final List<String> TYPES = List.of("meeting", "visit", "statement", "agreement_signed",
            "agreement_other", "negotiation", "accusation", "threat", "military_action", "attack", "sanction", "aid",
            "protest", "election", "appointment", "resignation", "announcement", "report", "other");
    public static final List<String> STATUSES = List.of("extracted", "confirmed", "rejected");
    static final String DEFAULT_ROLE = "participant";

    private final EventRepository events;
    private final ActorService actors;
    private final AgreementNames agreements;
    private final ChangeLog changes;
    private final InputValidator validator;
    private final Clock clock;

    EventService(EventRepository events, ActorService actors, AgreementNames agreements, ChangeLog changes,
                 InputValidator validator, Clock clock) {
        this.events = events;
        this.actors = actors;
        this.agreements = agreements;
        this.changes = changes;
        this.validator = validator;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ create, read

    /**
     * An editor creates an event; participants are actor ids or slugs, status defaults to 'confirmed', confidence
     * to 1. The event carries the editor's mark, so no retraction or re-extraction removes or changes it.
     */
    @Transactional
    public EventView create(EventInput input) {
        return create(input, true);
    }

    /** Extraction stores an event it found: no editor's mark, so a retraction or a newer extractor may revise it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventView createExtracted(EventInput input) {
        return create(input, false);
    }

    private EventView create(EventInput input, boolean byEditor) {
        validator.check(input);
        Instant now = now();
        EventEntity e = new EventEntity();
        e.id = UUID.randomUUID();
        e.createdAt = now;
        e.updatedAt = now;
        e.editedAt = byEditor ? now : null;
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
                    s.quote, s.startOffset, s.endOffset, s.ruleId, s.extractorVersion, s.id));
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
        e.editedAt = now;
        return view(e.id);
    }

    /** Changes only the given fields (PATCH), e.g. an editor's {@code {"status": "confirmed"}}. */
    @Transactional
    public EventView patch(UUID id, EventPatch patch) {
        return patch(id, patch, null);
    }

    /** {@link #patch(UUID, EventPatch)} by a known editor: a changed status is a review decision {@code by} them. */
    @Transactional
    public EventView patch(UUID id, EventPatch patch, String by) {
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
        String decided = patch.status() != null && !patch.status().equals(e.status) ? patch.status() : null;
        if (patch.confidence() != null) {
            e.confidence = patch.confidence().floatValue();
        }
        if (patch.participants() != null) {
            replaceParticipants(e, participants(patch.participants()));
        }
        e.syncParticipantDates();
        touch(e, now());
        // a status alone is a review decision, not an edit of the event's fields
        boolean fields = patch.type() != null || patch.title() != null || patch.summary() != null || patch.date() != null
                || patch.endDate() != null || patch.place() != null || patch.participants() != null
                || patch.agreementId() != null || patch.confidence() != null;
        if (fields) {
            e.editedAt = e.updatedAt;
        }
        if (decided != null) {
            record(e, decided, null, by, e.updatedAt);
        }
        return view(e.id);
    }

    /**
     * An editor's review decision: {@code confirmed} or {@code rejected} (or {@code extracted}, to take a decision
     * back), with an optional reason and who made it (null when unknown). Kept on the event and in the change log.
     */
    @Transactional
    public EventView decide(UUID id, String status, String reason, String by) {
        if (!STATUSES.contains(status)) {
            throw ApiProblem.invalid("status", "must be one of: " + String.join(", ", STATUSES));
        }
        if (reason != null && reason.length() > 2000) {
            throw ApiProblem.invalid("reason", "is longer than 2000 characters");
        }
        EventEntity e = load(id);
        record(e, status, reason == null || reason.isBlank() ? null : reason.strip(), by, now());
        return view(e.id);
    }

    private void record(EventEntity e, String status, String reason, String by, Instant now) {
        e.status = status;
        e.decidedBy = by;
        e.decidedAt = now;
        e.decisionReason = reason;
        e.updatedAt = now;
        changes.recordDecision(ChangeLog.Entity.EVENT, e.id, status, reason, by, now);
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

    /** An editor adds a provenance record to the event (which then carries the editor's mark). */
    @Transactional
    public EventView addSource(UUID eventId, SourceInput input) {
        return addSource(eventId, input, true);
    }

    /** Extraction adds the source of another article reporting the event; a rejected event stays rejected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addExtractedSource(UUID eventId, SourceInput input) {
        addSource(eventId, input, false);
    }

    private EventView addSource(UUID eventId, SourceInput input, boolean byEditor) {
        validator.check(input);
        EventEntity e = load(eventId);
        Instant now = now();
        e.sources.add(source(e, input, "body", now));
        touch(e, now);
        if (byEditor) {
            e.editedAt = now;
        }
        return byEditor ? view(e.id) : null;
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

    // ------------------------------------------------------------------ for article retraction and re-extraction

    /**
     * Why an editor's work protects this event from removal by a retraction or a re-extraction: it was confirmed or
     * rejected (a rejected event must stay, so that the happening never comes back), created or edited by an editor,
     * or imported; null when only extraction wrote it.
     */
    static String editorMark(EventEntity e) {
        if ("confirmed".equals(e.status) || "rejected".equals(e.status)) {
            return e.status;
        }
        if (e.editedAt != null) {
            return "edited";
        }
        return e.externalId != null ? "imported" : null;
    }

    /**
     * Retraction: removes every source the article gave; an event left without a source is deleted unless an
     * editor's mark protects it ({@link #editorMark}). Deletions and changes go to the change log.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Withdrawal withdrawArticle(UUID articleId) {
        List<UUID> touched = events.sourcedBy(articleId);
        if (touched.isEmpty()) {
            return Withdrawal.NONE;
        }
        events.flush();
        events.deleteSourcesOf(articleId);
        Set<UUID> sourced = new HashSet<>(events.withSources(touched));
        List<UUID> deleted = new ArrayList<>();
        Map<UUID, String> kept = new LinkedHashMap<>();
        List<UUID> updated = new ArrayList<>();
        Instant now = now();
        for (EventEntity e : events.byIds(touched)) {
            String mark = sourced.contains(e.id) ? null : editorMark(e);
            if (sourced.contains(e.id) || mark != null) {
                if (mark != null) {
                    kept.put(e.id, mark);
                } else {
                    updated.add(e.id);
                }
                e.updatedAt = now;
                changes.record(ChangeLog.Entity.EVENT, e.id, ChangeLog.Action.UPDATED, now);
            } else {
                e.sources.clear();
                events.delete(e);
                deleted.add(e.id);
                changes.record(ChangeLog.Entity.EVENT, e.id, ChangeLog.Action.DELETED, now);
            }
        }
        events.flush();
        return new Withdrawal(deleted, kept, updated);
    }

    /** A possible merge: {@code event} (the newer) into {@code into}, with the actors they share. */
    public record MergeSuggestion(EventView event, EventView into, List<ActorSummary> sharedActors) {
    }

    /**
     * Events that may report one happening (same type, overlapping dates, an actor in common), newest first, for
     * an editor to merge with one click ({@code POST /api/v1/events/{id}/merge}).
     */
    @Transactional
    public List<MergeSuggestion> mergeSuggestions(int limit) {
        List<Object[]> rows = events.mergeCandidates(500, limit);
        Set<UUID> ids = new LinkedHashSet<>();
        for (Object[] r : rows) {
            ids.add(UUID.fromString((String) r[0]));
            ids.add(UUID.fromString((String) r[1]));
        }
        Map<UUID, EventView> byId = new HashMap<>();
        views(new ArrayList<>(ids)).forEach(v -> byId.put(v.id(), v));
        List<MergeSuggestion> out = new ArrayList<>();
        for (Object[] r : rows) {
            EventView newer = byId.get(UUID.fromString((String) r[0]));
            EventView older = byId.get(UUID.fromString((String) r[1]));
            if (newer == null || older == null) {
                continue;
            }
            Set<String> shared = Set.of(((String) r[2]).split(","));
            List<ActorSummary> actors = newer.participants().stream().map(EventView.Participant::actor)
                    .filter(a -> a != null && shared.contains(a.id().toString())).distinct().toList();
            out.add(new MergeSuggestion(newer, older, actors));
        }
        return out;
    }

    /**
     * One page of extracted events awaiting a decision: {@code order} "confidence" (lowest first) or "newest". The
     * cursor carries the order's key and is refused by the other order.
     */
    @Transactional
    public Page<EventView> undecided(String order, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        List<String> after = Cursor.decode("review", order, cursor, 2);
        List<UUID> ids;
        try {
            ids = order.equals("newest")
                    ? events.undecidedByNewest(after == null ? null : Instant.parse(after.get(0)),
                    after == null ? null : UUID.fromString(after.get(1)), size + 1)
                    : events.undecidedByConfidence(after == null ? null : Float.valueOf(after.get(0)),
                    after == null ? null : UUID.fromString(after.get(1)), size + 1);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
        }
        boolean more = ids.size() > size;
        List<UUID> shown = more ? ids.subList(0, size) : ids;
        List<EventView> items = views(shown);
        String next = null;
        if (more && !shown.isEmpty()) {
            EventEntity last = load(shown.get(shown.size() - 1));
            next = Cursor.encode("review", order, List.of(order.equals("newest") ? last.createdAt.toString()
                    : Float.toString(last.confidence), last.id.toString()));
        }
        return new Page<>(items, next);
    }

    /** The review state of the given events, in their order (unknown ids are left out). */
    @Transactional
    public List<EventReview> reviews(List<UUID> ids) {
        Map<UUID, EventEntity> byId = new HashMap<>();
        events.byIds(ids).forEach(e -> byId.put(e.id, e));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull)
                .map(e -> new EventReview(e.id, e.status, e.editedAt, e.decidedBy, e.decidedAt, e.decisionReason)).toList();
    }

    /** Those of the given events that exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> existing(Collection<UUID> ids) {
        events.flush();
        Set<UUID> out = new HashSet<>();
        events.byIds(ids).forEach(e -> out.add(e.id));
        return out;
    }

    /** {@link #editorMark(EventEntity)} of a stored event; 404 when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String editorMark(UUID id) {
        return editorMark(load(id));
    }

    /** True when every source of the event is one of this article's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean onlySourcedBy(UUID id, UUID articleId) {
        return load(id).sources.stream().allMatch(s -> articleId.equals(s.articleId));
    }

    /**
     * Re-extraction: gives an event only extraction wrote the fields the extractor now reads ({@code wanted}: type,
     * title, date, place, participants, agreement, confidence); sources are left alone. Nothing is written, and
     * false answered, when the event already says that or an editor's mark protects it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reviseExtracted(UUID id, EventInput wanted) {
        validator.check(wanted);
        EventEntity e = load(id);
        if (editorMark(e) != null) {
            return false;
        }
        List<EventParticipant> parts = participants(wanted.participants());
        Map<UUID, String> now = new HashMap<>();
        e.participants.forEach(p -> now.put(p.actorId, p.role));
        Map<UUID, String> then = new HashMap<>();
        parts.forEach(p -> then.put(p.actorId, p.role));
        String place = wanted.place() == null || wanted.place().name() == null || wanted.place().name().isBlank() ? null
                : wanted.place().name().trim();
        boolean same = e.type.equals(wanted.type()) && e.title.equals(wanted.title().trim())
                && e.date.toDateValue().equals(wanted.date())
                && java.util.Objects.equals(e.endDate == null ? null : e.endDate.toDateValue(), wanted.endDate())
                && java.util.Objects.equals(e.placeName, place) && java.util.Objects.equals(e.agreementId, wanted.agreementId())
                && EventView.confidence(e.confidence) == EventView.confidence(wanted.confidence().floatValue())
                && now.equals(then);
        if (same) {
            return false;
        }
        applyCore(e, wanted.type(), wanted.title(), e.summary, wanted.date(), wanted.endDate(), place, wanted.agreementId());
        e.confidence = wanted.confidence().floatValue();
        if (!now.equals(then)) {
            replaceParticipants(e, parts);
        }
        e.syncParticipantDates();
        touch(e, now());
        return true;
    }

    /** A source of an event as re-extraction pairs it with what the extractor finds now. */
    public record StoredSource(UUID id, UUID eventId, Integer start, Integer end) {
    }

    /** The sources the article gave, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredSource> sourcesOfArticle(UUID articleId) {
        List<StoredSource> out = new ArrayList<>();
        for (UUID id : events.sourcedBy(articleId)) {
            for (EventSourceEntity s : load(id).sources) {
                if (articleId.equals(s.articleId)) {
                    out.add(new StoredSource(s.id, id, s.startOffset, s.endOffset));
                }
            }
        }
        return out;
    }

    /**
     * Re-extraction: makes the article's sources of the event {@code wanted} (by position: a stored source is kept
     * and brought up to date when a wanted one has its start and end, or else overlaps it; wanted ones left over
     * are added). The article's other sources of the event are removed unless an editor's mark protects the event.
     * Answers whether anything changed; nothing is written when nothing would.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replaceArticleSources(UUID id, UUID articleId, List<SourceInput> wanted) {
        EventEntity e = load(id);
        List<EventSourceEntity> stored = new ArrayList<>(e.sources.stream().filter(s -> articleId.equals(s.articleId)).toList());
        Instant now = now();
        boolean changed = false;
        List<SourceInput> left = new ArrayList<>();
        for (SourceInput w : wanted) {
            EventSourceEntity s = stored.stream().filter(x -> java.util.Objects.equals(x.startOffset, w.start())
                    && java.util.Objects.equals(x.endOffset, w.end())).findFirst().orElse(null);
            if (s == null) {
                left.add(w);
                continue;
            }
            stored.remove(s);
            changed |= bringUpToDate(s, w);
        }
        for (SourceInput w : left) {
            EventSourceEntity s = stored.stream().filter(x -> overlaps(x, w)).findFirst().orElse(null);
            if (s != null) {
                stored.remove(s);
                changed |= bringUpToDate(s, w);
            } else {
                e.sources.add(source(e, w, "sources", now));
                changed = true;
            }
        }
        if (!stored.isEmpty() && editorMark(e) == null) {
            e.sources.removeAll(stored);
            changed = true;
        }
        if (changed) {
            touch(e, now);
        }
        return changed;
    }

    /**
     * Re-extraction: the article no longer reports the event. Its sources from the article go unless an editor's
     * mark protects the event (then nothing changes); an event left without a source is deleted. Answers "kept"
     * with the mark, "deleted" or "updated".
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String dropArticle(UUID id, UUID articleId) {
        EventEntity e = load(id);
        String mark = editorMark(e);
        if (mark != null) {
            return mark;
        }
        e.sources.removeIf(s -> articleId.equals(s.articleId));
        Instant now = now();
        if (e.sources.isEmpty()) {
            events.delete(e);
            changes.record(ChangeLog.Entity.EVENT, e.id, ChangeLog.Action.DELETED, now);
            return "deleted";
        }
        touch(e, now);
        return "updated";
    }

    private static boolean overlaps(EventSourceEntity s, SourceInput w) {
        return s.startOffset != null && s.endOffset != null && w.start() != null && w.end() != null
                && s.startOffset < w.end() && w.start() < s.endOffset;
    }

    private static boolean bringUpToDate(EventSourceEntity s, SourceInput w) {
        boolean same = java.util.Objects.equals(s.quote, w.quote()) && java.util.Objects.equals(s.startOffset, w.start())
                && java.util.Objects.equals(s.endOffset, w.end()) && java.util.Objects.equals(s.ruleId, w.ruleId())
                && java.util.Objects.equals(s.extractorVersion, w.extractorVersion());
        if (!same) {
            s.quote = w.quote();
            s.startOffset = w.start();
            s.endOffset = w.end();
            s.ruleId = w.ruleId();
            s.extractorVersion = w.extractorVersion();
        }
        return !same;
    }

    /** The given actors that take part in some event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> actorsTakingPart(Collection<UUID> actorIds) {
        events.flush();
        return new HashSet<>(events.actorsTakingPart(actorIds));
    }

    /** The given agreements that some event refers to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> agreementsReferred(Collection<UUID> agreementIds) {
        events.flush();
        return new HashSet<>(events.agreementsReferred(agreementIds));
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
        if (news.timeline.web.HistoricDates.isOpen(date)) {
            throw ApiProblem.invalid("date", "cannot be open ('..'); only endDate can, for an event still going on");
        }
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
