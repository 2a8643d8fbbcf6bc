package news.timeline.jobs;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.timeline.config.TimelineConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who runs a background job, and whether it is still alive: several replicas share one database, so a job's row says
 * which process runs it ({@code owner}, the replica's stable name {@code host:port}, and {@code owner_run}, this
 * process's start) and that process refreshes {@code heartbeat_at} (database time, so the replicas' clocks do not
 * matter) every quarter of {@code timeline.jobs.lease}. A job is dead when its heartbeat is older than the lease, or
 * when its owner is this replica under an earlier run (the process that ran it is gone: a restart fails or resumes
 * its jobs at once, as a single replica always did). Nothing else decides: a restart of one replica never touches
 * the running jobs of another.
 */
@ApplicationScoped
public class JobLeases {

    private static final Logger LOG = Logger.getLogger(JobLeases.class);
    /** The tables whose unfinished rows this process keeps alive. */
    private static final List<String> TABLES = List.of("import_jobs", "reextraction_jobs");

    private final AgroalDataSource dataSource;
    private final Duration lease;
    private final String replica;
    private final UUID run = UUID.randomUUID();
    private final List<Runnable> sweeps = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;

    JobLeases(AgroalDataSource dataSource, TimelineConfig config, @ConfigProperty(name = "quarkus.http.port") int port) {
        this.dataSource = dataSource;
        this.lease = config.jobs().lease();
        this.replica = hostName() + ":" + port;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timeline-job-leases");
            t.setDaemon(true);
            return t;
        });
        long beat = Math.max(250, lease.toMillis() / 4);
        timer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        long sweep = Math.max(500, lease.toMillis() / 2);
        timer.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        LOG.infof("background jobs run here as replica %s (run %s), lease %s", replica, run, lease);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** This replica's stable name, {@code host:port} (a Kubernetes pod's name is its host name). */
    public String replica() {
        return replica;
    }

    /** This process. */
    public UUID run() {
        return run;
    }

    /** Seconds after its last heartbeat that a job counts as dead. */
    public double leaseSeconds() {
        return lease.toMillis() / 1000.0;
    }

    /**
     * The condition, for a job row, "no live process runs it": no heartbeat, a heartbeat older than the lease, or an
     * earlier run of this very replica; never this process's own. Takes {@link #deadParameters()}, in order.
     */
    public static final String DEAD = "(owner_run is distinct from ? and (heartbeat_at is null "
            + "or heartbeat_at < now() - make_interval(secs => ?) or owner = ?))";

    /** The parameters of {@link #DEAD}. */
    public Object[] deadParameters() {
        return new Object[]{run, leaseSeconds(), replica};
    }

    /** Runs {@code sweep} every half lease (failing or taking over dead jobs), on the lease thread. */
    public void everyHalfLease(Runnable sweep) {
        sweeps.add(sweep);
    }

    /** Refreshes the heartbeat of every unfinished job this process runs; visible to tests. */
    public void heartbeat() {
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement ps = c.prepareStatement("update " + table + " set heartbeat_at = now() "
                        + "where owner_run = ? and state in ('queued', 'running')")) {
                    ps.setObject(1, run);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException | RuntimeException e) {
            // the database away for a moment: the next beat comes within a quarter lease
            LOG.warnf("cannot refresh the heartbeat of this replica's jobs: %s", e.getMessage());
        }
    }

    private void sweep() {
        for (Runnable s : sweeps) {
            try {
                s.run();
            } catch (RuntimeException e) {
                LOG.warnf("sweep of dead background jobs failed, it runs again in half a lease: %s", e.getMessage());
            }
        }
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
