package news.timeline.actors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.timeline.changes.ChangeLog;
import news.timeline.changes.RetriedOnAbort;
import news.timeline.changes.Withdrawal;
import news.timeline.changes.WriteLocks;
import news.timeline.web.Ids;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Actors: people, countries, organizations and groups, with their aliases and affiliations over time.
 * Every public method runs in a transaction and validates its input; entities never leave this class.
 * An actor is addressed by id or slug ({@code "kim-jong-un"}); unknown ones are a 404 {@link ApiProblem}.
 */
@ApplicationScoped
@RetriedOnAbort
public class ActorService {

    public static final List<String> KINDS = List.of("person", "country", "organization", "group", "other");
    static final String SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    private final ActorRepository actors;
    private final AffiliationRepository affiliations;
    private final ChangeLog changes;
    private final WriteLocks locks;
    private final InputValidator validator;
    private final Clock clock;

    ActorService(ActorRepository actors, AffiliationRepository affiliations, ChangeLog changes, WriteLocks locks,
                 InputValidator validator, Clock clock) {
        this.actors = actors;
        this.affiliations = affiliations;
        this.changes = changes;
        this.locks = locks;
        this.validator = validator;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ create, read

    /**
     * Creates an actor. 409 when the given slug is taken; without a slug one is made from the name. Without a slug,
     * a name that folds ({@link AliasNormalizer}: case, accents, punctuation, spacing, a leading "the") to the name or
     * an alias of an actor of the same kind is a 409 naming that actor: "north korea " is North Korea, not a twin.
     * A slug of the request's own marks a deliberate namesake (two people called John Smith).
     */
    @Transactional
    public ActorView create(ActorInput input) {
        return create(input, true);
    }

    private ActorView create(ActorInput input, boolean byEditor) {
        validator.check(input);
        if (input.slug() == null) {
            refuseTwin(input.name(), input.kind(), null);
        }
        return insert(input, byEditor);
    }

    /** Stores a checked actor; an editor's is marked as theirs (a retraction keeps it). */
    private ActorView insert(ActorInput input, boolean byEditor) {
        Instant now = now();
        ActorEntity a = new ActorEntity();
        a.id = UUID.randomUUID();
        a.createdAt = now;
        apply(a, input.name(), input.kind(), input.description(), input.isoCode(), input.wikidataId());
        a.slug = input.slug() == null ? uniqueSlug(input.name()) : checkedSlug(input.slug(), null);
        setAliases(a, input.aliases());
        a.updatedAt = now;
        a.editedAt = byEditor ? now : null;
        actors.persist(a);
        changes.record(ChangeLog.Entity.ACTOR, a.id, ChangeLog.Action.CREATED, now);
        return view(a);
    }

    /** The actor with this id or slug; 404 when there is none. */
    @Transactional
    public ActorView get(String idOrSlug) {
        return view(load(idOrSlug));
    }

    /** Like {@link #get} but empty instead of a 404. */
    @Transactional
    public Optional<ActorView> find(String idOrSlug) {
        return lookup(idOrSlug).map(this::view);
    }

    /** The id of the actor with this id or slug; 404 when there is none. */
    @Transactional
    public UUID resolveId(String idOrSlug) {
        return load(idOrSlug).id;
    }

    /**
     * One page of actors in name order. {@code q} matches a part of the name or of an alias (case-, accent- and
     * punctuation-insensitive); {@code kind} filters by kind. Both may be null.
     */
    @Transactional
    public Page<ActorView> list(String q, String kind, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        if (kind != null && !KINDS.contains(kind)) {
            throw ApiProblem.invalid("kind", "must be one of: " + String.join(", ", KINDS));
        }
        if (q != null && q.length() > 300) {
            throw ApiProblem.invalid("q", "size must be between 0 and 300");
        }
        // a cursor pages the list of this q and kind only
        String scope = Cursor.scope(q == null || q.isBlank() ? "" : q.trim(), kind);
        List<String> after = Cursor.decode("actors", scope, cursor, 2);
        String nameLike = null;
        String aliasLike = null;
        if (q != null && !q.isBlank()) {
            nameLike = "%" + likeEscape(q.trim().toLowerCase(java.util.Locale.ROOT)) + "%";
            aliasLike = "%" + likeEscape(AliasNormalizer.normalize(q)) + "%";
        }
        List<ActorEntity> rows = actors.page(kind, nameLike, aliasLike, after == null ? null : after.get(0),
                after == null ? null : parseUuid(after.get(1), "cursor"), size + 1);
        boolean more = rows.size() > size;
        List<ActorEntity> items = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            ActorEntity last = items.get(items.size() - 1);
            next = Cursor.encode("actors", scope, List.of(last.name.toLowerCase(java.util.Locale.ROOT), last.id.toString()));
        }
        return new Page<>(views(items), next);
    }

