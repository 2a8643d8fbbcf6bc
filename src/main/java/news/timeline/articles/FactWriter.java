package news.timeline.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.timeline.actors.ActorAlias;
import news.timeline.actors.ActorEntity;
import news.timeline.actors.AffiliationEntity;
import news.timeline.actors.AliasNormalizer;
import news.timeline.agreements.AgreementEntity;
import news.timeline.agreements.AgreementParty;
import news.timeline.changes.ChangeLog;
import news.timeline.events.EventEntity;
import news.timeline.events.EventParticipant;
import news.timeline.events.EventSourceEntity;
import news.timeline.events.StoredDate;
import news.timeline.extraction.ExtractedActor;
import news.timeline.extraction.ExtractedAgreement;
import news.timeline.extraction.ExtractedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns extracted facts into stored ones inside the caller's transaction: actors resolve by alias before new ones
 * are made (under an advisory lock per name, so concurrent articles do not create twins), an event another article
 * already reported (same type, overlapping date, same participants) gains a source instead of a duplicate.
 */
@ApplicationScoped
class FactWriter {

    private final EntityManager em;
    private final ArticleRepository articles;
    private final ChangeLog changes;

    FactWriter(EntityManager em, ArticleRepository articles, ChangeLog changes) {
        this.em = em;
        this.articles = articles;
        this.changes = changes;
    }

    /** An existing actor known under any of these names, or a new one. */
    ActorEntity resolveActor(ExtractedActor a, Instant now) {
        if (a.knownId() != null) {
            ActorEntity known = em.find(ActorEntity.class, UUID.fromString(a.knownId()));
            if (known != null) {
                return known;
            }
        }
        String key = AliasNormalizer.normalize(a.name());
        articles.lock("actor:" + key);
        Optional<ActorEntity> found = findByAlias(key);
        if (found.isEmpty()) {
            for (String alias : a.aliases()) {
                if (isDistinctive(alias, a.name())) {
                    found = findByAlias(AliasNormalizer.normalize(alias));
                    if (found.isPresent()) {
                        break;
                    }
                }
            }
        }
        if (found.isPresent()) {
            return found.get();
        }
        ActorEntity actor = new ActorEntity();
        actor.id = UUID.randomUUID();
        actor.kind = a.kind().apiName();
        actor.name = a.name();
        actor.slug = uniqueSlug(a.slug() == null || a.slug().isBlank() ? AliasNormalizer.slug(a.name()) : a.slug());
        actor.isoCode = a.isoCode();
        actor.createdAt = now;
        actor.updatedAt = now;
        Set<ActorAlias> aliases = new LinkedHashSet<>();
        aliases.add(new ActorAlias(a.name()));
        for (String alias : a.aliases()) {
            if (isDistinctive(alias, a.name()) && !AliasNormalizer.normalize(alias).isEmpty()) {
                aliases.add(new ActorAlias(alias.strip()));
            }
        }
        actor.aliases = new ArrayList<>(aliases);
        em.persist(actor);
        changes.record(ChangeLog.Entity.ACTOR, actor.id, ChangeLog.Action.CREATED, now);
        return actor;
    }

    /**
     * A lone word that is only part of the name ("Kim" of "Kim Jong-un") is in-article coreference, not a name
     * the actor goes by everywhere, so it is not stored as an alias.
     */
    private static boolean isDistinctive(String alias, String name) {
        String a = alias.strip();
        if (a.isEmpty() || a.length() > 300) {
            return false;
        }
        if (a.contains(" ") || a.equals(a.toUpperCase()) || a.contains(".")) {
            return true;
        }
        return !AliasNormalizer.normalize(name).contains(AliasNormalizer.normalize(a));
    }

    Optional<ActorEntity> findByAlias(String normalized) {
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("select a from ActorEntity a join a.aliases al where al.normalized = :n order by a.createdAt",
                        ActorEntity.class)
                .setParameter("n", normalized).setMaxResults(1).getResultStream().findFirst();
    }

