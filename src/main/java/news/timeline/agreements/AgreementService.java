package news.timeline.agreements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.timeline.actors.ActorService;
import news.timeline.actors.ActorSummary;
import news.timeline.actors.AliasNormalizer;
import news.timeline.changes.ChangeLog;
import news.timeline.changes.RetriedOnAbort;
import news.timeline.changes.Withdrawal;
import news.timeline.changes.WriteLocks;
import news.timeline.extraction.temporal.DateValue;
import java.util.Set;
import news.timeline.events.AgreementNames;
import news.timeline.events.EventService;
import news.timeline.events.StoredDate;
import news.timeline.web.ApiProblem;
import news.timeline.web.Cursor;
import news.timeline.web.InputValidator;
import news.timeline.web.Page;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Agreements (treaties, deals, ceasefires...) with their parties, dates, clauses and status.
 * Every public method runs in a transaction and validates its input; entities never leave this class.
 */
@ApplicationScoped
@RetriedOnAbort
public class AgreementService implements AgreementNames {

    public static final List<String> KINDS = List.of("treaty", "accord", "agreement", "deal", "memorandum", "ceasefire", "framework", "declaration", "merger", "other");
    public static final List<String> STATUSES = List.of("proposed", "negotiating", "signed", "in_force", "suspended", "terminated", "expired", "unknown");

    private final AgreementRepository agreements;
    private final ActorService actors;
    private final EventService events;
    private final ChangeLog changes;
    private final WriteLocks locks;
    private final InputValidator validator;
    private final Clock clock;

    AgreementService(AgreementRepository agreements, ActorService actors, EventService events, ChangeLog changes,
                     WriteLocks locks, InputValidator validator, Clock clock) {
        this.agreements = agreements;
        this.actors = actors;
        this.events = events;
        this.changes = changes;
        this.locks = locks;
        this.validator = validator;
        this.clock = clock;
    }

    /** Creates an agreement; parties are actor ids or slugs. */
    @Transactional
    public AgreementView create(AgreementInput input) {
        validator.check(input);
        Instant now = now();
        AgreementEntity a = new AgreementEntity();
        a.id = UUID.randomUUID();
        a.createdAt = now;
        a.updatedAt = now;
        a.editedAt = now;
        apply(a, input);
        agreements.persist(a);
        changes.record(ChangeLog.Entity.AGREEMENT, a.id, ChangeLog.Action.CREATED, now);
        return view(a);
    }

    /** The agreement; 404 when there is none. */
    @Transactional
    public AgreementView get(UUID id) {
        return view(load(id));
    }

    /** Whether an agreement with this id exists. */
    @Override
    @Transactional
    public boolean exists(UUID id) {
        return id != null && agreements.findByIdOptional(id).isPresent();
    }

    /** Names of the given agreements in one query, keyed by id. */
    @Override
    @Transactional
    public Map<UUID, String> names(Collection<UUID> ids) {
        return agreements.byIds(new HashSet<>(ids)).stream().collect(Collectors.toMap(a -> a.id, a -> a.name));
    }

    /** Views of the given agreements in the given order (unknown ids left out). */
    @Transactional
    public List<AgreementView> views(List<UUID> ids) {
        Map<UUID, AgreementEntity> byId = agreements.byIds(new HashSet<>(ids)).stream().collect(Collectors.toMap(a -> a.id, a -> a));
        return viewsOf(new LinkedHashSet<>(ids).stream().map(byId::get).filter(a -> a != null).toList());
    }