    /** Actors known by this name or alias (normalized with {@link AliasNormalizer}), oldest first. */
    @Transactional
    public List<ActorSummary> findByAlias(String alias) {
        String normalized = AliasNormalizer.normalize(alias);
        if (normalized.isEmpty()) {
            return List.of();
        }
        return actors.byAlias(normalized).stream().map(ActorSummary::of).toList();
    }

    /**
     * For extraction and imports: the actor known by {@code name} or one of {@code aliases} (of the same kind when
     * one matches by kind, else the oldest match), or a new actor with a unique slug. New aliases are added to an
     * existing match.
     */
    @Transactional
    public ActorSummary resolveOrCreate(String name, String kind, String... aliases) {
        // writers resolving the same new name (articles, imports) wait here instead of each creating it
        locks.lock(nameLockKey(AliasNormalizer.normalize(name)));
        List<String> names = new ArrayList<>();
        names.add(name);
        if (aliases != null) {
            names.addAll(List.of(aliases));
        }
        for (String candidate : names) {
            List<ActorEntity> found = actors.byAlias(AliasNormalizer.normalize(candidate));
            if (!found.isEmpty()) {
                ActorEntity match = found.stream().filter(a -> a.kind.equals(kind)).findFirst().orElse(found.get(0));
                List<String> merged = new ArrayList<>(match.aliases.stream().map(x -> x.alias).toList());
                merged.addAll(names.stream().filter(n -> n != null && !n.isBlank() && n.length() <= 300).toList());
                if (setAliases(match, merged)) {
                    touch(match);
                }
                return ActorSummary.of(match);
            }
        }
        ActorView created = insert(validator.check(ActorInput.of(name, kind, aliases == null ? List.of() : List.of(aliases))), false);
        return new ActorSummary(created.id(), created.slug(), created.name(), created.kind());
    }

    /**
     * The transaction-scoped advisory lock every writer takes before creating an actor under this normalized name,
     * so that concurrent writers (article ingest, imports) create it once.
     */
    public static String nameLockKey(String normalizedName) {
        return "actor:" + normalizedName;
    }

    /** Summaries of the given actors in one query, keyed by id (unknown ids are left out). */
    @Transactional
    public Map<UUID, ActorSummary> summaries(Collection<UUID> ids) {
        Set<UUID> distinct = new HashSet<>(ids);
        distinct.remove(null);
        return actors.byIds(distinct).stream().collect(Collectors.toMap(a -> a.id, ActorSummary::of));
    }

    /**
     * Resolves several actor references (ids or slugs) in two queries, keyed by the reference as given;
     * unknown references are left out.
     */
    @Transactional
    public Map<String, ActorSummary> resolveRefs(Collection<String> idsOrSlugs) {
        Map<UUID, String> ids = new HashMap<>();
        Set<String> slugs = new HashSet<>();
        for (String ref : idsOrSlugs) {
            if (ref == null || ref.isBlank()) {
                continue;
            }
            UUID id = Ids.parseOrNull(ref);
            if (id != null) {
                ids.put(id, ref);
            } else {
                slugs.add(ref);
            }
        }
        Map<String, ActorSummary> out = new HashMap<>();
        actors.byIds(ids.keySet()).forEach(a -> out.put(ids.get(a.id), ActorSummary.of(a)));
        actors.bySlugs(slugs).forEach(a -> out.put(a.slug, ActorSummary.of(a)));
        return out;
    }

    // ------------------------------------------------------------------ update, delete, merge

