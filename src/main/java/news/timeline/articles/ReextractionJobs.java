package news.timeline.articles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import news.timeline.extraction.ArticleExtractor;
import news.timeline.extraction.ExtractionResult;
import news.timeline.jobs.JobLeases;
import news.timeline.web.ApiProblem;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Re-extraction as a job ({@code POST /api/v1/reextractions}), like an async import: the job row
 * ({@code reextraction_jobs}) is the state every instance sees; one background thread reads the articles in id order.
 * Each article is one transaction holding its changes, the job's totals and the job's position, so a job a restart
 * interrupted resumes at start where it stopped and ends with the totals an uninterrupted run would have; a second
 * job over the same articles finds them read with the current version and does nothing.
 * <p>
 * With several replicas, one process runs a job at a time: it claims the row (owner, heartbeat: {@link JobLeases})
 * before it starts, and a replica takes over only a job no live process runs (at its start, and every half lease),
 * so a restart of one replica leaves another's running job alone, and a replica that died hands its jobs on.
 */
@ApplicationScoped
class ReextractionJobs {

    private static final Logger LOG = Logger.getLogger(ReextractionJobs.class);
    /** {@link JobLeases#DEAD} with named parameters. */
    private static final String DEAD = JobLeases.DEAD.replace("?", "%s").formatted(":run", ":lease", ":replica");