    /** One page in name order; {@code q} matches part of the name, {@code kind} and {@code status} filter. */
    @Transactional
    public Page<AgreementView> list(String q, String kind, String status, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        if (kind != null && !KINDS.contains(kind)) {
            throw ApiProblem.invalid("kind", "must be one of: " + String.join(", ", KINDS));
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.invalid("status", "must be one of: " + String.join(", ", STATUSES));
        }
        // a cursor pages the list of this q, kind and status only
        String scope = Cursor.scope(q == null || q.isBlank() ? "" : q.trim(), kind, status);
        List<String> after = Cursor.decode("agreements", scope, cursor, 2);
        UUID afterId = null;
        if (after != null) {
            try {
                afterId = UUID.fromString(after.get(1));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
            }
        }
        String like = q == null || q.isBlank() ? null
                : "%" + q.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<AgreementEntity> rows = agreements.page(kind, status, like, after == null ? null : after.get(0), afterId, size + 1);
        boolean more = rows.size() > size;
        List<AgreementEntity> items = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            AgreementEntity last = items.get(items.size() - 1);
            next = Cursor.encode("agreements", scope, List.of(last.name.toLowerCase(Locale.ROOT), last.id.toString()));
        }
        return new Page<>(viewsOf(items), next);
    }

    /** Replaces the agreement (PUT). 409 on a stale {@code version}. */
    @Transactional
    public AgreementView update(UUID id, AgreementInput input) {
        validator.check(input);
        AgreementEntity a = load(id);
        if (input.version() != null && input.version() != a.version) {
            throw ApiProblem.conflict("version " + input.version() + " is stale; the current version is " + a.version);
        }
        apply(a, input);
        Instant now = now();
        a.updatedAt = now;
        a.editedAt = now;
        changes.record(ChangeLog.Entity.AGREEMENT, a.id, ChangeLog.Action.UPDATED, now);
        return view(a);
    }

    /** Deletes the agreement; events that referred to it stay, unlinked. */
    @Transactional
    public void delete(UUID id) {
        AgreementEntity a = load(id);
        events.detachAgreement(a.id);
        agreements.delete(a);
        changes.record(ChangeLog.Entity.AGREEMENT, a.id, ChangeLog.Action.DELETED, now());
    }

    /** Actor merge: moves party rows to the target and marks the agreements changed (same transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceParty(UUID from, UUID to) {
        List<UUID> touched = agreements.agreementsOfActor(from);
        agreements.replaceParty(from, to);
        markChanged(touched);
    }

    /** Actor deletion: removes the actor from agreements' parties and marks them changed (same transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void detachActor(UUID actorId) {
        List<UUID> touched = agreements.agreementsOfActor(actorId);
        agreements.removeParty(actorId);
        markChanged(touched);
    }

    // ------------------------------------------------------------------ internals

    private void markChanged(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Instant now = now();
        agreements.flush();
        agreements.touch(ids, now);
        changes.recordUpdated(ChangeLog.Entity.AGREEMENT, ids, now);
    }

    private AgreementEntity load(UUID id) {
        if (id == null) {
            throw ApiProblem.notFound("agreement", "null");
        }
        return agreements.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("agreement", id.toString()));
    }

    private void apply(AgreementEntity a, AgreementInput in) {
        // an open end ("..") is an event's, for something still going on; an agreement's dates are days
        for (var d : List.of(java.util.Map.entry("signed", java.util.Optional.ofNullable(in.signed())),
                java.util.Map.entry("effective", java.util.Optional.ofNullable(in.effective())),
                java.util.Map.entry("expiry", java.util.Optional.ofNullable(in.expiry())))) {
            if (d.getValue().filter(news.timeline.web.HistoricDates::isOpen).isPresent()) {
                throw ApiProblem.invalid(d.getKey(), "cannot be open ('..'); leave it out when it is not known");
            }
        }
        if (in.effective() != null && in.expiry() != null && in.expiry().end().isBefore(in.effective().start())) {
            throw ApiProblem.invalid("expiry", "must not be before effective (" + in.effective().value() + ")");
        }
        Map<UUID, AgreementParty> parties = new LinkedHashMap<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Map<String, ActorSummary> known = in.parties().isEmpty() ? Map.of()
                : actors.resolveRefs(in.parties().stream().map(AgreementInput.Party::actor).toList());
        for (int i = 0; i < in.parties().size(); i++) {
            AgreementInput.Party p = in.parties().get(i);
            ActorSummary found = known.get(p.actor());
            if (found == null) {
                errors.add(new ApiProblem.FieldError("parties[" + i + "].actor", "no actor '" + p.actor() + "'"));
                continue;
            }
            String role = p.role() == null || p.role().isBlank() ? "party" : p.role().trim();
            parties.putIfAbsent(found.id(), new AgreementParty(found.id(), role));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        a.kind = in.kind();
        a.name = in.name().trim();
        a.status = in.status() == null ? "unknown" : in.status();
        a.aliases = new ArrayList<>(new LinkedHashSet<>(in.aliases().stream().map(String::trim).toList()));
        a.clauses = new ArrayList<>(in.clauses().stream().map(String::trim).toList());
        a.summary = in.summary() == null || in.summary().isBlank() ? null : in.summary();
        a.signed = StoredDate.of(in.signed());
        a.effective = StoredDate.of(in.effective());
        a.expiry = StoredDate.of(in.expiry());
        a.parties.clear();
        a.parties.addAll(parties.values());
    }

    private AgreementView view(AgreementEntity a) {
        return viewsOf(List.of(a)).get(0);
    }

    private List<AgreementView> viewsOf(List<AgreementEntity> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        agreements.flush();
        Map<UUID, List<Object[]>> parties = new HashMap<>();
        for (Object[] row : agreements.partiesOf(list.stream().map(a -> a.id).toList())) {
            parties.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(row);
        }
        Map<UUID, ActorSummary> people = actors.summaries(parties.values().stream().flatMap(List::stream).map(r -> (UUID) r[1]).toList());
        return list.stream().map(a -> new AgreementView(a.id, a.kind, a.name, List.copyOf(a.aliases), a.status,
                parties.getOrDefault(a.id, List.<Object[]>of()).stream()
                        .filter(r -> people.containsKey((UUID) r[1]))
                        .map(r -> {
                            ActorSummary s = people.get((UUID) r[1]);
                            return new AgreementView.Party(s.id(), s.slug(), s.name(), s.kind(), (String) r[2]);
                        })
                        .sorted((x, y) -> x.name().compareToIgnoreCase(y.name()))
                        .toList(),
                date(a.signed), date(a.effective), date(a.expiry), List.copyOf(a.clauses), a.summary,
                a.createdAt, a.updatedAt, a.version)).toList();
    }

    private static news.timeline.extraction.temporal.DateValue date(StoredDate d) {
        return d == null ? null : d.toDateValue();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    // ------------------------------------------------------------------ extraction

    /** The advisory lock a writer takes before creating an agreement of this name (see {@link #resolveOrCreate}). */
    public static String nameLockKey(String name) {
        return "agreement:" + AliasNormalizer.normalize(name);
    }

    /**
     * For extraction: the stored agreement of this name whose parties agree with {@code parties} (one set contains
     * the other), completed with what this article adds (clauses, parties, a signing date it lacked); else a new one.
     */
    @Transactional
    public UUID resolveOrCreate(String name, String kind, List<String> aliases, List<UUID> parties, DateValue signed,
                                List<String> clauses) {
        // concurrent articles naming the same new agreement wait here instead of each creating it
        locks.lock(nameLockKey(name));
        Instant now = now();
        for (AgreementEntity a : agreements.byName(name)) {
            Set<UUID> theirs = new HashSet<>();
            a.parties.forEach(p -> theirs.add(p.actorId));
            if (parties.isEmpty() || theirs.isEmpty() || theirs.containsAll(parties) || parties.containsAll(theirs)) {
                boolean changed = false;
                for (String c : clauses) {
                    if (!a.clauses.contains(c)) {
                        a.clauses.add(c);
                        changed = true;
                    }
                }
                for (UUID p : parties) {
                    if (theirs.add(p)) {
                        a.parties.add(new AgreementParty(p, "party"));
                        changed = true;
                    }
                }
                if (a.signed == null && signed != null) {
                    a.signed = StoredDate.of(signed);
                    a.status = "signed";
                    changed = true;
                }
                if (changed) {
                    a.updatedAt = now;
                    changes.record(ChangeLog.Entity.AGREEMENT, a.id, ChangeLog.Action.UPDATED, now);
                }
                return a.id;
            }
        }
        AgreementEntity a = new AgreementEntity();
        a.id = UUID.randomUUID();
        a.kind = KINDS.contains(kind) ? kind : "other";
        a.name = name.length() > 500 ? name.substring(0, 500) : name;
        a.aliases = new ArrayList<>(aliases.stream().filter(x -> !x.equalsIgnoreCase(name)).distinct().toList());
        a.clauses = new ArrayList<>(clauses);
        a.signed = StoredDate.of(signed);
        a.status = signed != null ? "signed" : "unknown";
        parties.stream().distinct().forEach(p -> a.parties.add(new AgreementParty(p, "party")));
        a.createdAt = now;
        a.updatedAt = now;
        agreements.persist(a);
        changes.record(ChangeLog.Entity.AGREEMENT, a.id, ChangeLog.Action.CREATED, now);
        return a.id;
    }

    // ------------------------------------------------------------------ article retraction and re-extraction

    /**
     * Retraction, first step: removes the article's sources of agreements and answers those left without a source:
     * {@code deleted} lists the candidates for deletion (no editor's mark; the caller removes those still in use by
     * other facts and then calls {@link #deleteWithdrawn}), {@code kept} those an editor created or edited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Withdrawal withdrawArticle(UUID articleId) {
        List<UUID> touched = agreements.sourcedBy(articleId);
        if (touched.isEmpty()) {
            return Withdrawal.NONE;
        }
        agreements.flush();
        agreements.deleteSourcesOf(articleId);
        return unsourced(touched);
    }

    /**
     * Of {@code candidates}, those left without any source: {@code deleted} lists the ones no editor touched (to be
     * deleted by {@link #deleteWithdrawn} when nothing refers to them), {@code kept} the edited ones; {@code updated}
     * are those that still have a source.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Withdrawal unsourced(Collection<UUID> candidates) {
        if (candidates.isEmpty()) {
            return Withdrawal.NONE;
        }
        agreements.flush();
        List<UUID> touched = List.copyOf(candidates);
        Set<UUID> sourced = new HashSet<>(agreements.withSources(touched));
        return Withdrawal.sort(agreements.byIds(touched), a -> a.id, sourced, a -> a.editedAt != null);
    }

    /** The given actors that are a party to some agreement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> partiesAmong(Collection<UUID> actorIds) {
        agreements.flush();
        return new HashSet<>(agreements.partiesAmong(actorIds));
    }

    /** When an editor last created or changed each of the given facts; those no editor touched are left out. */
    @Transactional
    public Map<UUID, Instant> editedAt(Collection<UUID> ids) {
        Map<UUID, Instant> out = new HashMap<>();
        agreements.byIds(ids).stream().filter(a -> a.editedAt != null).forEach(a -> out.put(a.id, a.editedAt));
        return out;
    }

    /** Retraction, last step: deletes agreements left without a source that nothing refers to any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteWithdrawn(Collection<UUID> ids) {
        Instant now = now();
        for (AgreementEntity a : agreements.byIds(ids)) {
            agreements.delete(a);
            changes.record(ChangeLog.Entity.AGREEMENT, a.id, ChangeLog.Action.DELETED, now);
        }
        agreements.flush();
    }
}