    /** Replaces every field (PUT). 409 when {@code version} is given and stale, or the slug is taken. */
    @Transactional
    public ActorView update(String idOrSlug, ActorInput input) {
        validator.check(input);
        ActorEntity a = load(idOrSlug);
        checkVersion(a.version, input.version());
        if (input.slug() == null) {
            refuseRenameToTwin(a, input.name(), input.kind());
        }
        apply(a, input.name(), input.kind(), input.description(), input.isoCode(), input.wikidataId());
        if (input.slug() != null) {
            a.slug = checkedSlug(input.slug(), a.id);
        }
        setAliases(a, input.aliases());
        touch(a);
        a.editedAt = a.updatedAt;
        return view(a);
    }

    /** Changes only the fields given (PATCH); {@code ""} clears description, isoCode and wikidataId. */
    @Transactional
    public ActorView patch(String idOrSlug, ActorPatch patch) {
        validator.check(patch);
        ActorEntity a = load(idOrSlug);
        checkVersion(a.version, patch.version());
        if (patch.slug() == null) {
            refuseRenameToTwin(a, patch.name() == null ? a.name : patch.name(), patch.kind() == null ? a.kind : patch.kind());
        }
        apply(a, patch.name() == null ? a.name : patch.name(), patch.kind() == null ? a.kind : patch.kind(),
                patch.description() == null ? a.description : patch.description(),
                patch.isoCode() == null ? a.isoCode : patch.isoCode(),
                patch.wikidataId() == null ? a.wikidataId : patch.wikidataId());
        if (patch.slug() != null) {
            a.slug = checkedSlug(patch.slug(), a.id);
        }
        List<String> aliases = patch.aliases() != null ? patch.aliases() : a.aliases.stream().map(x -> x.alias).toList();
        setAliases(a, aliases);
        touch(a);
        a.editedAt = a.updatedAt;
        return view(a);
    }

    /**
     * Deletion, first step (curation/ActorRemovals runs the steps, events and agreements letting go of the actor in
     * between): the id of the actor to delete; 404 when there is none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID idOf(String idOrSlug) {
        return load(idOrSlug).id;
    }

    /** Deletion, last step, once no event or agreement names the actor: it goes with its aliases and affiliations. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteDetached(UUID id) {
        ActorEntity a = actors.findById(id);
        actors.delete(a);
        changes.record(ChangeLog.Entity.ACTOR, a.id, ChangeLog.Action.DELETED, now());
    }

    /** The two actors of a merge: {@code from} goes into {@code into}. */
    public record MergePair(UUID from, UUID into) {
    }

    /**
     * Merge, first step (curation/ActorRemovals runs the steps, events and agreements moving the participations and
     * parties in between): the target gains the source's name and aliases as aliases and the fields it lacks. 409
     * when both are the same actor; {@code into} missing or unknown is a 400 naming it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MergePair beginMerge(String source, String target) {
        if (target == null || target.isBlank()) {
            throw ApiProblem.invalid("into", "must not be blank");
        }
        ActorEntity from = load(source);
        ActorEntity into = lookup(target).orElseThrow(() -> ApiProblem.invalid("into", "no actor '" + target + "'"));
        if (from.id.equals(into.id)) {
            throw ApiProblem.conflict("an actor cannot be merged into itself");
        }
        List<String> aliases = new ArrayList<>(into.aliases.stream().map(x -> x.alias).toList());
        aliases.add(from.name);
        aliases.addAll(from.aliases.stream().map(x -> x.alias).toList());
        if (into.description == null) {
            into.description = from.description;
        }
        if (into.isoCode == null) {
            into.isoCode = from.isoCode;
        }
        if (into.wikidataId == null) {
            into.wikidataId = from.wikidataId;
        }
        setAliases(into, aliases);
        actors.flush();
        return new MergePair(from.id, into.id);
    }

    /**
     * Merge, last step: the target takes the source's affiliations and provenance; the source is deleted and
     * recorded as 'merged' into the target.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ActorView completeMerge(MergePair pair) {
        ActorEntity from = actors.findById(pair.from());
        ActorEntity into = actors.findById(pair.into());
        affiliations.moveActor(from.id, into.id);
        actors.moveSources(from.id, into.id);
        Instant now = now();
        actors.delete(from);
        changes.record(ChangeLog.Entity.ACTOR, from.id, ChangeLog.Action.MERGED, into.id, now);
        touch(into);
        into.editedAt = into.updatedAt;
        return view(into);
    }

    // ------------------------------------------------------------------ affiliations

    /** Records that {@code actor} acts for {@code input.to()} over a period. */
    @Transactional
    public AffiliationView addAffiliation(String actor, AffiliationInput input) {
        validator.check(input);
        ActorEntity a = load(actor);
        ActorEntity to = lookup(input.to()).orElseThrow(() -> ApiProblem.invalid("to", "no actor '" + input.to() + "'"));
        if (a.id.equals(to.id)) {
            throw ApiProblem.invalid("to", "an actor cannot be affiliated with itself");
        }
        if (input.validFrom() != null && input.validTo() != null && input.validTo().isBefore(input.validFrom())) {
            throw ApiProblem.invalid("validTo", "must not be before validFrom");
        }
        AffiliationEntity f = new AffiliationEntity();
        f.id = UUID.randomUUID();
        f.actorId = a.id;
        f.affiliatedTo = to.id;
        f.role = input.role();
        f.validFrom = input.validFrom();
        f.validTo = input.validTo();
        f.createdAt = now();
        affiliations.persist(f);
        touch(a);
        return new AffiliationView(f.id, ActorSummary.of(a), ActorSummary.of(to), f.role, f.validFrom, f.validTo);
    }

