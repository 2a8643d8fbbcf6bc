package news.timeline.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.jobs.JobLeases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code import_jobs} table: job state outlives the request and is visible to every instance. */
@ApplicationScoped
class ImportJobs {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final JobLeases leases;

    ImportJobs(AgroalDataSource dataSource, ObjectMapper json, JobLeases leases) {
        this.dataSource = dataSource;
        this.json = json;
        this.leases = leases;
    }

    /** A job of this process: its replica holds the spooled body, and keeps the job's heartbeat. */
    void create(UUID id, ImportFormat format, boolean dryRun, Instant now) {
        update("insert into import_jobs (id, state, format, dry_run, created_at, owner, owner_run, heartbeat_at) "
                        + "values (?, 'queued', ?, ?, ?, ?, ?, now())",
                id, format.apiName(), dryRun, Timestamp.from(now), leases.replica(), leases.run());
    }

    void started(UUID id, Instant now) {
        update("update import_jobs set state = 'running', started_at = ? where id = ?", Timestamp.from(now), id);
    }

    void progress(UUID id, ImportReport r) {
        update("update import_jobs set received = ?, created = ?, updated = ?, unchanged = ?, rejected = ?, errors = ?::jsonb, "
                        + "errors_omitted = ? where id = ?", r.received(), r.created(), r.updated(), r.unchanged(), r.rejected(),
                errors(r.errors()), r.errorsOmitted(), id);
    }

    void finished(UUID id, ImportReport r, String state, String message, Instant now) {
        progress(id, r);
        update("update import_jobs set state = ?, message = ?, finished_at = ? where id = ?", state, message, Timestamp.from(now), id);
    }

    /** The states of a job that may still read its spooled body. */
    static final Set<String> RUNNING_STATES = Set.of("queued", "running");

    /** The state of each of {@code ids} that is a job here. */
    Map<UUID, String> states(Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, state from import_jobs where id = any (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read import jobs", e);
        }
        return out;
    }

    /**
     * Jobs no live process runs any more ({@link JobLeases#DEAD}: the replica that accepted them stopped, or is this
     * one under an earlier run); their spooled bodies are removed at start (ImportService). A job of another replica
     * that still beats is left alone.
     */
    int abandonUnfinished(Instant now) {
        Object[] dead = leases.deadParameters();
        return update("update import_jobs set state = 'failed', finished_at = ?, message = 'the service stopped before the job "
                + "finished (replica ' || coalesce(owner, 'unknown') || '); run the import again (reruns are safe: stored "
                + "records answer unchanged)' where state in ('queued', 'running') and " + JobLeases.DEAD,
                Timestamp.from(now), dead[0], dead[1], dead[2]);
    }

    Optional<ImportJob> find(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, state, format, dry_run, received, created, updated, unchanged, "
                     + "rejected, errors, errors_omitted, message, created_at, started_at, finished_at, owner from import_jobs where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long created = rs.getLong(6);
                long updated = rs.getLong(7);
                long unchanged = rs.getLong(8);
                return Optional.of(new ImportJob(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getLong(5), created + updated + unchanged, created, updated, unchanged, rs.getLong(9),
                        json.readValue(rs.getString(10), new TypeReference<List<ImportReport.ImportError>>() { }),
                        rs.getLong(11), rs.getString(12), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)),
                        instant(rs.getTimestamp(15)), rs.getString(16)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read import job " + id, e);
        }
    }

    private String errors(List<ImportReport.ImportError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write import job", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