    private String uniqueSlug(String base) {
        String slug = base;
        for (int n = 2; exists(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private boolean exists(String slug) {
        return !em.createQuery("select a.id from ActorEntity a where a.slug = :s").setParameter("s", slug)
                .setMaxResults(1).getResultList().isEmpty();
    }

    void affiliate(ActorEntity actor, ActorEntity to, String role, Instant now) {
        if (actor.id.equals(to.id)) {
            return;
        }
        boolean present = !em.createQuery("select f.id from AffiliationEntity f where f.actorId = :a and f.affiliatedTo = :t")
                .setParameter("a", actor.id).setParameter("t", to.id).setMaxResults(1).getResultList().isEmpty();
        if (present) {
            return;
        }
        AffiliationEntity f = new AffiliationEntity();
        f.id = UUID.randomUUID();
        f.actorId = actor.id;
        f.affiliatedTo = to.id;
        f.role = role == null ? null : truncate(role, 200);
        f.createdAt = now;
        em.persist(f);
        actor.updatedAt = now;
        changes.record(ChangeLog.Entity.ACTOR, actor.id, ChangeLog.Action.UPDATED, now);
    }

    AgreementEntity resolveAgreement(ExtractedAgreement a, List<UUID> parties, Instant now) {
        String key = AliasNormalizer.normalize(a.name());
        articles.lock("agreement:" + key);
        List<AgreementEntity> same = em.createQuery("select g from AgreementEntity g where lower(g.name) = :n", AgreementEntity.class)
                .setParameter("n", a.name().toLowerCase()).getResultList();
        for (AgreementEntity g : same) {
            Set<UUID> theirs = new HashSet<>();
            g.parties.forEach(p -> theirs.add(p.actorId));
            if (parties.isEmpty() || theirs.isEmpty() || theirs.containsAll(parties) || parties.containsAll(theirs)) {
                fillIn(g, a, parties, now);
                return g;
            }
        }
        AgreementEntity g = new AgreementEntity();
        g.id = UUID.randomUUID();
        g.kind = a.kind().apiName();
        g.name = truncate(a.name(), 500);
        g.aliases = new ArrayList<>(a.aliases().stream().filter(s -> !s.equalsIgnoreCase(a.name())).distinct().toList());
        g.clauses = new ArrayList<>(a.clauses());
        g.signed = StoredDate.of(a.signed());
        g.status = a.signed() != null ? "signed" : "unknown";
        for (UUID p : parties) {
            g.parties.add(new AgreementParty(p, "party"));
        }
        g.createdAt = now;
        g.updatedAt = now;
        em.persist(g);
        changes.record(ChangeLog.Entity.AGREEMENT, g.id, ChangeLog.Action.CREATED, now);
        return g;
    }

    /** A second article may know more: clauses, parties or a signing date the first one lacked. */
    private void fillIn(AgreementEntity g, ExtractedAgreement a, List<UUID> parties, Instant now) {
        boolean changed = false;
        for (String c : a.clauses()) {
            if (!g.clauses.contains(c)) {
                g.clauses.add(c);
                changed = true;
            }
        }
        Set<UUID> theirs = new HashSet<>();
        g.parties.forEach(p -> theirs.add(p.actorId));
        for (UUID p : parties) {
            if (theirs.add(p)) {
                g.parties.add(new AgreementParty(p, "party"));
                changed = true;
            }
        }
        if (g.signed == null && a.signed() != null) {
            g.signed = StoredDate.of(a.signed());
            g.status = "signed";
            changed = true;
        }
        if (changed) {
            g.updatedAt = now;
            changes.record(ChangeLog.Entity.AGREEMENT, g.id, ChangeLog.Action.UPDATED, now);
        }
    }

    /** The stored event for this happening: an existing report of it gains the sources, or a new event. */
    EventEntity resolveEvent(ExtractedEvent e, String title, List<UUID> participants, UUID agreementId, Instant now) {
        articles.lock("event:" + e.type().apiName() + ":" + participants.stream().sorted().toList());
        EventEntity same = findSame(e, participants);
        if (same != null) {
            if (same.agreementId == null && agreementId != null) {
                same.agreementId = agreementId;
            }
            same.updatedAt = now;
            changes.record(ChangeLog.Entity.EVENT, same.id, ChangeLog.Action.UPDATED, now);
            return same;
        }
        EventEntity ev = new EventEntity();
        ev.id = UUID.randomUUID();
        ev.type = e.type().apiName();
        ev.title = truncate(title, 500);
        ev.date = StoredDate.of(e.date());
        ev.placeName = e.place() == null ? null : truncate(e.place().name(), 300);
        ev.confidence = (float) Math.max(0, Math.min(1, e.confidence()));
        ev.status = "extracted";
        ev.agreementId = agreementId;
        ev.createdAt = now;
        ev.updatedAt = now;
        for (UUID p : participants) {
            ev.participants.add(new EventParticipant(p, "participant"));
        }
        ev.syncParticipantDates();
        em.persist(ev);
        changes.record(ChangeLog.Entity.EVENT, ev.id, ChangeLog.Action.CREATED, now);
        return ev;
    }

    private EventEntity findSame(ExtractedEvent e, Collection<UUID> participants) {
        if (participants.isEmpty()) {
            return null;
        }
        List<EventEntity> candidates = em.createQuery("select distinct e from EventEntity e join e.participants p "
                        + "where e.type = :t and e.date.start <= :end and e.date.end >= :start and p.actorId in :actors "
                        + "and e.status <> 'rejected' order by e.createdAt", EventEntity.class)
                .setParameter("t", e.type().apiName()).setParameter("start", e.date().start())
                .setParameter("end", e.date().end()).setParameter("actors", participants).getResultList();
        Set<UUID> wanted = new HashSet<>(participants);
        for (EventEntity c : candidates) {
            Set<UUID> theirs = new HashSet<>();
            c.participants.forEach(p -> theirs.add(p.actorId));
            if (theirs.equals(wanted)) {
                return c;
            }
        }
        return null;
    }

    void addSource(EventEntity event, UUID articleId, String url, String quote, int start, int end, String ruleId,
                   String version, Instant now) {
        for (EventSourceEntity s : event.sources) {
            if (articleId.equals(s.articleId) && s.startOffset != null && s.startOffset == start) {
                return;
            }
        }
        EventSourceEntity s = new EventSourceEntity();
        s.id = UUID.randomUUID();
        s.event = event;
        s.articleId = articleId;
        s.url = url;
        s.quote = quote;
        s.startOffset = start;
        s.endOffset = end;
        s.ruleId = ruleId;
        s.extractorVersion = version;
        s.createdAt = now;
        event.sources.add(s);
        em.persist(s);
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