    /** Every affiliation of the actor, earliest first. */
    @Transactional
    public List<AffiliationView> affiliations(String actor) {
        ActorEntity a = load(actor);
        List<AffiliationEntity> rows = affiliations.ofActor(a.id);
        Map<UUID, ActorSummary> to = summaries(rows.stream().map(r -> r.affiliatedTo).toList());
        return rows.stream().map(r -> new AffiliationView(r.id, ActorSummary.of(a), to.get(r.affiliatedTo), r.role,
                r.validFrom, r.validTo)).toList();
    }

    /** Removes one affiliation of the actor; 404 when it has no such affiliation. */
    @Transactional
    public void removeAffiliation(String actor, UUID affiliationId) {
        ActorEntity a = load(actor);
        AffiliationEntity f = affiliations.findByIdOptional(affiliationId)
                .filter(x -> x.actorId.equals(a.id))
                .orElseThrow(() -> ApiProblem.notFound("affiliation", String.valueOf(affiliationId)));
        affiliations.delete(f);
        touch(a);
    }

    /** The actors each given actor acts for on {@code day} (e.g. a person's country), for roll-ups. */
    @Transactional
    public Map<UUID, List<UUID>> affiliatedTo(Collection<UUID> actorIds, LocalDate day) {
        Map<UUID, List<UUID>> out = new HashMap<>();
        for (AffiliationEntity f : affiliations.validOn(new HashSet<>(actorIds), day)) {
            out.computeIfAbsent(f.actorId, k -> new ArrayList<>()).add(f.affiliatedTo);
        }
        return out;
    }

    // ------------------------------------------------------------------ internals

    private Optional<ActorEntity> lookup(String idOrSlug) {
        if (idOrSlug == null || idOrSlug.isBlank()) {
            return Optional.empty();
        }
        UUID id = Ids.parseOrNull(idOrSlug);
        return id != null ? actors.findByIdOptional(id) : actors.findBySlug(idOrSlug);
    }

    private ActorEntity load(String idOrSlug) {
        return lookup(idOrSlug).orElseThrow(() -> ApiProblem.notFound("actor", idOrSlug));
    }

    private static void apply(ActorEntity a, String name, String kind, String description, String isoCode, String wikidataId) {
        a.name = name.trim();
        a.kind = kind;
        a.description = emptyToNull(description);
        a.isoCode = emptyToNull(isoCode);
        a.wikidataId = emptyToNull(wikidataId);
    }

