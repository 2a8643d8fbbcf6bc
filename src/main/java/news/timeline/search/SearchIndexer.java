package news.timeline.search;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps {@code event_search} (one full-text vector per event: title, summary and quotes) up to date from
 * {@code search_queue}, which triggers fill whenever an event or its sources are written (V041). It works in the
 * background, in batches, so writers never compute vectors or touch a GIN index; until an event is indexed, text
 * queries match it by computing its vector on the fly ({@code chronology/ChronologyQueries}). Bulk imports pause it
 * while they run, so the two do not compete for the cores; it catches up right after.
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

    private final DataSource dataSource;
    private final AtomicInteger pauses = new AtomicInteger();
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
     * Holds the background indexing back until the returned pause is closed (bulk imports hold it while they run).
     * Returns once a round already running has finished, so nothing is indexed while the pause is held.
     */
    public Pause pause() {
        pauses.incrementAndGet();
        synchronized (this) {
            return pauses::decrementAndGet;
        }
    }

    /** Indexes everything queued, now, in batches; answers how many events it indexed. */
    public synchronized long catchUp() {
        long total = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            int n;
            do {
                n = s.executeUpdate(INDEX_BATCH);
                total += n;
            } while (n > 0 && pauses.get() == 0);
        } catch (SQLException e) {
            // an event deleted while its vector was written, or the database away: the queue keeps the work
            LOG.debugf(e, "search indexing stopped after %d events; it resumes on the next round", total);
        }
        return total;
    }

    private synchronized void scheduledRound() {
        if (pauses.get() > 0) {
            return;
        }
        long n = catchUp();
        if (n > 0) {
            LOG.debugf("search index: %d events indexed", n);
        }
    }

    /** A held pause of the background indexing. */
    public interface Pause extends AutoCloseable {
        @Override
        void close();
    }
}
