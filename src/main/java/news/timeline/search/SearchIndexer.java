package news.timeline.search;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@code event_search} (one full-text vector per event: title, summary and quotes) up to date from
 * {@code search_queue}, which triggers fill whenever an event or its sources are written (V041). It works in the
 * background, in batches, so writers never compute vectors or touch a GIN index; until an event is indexed, text
 * queries match it by computing its vector on the fly ({@code chronology/ChronologyQueries}). Bulk imports pause it
 * while they run, so the two do not compete for the database's cores; it catches up right after.
 * <p>
 * The pause is a PostgreSQL advisory lock, so it holds across replicas: an import holds the key shared on a session
 * of its own for as long as it runs (several imports at once each hold it); a round of the indexer takes it
 * exclusively, with a try, for each batch's transaction and stops when it cannot. An import on one replica thus
 * pauses the indexers of all; a replica that dies mid-import drops its session, and with it the pause.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
    private static final int BATCH = 2000;
    /** Takes a batch off the queue and writes its vectors; entries of events deleted since are just dropped. */
    private static final String INDEX_BATCH = """
            with batch as (
                delete from search_queue
                where event_id in (select q.event_id from search_queue q limit %d for update skip locked)
                returning event_id)
            insert into event_search (event_id, search)
            select b.event_id, event_search_vector(b.event_id) from batch b join events e on e.id = b.event_id
            on conflict (event_id) do update set search = excluded.search""".formatted(BATCH);

    /** The advisory lock key of the pause (WriteLocks' keys are {@code hashtextextended} of strings too). */
    static final String PAUSE_KEY = "select hashtextextended('search-indexer:paused-by-import', 0)";

    private final DataSource dataSource;
    private ScheduledExecutorService timer;

    SearchIndexer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timeline-search-indexer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::scheduledRound, 1, 1, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /**
     * Holds the background indexing back, on every replica, until the returned pause is closed (bulk imports hold it
     * while they run). Returns once a batch already being indexed has committed, so nothing is indexed while the
     * pause is held.
     */
    public Pause pause() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock_shared((" + PAUSE_KEY + "))");
            }
        } catch (SQLException e) {
            close(c);
            // no pause is no harm: the indexer and the import then share the cores, as on any other day
            LOG.warnf("cannot pause the search indexer: %s", e.getMessage());
            return () -> { };
        }
        Connection held = c;
        return () -> {
            try (Statement s = held.createStatement()) {
                s.execute("select pg_advisory_unlock_shared((" + PAUSE_KEY + "))");
            } catch (SQLException e) {
                LOG.warnf("cannot end the search indexer's pause cleanly (%s); it ends with the session", e.getMessage());
                abort(held);
            }
            close(held);
        };
    }

    /** Indexes everything queued, now, in batches, unless an import holds the pause; answers how many events it indexed. */
    public synchronized long catchUp() {
        long total = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                int n;
                do {
                    if (!paused(s)) {
                        n = s.executeUpdate(INDEX_BATCH);
                        total += n;
                    } else {
                        n = 0;
                    }
                    c.commit();
                } while (n > 0);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // an event deleted while its vector was written, or the database away: the queue keeps the work
            LOG.debugf(e, "search indexing stopped after %d events; it resumes on the next round", total);
        }
        return total;
    }

    /** True when an import (of any replica) holds the pause; otherwise the batch's transaction now holds it out. */
    private static boolean paused(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select pg_try_advisory_xact_lock((" + PAUSE_KEY + "))")) {
            rs.next();
            return !rs.getBoolean(1);
        }
    }

    private synchronized void scheduledRound() {
        long n = catchUp();
        if (n > 0) {
            LOG.debugf("search index: %d events indexed", n);
        }
    }

    private static void abort(Connection c) {
        try {
            // a session holding the lock must not go back to the pool
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("cannot abort the pause's connection: %s", e.getMessage());
        }
    }

    private static void close(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debugf("cannot close the pause's connection: %s", e.getMessage());
        }
    }

    /** A held pause of the background indexing. */
    public interface Pause extends AutoCloseable {
        @Override
        void close();
    }
}