    /**
     * The alias table holds every name the actor is looked up by, the current name included; views hide the
     * entry equal to the name. Returns whether the set changed.
     */
    private static boolean setAliases(ActorEntity a, List<String> aliases) {
        Map<String, ActorAlias> wanted = new LinkedHashMap<>();
        for (String s : aliases) {
            if (s == null || s.isBlank()) {
                continue;
            }
            ActorAlias alias = new ActorAlias(s.trim());
            if (!alias.normalized.isEmpty()) {
                wanted.putIfAbsent(alias.normalized, alias);
            }
        }
        ActorAlias self = new ActorAlias(a.name);
        if (!self.normalized.isEmpty()) {
            wanted.putIfAbsent(self.normalized, self);
        }
        Set<String> before = a.aliases.stream().map(x -> x.normalized + "\u0000" + x.alias).collect(Collectors.toSet());
        Set<String> after = wanted.values().stream().map(x -> x.normalized + "\u0000" + x.alias).collect(Collectors.toSet());
        if (before.equals(after)) {
            return false;
        }
        a.aliases.clear();
        a.aliases.addAll(wanted.values());
        return true;
    }

    /** A new name or kind that would make the actor a twin of another is refused like a twin's creation. */
    private void refuseRenameToTwin(ActorEntity a, String name, String kind) {
        if (!AliasNormalizer.normalize(name).equals(AliasNormalizer.normalize(a.name)) || !kind.equals(a.kind)) {
            refuseTwin(name, kind, a.id);
        }
    }

    /**
     * 409 when an actor other than {@code self}, of this kind, has this name or an alias that folds to it. Holds the
     * name's lock to the end of the transaction, so two concurrent creations of one name cannot both pass.
     */
    private void refuseTwin(String name, String kind, UUID self) {
        String normalized = AliasNormalizer.normalize(name);
        if (normalized.isEmpty()) {
            return;
        }
        locks.lock(nameLockKey(normalized));
        Optional<ActorEntity> twin = actors.byAlias(normalized).stream()
                .filter(x -> x.kind.equals(kind) && !x.id.equals(self)).findFirst();
        if (twin.isPresent()) {
            ActorEntity t = twin.get();
            String as = AliasNormalizer.normalize(t.name).equals(normalized) ? "" : " (by an alias)";
            throw ApiProblem.duplicate("the " + kind + " '" + t.name + "' (" + t.slug + ", id " + t.id + ") already has this name"
                    + as + "; use it, add the name to its aliases, or give a slug of your own to create a namesake", ActorSummary.of(t));
        }
    }

    private String checkedSlug(String slug, UUID self) {
        if (Ids.parseOrNull(slug) != null) {
            throw ApiProblem.invalid("slug", "must not look like a UUID (ids and slugs share the URL)");
        }
        if (actors.slugTaken(slug, self)) {
            throw ApiProblem.conflict("the slug '" + slug + "' is taken by another actor");
        }
        return slug;
    }

