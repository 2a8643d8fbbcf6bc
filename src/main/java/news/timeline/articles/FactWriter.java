package news.timeline.articles;

import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.actors.ActorService;
import news.timeline.actors.AliasNormalizer;
import news.timeline.agreements.AgreementService;
import news.timeline.changes.WriteLocks;
import news.timeline.events.EventInput;
import news.timeline.events.EventMerges;
import news.timeline.events.EventService;
import news.timeline.events.EventView;
import news.timeline.events.SourceInput;
import news.timeline.extraction.ExtractedActor;
import news.timeline.extraction.ExtractedAgreement;
import news.timeline.extraction.ExtractedEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns extracted facts into stored ones through the owning features' services, inside the caller's transaction.
 * The services lock per name while resolving actors and agreements; here an advisory lock per happening makes
 * concurrent articles reporting it wait for each other, so an event another article already reported (same type,
 * overlapping date, same participants) gains a source instead of a duplicate.
 */
@ApplicationScoped
class FactWriter {

    private final WriteLocks locks;
    private final ActorService actors;
    private final EventService events;
    private final AgreementService agreements;
    private final EventMerges merges;

    FactWriter(WriteLocks locks, ActorService actors, EventService events, AgreementService agreements, EventMerges merges) {
        this.locks = locks;
        this.merges = merges;
        this.actors = actors;
        this.events = events;
        this.agreements = agreements;
    }

    /** The id of the stored actor known under this name or one of its distinctive aliases, or of a new one. */
    UUID resolveActor(ExtractedActor a) {
        if (a.knownId() != null && actors.find(a.knownId()).isPresent()) {
            return UUID.fromString(a.knownId());
        }
        // a body named by description keeps only the aliases that name its country ("Kuwait's parliament"):
        // "the army" or "police" would name every country's army everywhere
        boolean described = a.ruleId() != null && a.ruleId().startsWith("actors.body.");
        List<String> aliases = a.aliases().stream().filter(x -> isDistinctive(x, a.name()))
                .filter(x -> !described || Character.isUpperCase(x.strip().replaceFirst("(?i)^(the|a|an)\\s+", "").codePointAt(0)))
                .map(String::strip).distinct().toList();
        return actors.resolveOrCreate(truncate(a.name(), 300), a.kind().apiName(), a.isoCode(), aliases).id();
    }

    /**
     * A lone word that is only part of the name ("Kim" of "Kim Jong-un") is in-article coreference, not a name the
     * actor goes by everywhere, so it is not stored as an alias.
     */
    static boolean isDistinctive(String alias, String name) {
        String a = alias.strip();
        if (a.isEmpty() || a.length() > 300 || AliasNormalizer.normalize(a).isEmpty()) {
            return false;
        }
        if (a.contains(" ") || a.equals(a.toUpperCase()) || a.contains(".")) {
            return true;
        }
        return !AliasNormalizer.normalize(name).contains(AliasNormalizer.normalize(a));
    }

    void affiliate(UUID actor, UUID to, String role) {
        actors.ensureAffiliation(actor, to, role);
    }

    UUID resolveAgreement(ExtractedAgreement a, List<UUID> parties) {
        return agreements.resolveOrCreate(a.name(), a.kind().apiName(), a.aliases(), parties, a.signed(), a.clauses());
    }

    /**
     * The stored event for this happening: an earlier report of it with the same participants, or a new event. When
     * the report matches several stored events, they are one happening stored twice: those still as extraction left
     * them are merged into the best match through the event merge ({@link EventMerges#mergeDuplicates}: recorded
     * {@code merged} with {@code mergedInto}, undone by a split, like an editor's merge).
     */
    UUID resolveEvent(ExtractedEvent e, List<UUID> participants, Map<UUID, String> roles, UUID agreementId,
                      List<SourceInput> sources) {
        locks.lock(eventLockKey(e, participants));
        if (!participants.isEmpty()) {
            Set<UUID> wanted = new HashSet<>(participants);
            List<EventView> same = new ArrayList<>();
            for (EventView candidate : events.findSimilar(e.type().apiName(), e.date(), participants)) {
                Set<UUID> theirs = new HashSet<>();
                candidate.participants().forEach(p -> theirs.add(p.actor().id()));
                if (theirs.equals(wanted)) {
                    same.add(candidate);
                }
            }
            if (!same.isEmpty()) {
                UUID target = same.get(0).id();
                List<UUID> others = same.stream().skip(1).map(EventView::id).toList();
                EventView joined = merges.mergeDuplicates(target, others).isEmpty() ? same.get(0) : events.view(target);
                for (SourceInput s : sources) {
                    boolean known = joined.sources().stream().anyMatch(x -> s.articleId().equals(x.articleId())
                            && s.start().equals(x.start()));
                    if (!known) {
                        events.addExtractedSource(target, s);
                    }
                }
                return target;
            }
        }
        return events.createExtracted(eventInput(e, participants, roles, agreementId, sources)).id();
    }

    /** The stored shape of an extracted event: what a new event gets, and what re-extraction revises one to. */
    static EventInput eventInput(ExtractedEvent e, List<UUID> participants, Map<UUID, String> roles, UUID agreementId,
                                 List<SourceInput> sources) {
        List<EventInput.Participant> parts = new ArrayList<>();
        participants.forEach(p -> parts.add(new EventInput.Participant(p.toString(), roles.getOrDefault(p, "participant"))));
        String title = e.title() == null || e.title().isBlank() ? e.type().apiName().replace('_', ' ') : e.title();
        return new EventInput(e.type().apiName(), truncate(title, 500), null, e.date(), null,
                e.place() == null ? null : new EventInput.Place(truncate(e.place().name(), 300)), parts, agreementId,
                sources, Math.max(0, Math.min(1, e.confidence())), "extracted", null, null, null);
    }

    /** The advisory lock of a happening: its type and participants, whatever order they were named in. */
    static String eventLockKey(ExtractedEvent e, List<UUID> participants) {
        return "event:" + e.type().apiName() + ":" + participants.stream().sorted().toList();
    }

    /** The advisory lock {@link #resolveActor} takes (through the actor service) for this actor's name. */
    static String actorLockKey(ExtractedActor a) {
        return ActorService.nameLockKey(AliasNormalizer.normalize(truncate(a.name(), 300)));
    }

    /**
     * Takes the locks in the order every writer of a submission takes them: first all actors' names, then all
     * agreements' names, then all happenings, each set sorted. Two articles naming the same actors in other orders
     * would otherwise each hold one name while waiting for the other's (PostgreSQL: deadlock detected). The later
     * lock calls of the same keys inside the services return at once (a transaction holds its advisory locks).
     */
    void lockInOrder(java.util.Collection<String> keys) {
        new java.util.TreeSet<>(keys).forEach(locks::lock);
    }

    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