    private final Reextractions reextractions;
    private final ArticleRepository articles;
    private final EntityManager em;
    private final JobLeases leases;
    private final Clock clock = Clock.systemUTC();
    private final Set<UUID> runningHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "timeline-reextraction-job");
        t.setDaemon(true);
        return t;
    });

    ReextractionJobs(Reextractions reextractions, ArticleRepository articles, EntityManager em, JobLeases leases) {
        this.reextractions = reextractions;
        this.leases = leases;
        this.articles = articles;
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        int n = resumeUnfinished();
        if (n > 0) {
            LOG.infof("resuming %d re-extraction job(s) the last run left unfinished", n);
        }
        leases.everyHalfLease(() -> {
            int taken = takeOverDead();
            if (taken > 0) {
                LOG.infof("taking over %d re-extraction job(s) of a replica that stopped", taken);
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        background.shutdownNow();
    }

    /** Creates the job and, when {@code start}, queues it; the selection is counted now. */
    ReextractionJob create(ArticleQuery query, boolean includeCurrent, boolean start) {
        UUID id = UUID.randomUUID();
        String version = ArticleExtractor.VERSION;
        QuarkusTransaction.requiringNew().run(() -> {
            long selected = articles.countToReextract(query, includeCurrent ? null : version);
            // this process's job from the start: no other replica's sweep takes it before it runs here
            em.createNativeQuery("insert into reextraction_jobs (id, state, extractor_version, include_current, added_since, "
                            + "published_from, published_to, q, host, version_filter, selected, created_at, owner, owner_run, heartbeat_at) "
                            + "values (:id, 'queued', :v, :all, :since, :from, :to, :q, :host, :vf, :n, :at, :replica, :run, now())")
                    .setParameter("replica", leases.replica()).setParameter("run", leases.run())
                    .setParameter("id", id).setParameter("v", version).setParameter("all", includeCurrent)
                    .setParameter("since", query.addedSince()).setParameter("from", query.publishedFrom())
                    .setParameter("to", query.publishedTo()).setParameter("q", query.q()).setParameter("host", query.host())
                    .setParameter("vf", query.extractorVersion()).setParameter("n", selected).setParameter("at", now())
                    .executeUpdate();
        });
        if (start) {
            submit(id);
        }
        return job(id);
    }

    ReextractionJob job(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> find(id)).orElseThrow(() -> ApiProblem.notFound("re-extraction job", id.toString()));
    }

    /**
     * Queues every job that is not finished and not already running in this instance, and that is this process's own
     * (created here) or that no live process runs ({@link JobLeases#DEAD}): what a start does; answers how many.
     */
    int resumeUnfinished() {
        return queue(true);
    }

    /** Queues the unfinished jobs no live process runs (a replica stopped for good): every half lease. */
    private int takeOverDead() {
        return queue(false);
    }

    private int queue(boolean ownToo) {
        Object[] dead = leases.deadParameters();
        @SuppressWarnings("unchecked")
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select id from reextraction_jobs where state in ('queued', 'running') and (" + DEAD
                                + (ownToo ? " or owner_run = :run" : "") + ") order by created_at", UUID.class)
                .setParameter("run", dead[0]).setParameter("lease", dead[1]).setParameter("replica", dead[2]).getResultList());
        int n = 0;
        for (UUID id : ids) {
            if (!runningHere.contains(id)) {
                submit(id);
                n++;
            }
        }
        return n;
    }

    private void submit(UUID id) {
        if (runningHere.add(id)) {
            background.submit(() -> {
                try {
                    run(id);
                } finally {
                    runningHere.remove(id);
                }
            });
        }
    }

    private void run(UUID id) {
        try {
            if (!claim(id)) {
                return; // another replica runs it, or it ended meanwhile
            }
            while (step(id)) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // stopping: the job stays running and resumes at the next start
                }
            }
            finish(id, "succeeded", null);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            LOG.warnf("re-extraction job %s stopped: %s", id, e.toString());
            finish(id, "failed", "the job stopped (" + e.getClass().getSimpleName() + "); start another: articles already read are skipped");
        }
    }

    /**
     * Makes the job this process's, if it is unfinished and no other live process runs it (a job just created, or
     * one {@link JobLeases#DEAD}); answers whether it did.
     */
    private boolean claim(UUID id) {
        Object[] dead = leases.deadParameters();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update reextraction_jobs set state = 'running', "
                        + "started_at = coalesce(started_at, :at), owner = :replica, owner_run = :run, heartbeat_at = now() "
                        + "where id = :id and state in ('queued', 'running') and (owner_run = :run or " + DEAD + ")")
                .setParameter("at", now()).setParameter("id", id).setParameter("replica", dead[2]).setParameter("run", dead[0])
                .setParameter("lease", dead[1]).executeUpdate()) == 1;
    }

    /**
     * Reads the job's next article and commits its changes with the job's totals and position. Answers false when no
     * article is left. Visible to tests, which use it to stop a job half-way as a restart would.
     */
    boolean step(UUID id) {
        Optional<ReextractionJob> found = QuarkusTransaction.requiringNew().call(() -> find(id));
        if (found.isEmpty() || !Set.of("queued", "running").contains(found.get().state())) {
            return false;
        }
        ReextractionJob job = found.get();
        UUID after = QuarkusTransaction.requiringNew().call(() -> after(id));
        ArticleQuery query = query(job.filter());
        String notVersion = job.filter().includeCurrent() ? null : job.extractorVersion();
        List<UUID> next = QuarkusTransaction.requiringNew().call(() -> articles.idsToReextract(query, notVersion, after, 1));
        if (next.isEmpty()) {
            return false;
        }
        UUID article = next.get(0);
        try {
            ExtractionResult r = reextractions.read(article);
            QuarkusTransaction.requiringNew().run(() -> {
                // the position first: a second instance resuming the same job waits here, then skips this article
                em.createNativeQuery("select 1 from reextraction_jobs where id = :id for update").setParameter("id", id).getResultList();
                if (!java.util.Objects.equals(after(id), after)) {
                    return;
                }
                Reextraction d = reextractions.apply(article, r, false);
                boolean unchanged = d.events().added().isEmpty() && d.events().removed().isEmpty() && d.events().changed().isEmpty()
                        && d.actors().added().isEmpty() && d.actors().removed().isEmpty()
                        && d.agreements().added().isEmpty() && d.agreements().removed().isEmpty();
                em.createNativeQuery("update reextraction_jobs set done = done + 1, changed = changed + :c, unchanged = unchanged + :u, "
                                + "events_added = events_added + :ea, events_removed = events_removed + :er, events_changed = events_changed + :ec, "
                                + "actors_added = actors_added + :aa, actors_removed = actors_removed + :ar, "
                                + "agreements_added = agreements_added + :ga, agreements_removed = agreements_removed + :gr, "
                                + "after_article = :article where id = :id")
                        .setParameter("c", unchanged ? 0 : 1).setParameter("u", unchanged ? 1 : 0)
                        .setParameter("ea", d.events().added().size()).setParameter("er", d.events().removed().size())
                        .setParameter("ec", d.events().changed().size()).setParameter("aa", d.actors().added().size())
                        .setParameter("ar", d.actors().removed().size()).setParameter("ga", d.agreements().added().size())
                        .setParameter("gr", d.agreements().removed().size()).setParameter("article", article).setParameter("id", id)
                        .executeUpdate();
            });
        } catch (ApiProblem p) {
            if (p.status() == 503) {
                throw p; // no extractor: the job fails and can be started again
            }
            skip(id, article); // retracted meanwhile
        } catch (RuntimeException e) {
            LOG.warnf("re-extraction job %s could not read article %s: %s", id, article, e.toString());
            skip(id, article);
        }
        return true;
    }

    private void skip(UUID id, UUID article) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update reextraction_jobs set done = done + 1, "
                + "failed = failed + 1, after_article = :article where id = :id").setParameter("article", article)
                .setParameter("id", id).executeUpdate());
    }

    private void finish(UUID id, String state, String message) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update reextraction_jobs set state = :s, message = :m, "
                        + "finished_at = :at where id = :id").setParameter("s", state).setParameter("m", message)
                .setParameter("at", now()).setParameter("id", id).executeUpdate());
    }

    private UUID after(UUID id) {
        @SuppressWarnings("unchecked")
        List<UUID> r = em.createNativeQuery("select after_article from reextraction_jobs where id = :id", UUID.class)
                .setParameter("id", id).getResultList();
        return r.isEmpty() ? null : r.get(0);
    }

    private static ArticleQuery query(ReextractionJob.Filter f) {
        return new ArticleQuery(f.addedSince(), f.publishedFrom(), f.publishedTo(), f.q(), f.host(), f.extractorVersion());
    }

    private Optional<ReextractionJob> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, state, extractor_version, include_current, added_since, published_from, "
                + "published_to, q, host, version_filter, selected, done, changed, unchanged, failed, events_added, events_removed, "
                + "events_changed, actors_added, actors_removed, agreements_added, agreements_removed, message, created_at, "
                + "started_at, finished_at from reextraction_jobs where id = :id").setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new ReextractionJob((UUID) r[0], (String) r[1], (String) r[2],
                new ReextractionJob.Filter((Boolean) r[3], instant(r[4]), date(r[5]), date(r[6]), (String) r[7], (String) r[8], (String) r[9]),
                n(r[10]), n(r[11]), n(r[12]), n(r[13]), n(r[14]),
                new ReextractionJob.Totals(n(r[15]), n(r[16]), n(r[17]), n(r[18]), n(r[19]), n(r[20]), n(r[21])),
                (String) r[22], instant(r[23]), instant(r[24]), instant(r[25])));
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + o.getClass());
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("not a date: " + o.getClass());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