    /** The slug of the name, with -2, -3... appended while it is taken. */
    private String uniqueSlug(String name) {
        String base = AliasNormalizer.slug(name);
        if (Ids.parseOrNull(base) != null) {
            base = "actor-" + base;
        }
        Set<String> taken = new HashSet<>(actors.slugsLike(base));
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private void touch(ActorEntity a) {
        Instant now = now();
        a.updatedAt = now;
        changes.record(ChangeLog.Entity.ACTOR, a.id, ChangeLog.Action.UPDATED, now);
    }

    private ActorView view(ActorEntity a) {
        return views(List.of(a)).get(0);
    }

    /** Views of several actors with two extra queries (aliases, current affiliations), not one per actor. */
    private List<ActorView> views(List<ActorEntity> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        actors.flush();
        List<UUID> ids = list.stream().map(a -> a.id).toList();
        Map<UUID, String> ownName = list.stream().collect(Collectors.toMap(a -> a.id, a -> AliasNormalizer.normalize(a.name)));
        Map<UUID, List<String>> aliases = new HashMap<>();
        for (Object[] row : actors.aliasesOf(ids)) {
            UUID id = (UUID) row[0];
            if (!Objects.equals(ownName.get(id), row[2])) {
                aliases.computeIfAbsent(id, k -> new ArrayList<>()).add((String) row[1]);
            }
        }
        Map<UUID, UUID> current = new HashMap<>();
        for (AffiliationEntity f : affiliations.validOn(ids, LocalDate.now(clock))) {
            current.putIfAbsent(f.actorId, f.affiliatedTo);
        }
        Map<UUID, ActorSummary> to = current.isEmpty() ? new HashMap<>() : summaries(current.values());
        return list.stream().map(a -> new ActorView(a.id, a.slug, a.name, a.kind, a.description,
                aliases.getOrDefault(a.id, List.of()), a.isoCode, a.wikidataId, to.get(current.get(a.id)),
                a.createdAt, a.updatedAt, a.version)).toList();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static void checkVersion(long current, Long given) {
        if (given != null && given != current) {
            throw ApiProblem.conflict("version " + given + " is stale; the current version is " + current);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static UUID parseUuid(String s, String field) {
        UUID id = Ids.parseOrNull(s);
        if (id == null) {
            throw ApiProblem.invalid(field, "is not a cursor of this list; use the 'next' value of a previous page");
        }
        return id;
    }

    // ------------------------------------------------------------------ extraction

    /**
     * For extraction: {@link #resolveOrCreate(String, String, String...)}, also recording the ISO 3166 code of a
     * country found in a gazetteer when the stored actor has none.
     */
    @Transactional
    public ActorSummary resolveOrCreate(String name, String kind, String isoCode, List<String> aliases) {
        ActorSummary s = resolveOrCreate(name, kind, aliases.toArray(String[]::new));
        if (isoCode != null && isoCode.matches("[A-Z]{2,3}")) {
            ActorEntity a = actors.findById(s.id());
            if (a.isoCode == null) {
                a.isoCode = isoCode;
                touch(a);
            }
        }
        return s;
    }

    /** Records that {@code actor} acts for {@code to} unless an affiliation between them is already stored. */
    @Transactional
    public void ensureAffiliation(UUID actor, UUID to, String role) {
        if (actor.equals(to) || affiliations.ofActor(actor).stream().anyMatch(f -> f.affiliatedTo.equals(to))) {
            return;
        }
        String r = role == null ? null : role.length() > 200 ? role.substring(0, 200) : role;
        addAffiliation(actor.toString(), new AffiliationInput(to.toString(), r, null, null));
    }

    /** Views of the given actors, in the order given (unknown ids are left out). */
    @Transactional
    public List<ActorView> views(Collection<UUID> ids) {
        Map<UUID, ActorView> byId = new HashMap<>();
        views(actors.byIds(ids)).forEach(v -> byId.put(v.id(), v));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    // ------------------------------------------------------------------ article retraction and re-extraction

    /**
     * Retraction, first step: removes the article's sources of actors and answers those left without a source:
     * {@code deleted} lists the candidates for deletion (no editor's mark; the caller removes those still in use by
     * other facts and then calls {@link #deleteWithdrawn}), {@code kept} those an editor created or edited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Withdrawal withdrawArticle(UUID articleId) {
        List<UUID> touched = actors.sourcedBy(articleId);
        if (touched.isEmpty()) {
            return Withdrawal.NONE;
        }
        actors.flush();
        actors.deleteSourcesOf(articleId);
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
        actors.flush();
        List<UUID> touched = List.copyOf(candidates);
        Set<UUID> sourced = new HashSet<>(actors.withSources(touched));
        return Withdrawal.sort(actors.byIds(touched), a -> a.id, sourced, a -> a.editedAt != null);
    }

    /** Those of {@code candidates} that an actor outside them is affiliated to (a kept person's country stays). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> affiliationTargetsOfOthers(Collection<UUID> candidates) {
        Set<UUID> out = new HashSet<>();
        Set<UUID> set = new HashSet<>(candidates);
        for (Map.Entry<UUID, List<UUID>> e : affiliations.affiliatesOf(set).entrySet()) {
            if (e.getValue().stream().anyMatch(a -> !set.contains(a))) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** When an editor last created or changed each of the given facts; those no editor touched are left out. */
    @Transactional
    public Map<UUID, Instant> editedAt(Collection<UUID> ids) {
        Map<UUID, Instant> out = new HashMap<>();
        actors.byIds(ids).stream().filter(a -> a.editedAt != null).forEach(a -> out.put(a.id, a.editedAt));
        return out;
    }

    /** Retraction, last step: deletes actors left without a source that nothing refers to any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteWithdrawn(Collection<UUID> ids) {
        Instant now = now();
        for (ActorEntity a : actors.byIds(ids)) {
            actors.delete(a);
            changes.record(ChangeLog.Entity.ACTOR, a.id, ChangeLog.Action.DELETED, now);
        }
        actors.flush();
    }
}
