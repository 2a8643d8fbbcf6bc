package news.timeline.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.timeline.changes.ChangeLog;
import news.timeline.changes.RetriedOnAbort;
import news.timeline.web.ApiProblem;
import news.timeline.web.Cursor;
import news.timeline.web.Page;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An editor's "not the same happening" about two events: a merge suggestion dismissed. The pair is no longer
 * suggested, and the automatic de-duplication of article ingest does not merge it ({@link EventMerges#mergeDuplicates}).
 * Each dismissal and its withdrawal is a change-feed entry (entity {@code dismissal}) with its reason and who. An
 * event's own data: it lives with events; the review feature shows and takes it.
 */
@ApplicationScoped
@RetriedOnAbort
public class MergeDismissals {

    static final int MAX_REASON = 2000;

    private final EntityManager em;
    private final ChangeLog changes;
    private final Clock clock;

    MergeDismissals(EntityManager em, ChangeLog changes, Clock clock) {
        this.em = em;
        this.changes = changes;
        this.clock = clock;
    }

    /** One dismissal: the two events (in id order), why, who (the API key's name, when keys are named), when. */
    public record Dismissal(UUID id, List<UUID> events, String reason, String by, Instant dismissedAt) {
    }

    /** The dismissal and whether this call made it (false: the pair was dismissed already, nothing changed). */
    public record Outcome(Dismissal dismissal, boolean created) {
    }

    /** Dismisses the pair; dismissing a pair again answers the dismissal that exists and changes nothing. */
    @Transactional
    public Outcome dismiss(String event, String other, String reason, String by) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        UUID a = parse("event", event, errors);
        UUID b = parse("other", other, errors);
        if (reason != null && reason.length() > MAX_REASON) {
            errors.add(new ApiProblem.FieldError("reason", "is longer than " + MAX_REASON + " characters"));
        }
        if (errors.isEmpty() && a.equals(b)) {
            errors.add(new ApiProblem.FieldError("other", "must be another event than event"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        for (UUID id : List.of(a, b)) {
            if (em.createNativeQuery("select 1 from events where id = :e for key share").setParameter("e", id).getResultList().isEmpty()) {
                throw ApiProblem.notFound("event", id.toString());
            }
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        int inserted = em.createNativeQuery("insert into merge_dismissals (id, event_a, event_b, reason, dismissed_by, dismissed_at) "
                        // the table's order is PostgreSQL's uuid order (not Java's): least and greatest
                        + "values (:id, least(cast(:a as uuid), cast(:b as uuid)), greatest(cast(:a as uuid), cast(:b as uuid)), :r, :by, :at) "
                        + "on conflict (event_a, event_b) do nothing")
                .setParameter("id", id).setParameter("a", a).setParameter("b", b).setParameter("r", why)
                .setParameter("by", by).setParameter("at", now).executeUpdate();
        if (inserted == 0) {
            return new Outcome(ofPair(a, b), false);
        }
        changes.recordBy(ChangeLog.Entity.DISMISSAL, id, ChangeLog.Action.CREATED, why, by, now);
        return new Outcome(get(id), true);
    }

    @Transactional
    public Dismissal get(UUID id) {
        List<Dismissal> found = select("where id = :id", id);
        if (found.isEmpty()) {
            throw ApiProblem.notFound("dismissal", id.toString());
        }
        return found.get(0);
    }

    /** Withdraws a dismissal: the pair may be suggested (and de-duplicated) again. */
    @Transactional
    public void withdraw(UUID id, String by) {
        int n = em.createNativeQuery("delete from merge_dismissals where id = :id").setParameter("id", id).executeUpdate();
        if (n == 0) {
            throw ApiProblem.notFound("dismissal", id.toString());
        }
        changes.recordBy(ChangeLog.Entity.DISMISSAL, id, ChangeLog.Action.DELETED, null, by,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
    }

    /** Dismissals, newest first, keyset-paged; with {@code event}, those of that event only. */
    @Transactional
    public Page<Dismissal> list(String event, String cursor, int limit) {
        UUID of = null;
        if (event != null) {
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            of = parse("event", event, errors);
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid(errors);
            }
        }
        String scope = Cursor.scope(of == null ? "" : of.toString());
        List<String> after = Cursor.decode("dismissals", scope, cursor, 2);
        StringBuilder where = new StringBuilder("where true");
        if (of != null) {
            where.append(" and (event_a = :of or event_b = :of)");
        }
        Instant afterAt = null;
        UUID afterId = null;
        if (after != null) {
            try {
                afterAt = Instant.parse(after.get(0));
                afterId = UUID.fromString(after.get(1));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
            }
            where.append(" and (dismissed_at, id) < (:at, :after)");
        }
        var q = em.createNativeQuery("select id, event_a, event_b, reason, dismissed_by, dismissed_at from merge_dismissals "
                + where + " order by dismissed_at desc, id desc limit :n").setParameter("n", limit + 1);
        if (of != null) {
            q.setParameter("of", of);
        }
        if (after != null) {
            q.setParameter("at", afterAt).setParameter("after", afterId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Dismissal> items = new ArrayList<>(rows.stream().limit(limit).map(MergeDismissals::dismissal).toList());
        String next = null;
        if (rows.size() > limit) {
            Dismissal last = items.get(items.size() - 1);
            next = Cursor.encode("dismissals", scope, List.of(last.dismissedAt().toString(), last.id().toString()));
        }
        return new Page<>(items, next);
    }

    private Dismissal ofPair(UUID a, UUID b) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, event_a, event_b, reason, dismissed_by, dismissed_at from merge_dismissals "
                        + "where event_a = least(cast(:a as uuid), cast(:b as uuid)) and event_b = greatest(cast(:a as uuid), cast(:b as uuid))")
                .setParameter("a", a).setParameter("b", b).getResultList();
        return dismissal(rows.get(0));
    }

    private List<Dismissal> select(String where, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, event_a, event_b, reason, dismissed_by, dismissed_at from merge_dismissals "
                + where).setParameter("id", id).getResultList();
        return rows.stream().map(MergeDismissals::dismissal).toList();
    }

    private static Dismissal dismissal(Object[] r) {
        Object at = r[5];
        Instant when = at instanceof Instant i ? i : at instanceof OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) at).toInstant();
        return new Dismissal((UUID) r[0], List.of((UUID) r[1], (UUID) r[2]), (String) r[3], (String) r[4], when);
    }

    private static UUID parse(String field, String value, List<ApiProblem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new ApiProblem.FieldError(field, "must be an event id"));
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new ApiProblem.FieldError(field, "is not an event id"));
            return null;
        }
    }
}
