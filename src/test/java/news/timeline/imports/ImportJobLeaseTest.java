package news.timeline.imports;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.timeline.jobs.JobLeases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Import jobs of several replicas on one database: the sweep a start (and every half lease) runs fails only the jobs
 * no live process runs, never a job whose replica still beats. {@code TwoReplicasIT} does the same with two processes.
 */
@QuarkusTest
class ImportJobLeaseTest {

    @Inject
    ImportJobs jobs;

    @Inject
    JobLeases leases;

    @Inject
    DataSource db;

    @Test
    void theSweepFailsOnlyJobsWhoseReplicaStoppedBeating() throws SQLException {
        UUID otherLive = job("replica-b:8080", UUID.randomUUID(), "now()");
        UUID otherGone = job("replica-c:8080", UUID.randomUUID(), "now() - interval '2 hours'");
        UUID noHeartbeat = job(null, null, "null");
        UUID earlierRunHere = job(leases.replica(), UUID.randomUUID(), "now()");
        UUID thisRun = job(leases.replica(), leases.run(), "now() - interval '2 hours'");

        int failed = jobs.abandonUnfinished(Instant.now());

        assertThat(failed).isGreaterThanOrEqualTo(3);
        assertThat(state(otherLive)).as("another replica's running job, still beating").isEqualTo("running");
        assertThat(state(otherGone)).as("a replica that stopped beating two hours ago").isEqualTo("failed");
        assertThat(state(noHeartbeat)).as("a job from before leases (the old release stopped)").isEqualTo("failed");
        assertThat(state(earlierRunHere)).as("this replica restarted: its earlier process is gone").isEqualTo("failed");
        assertThat(state(thisRun)).as("this process's own job ends by itself").isEqualTo("running");
        given().get("/api/v1/imports/" + otherGone).then().statusCode(200).body("state", equalTo("failed"))
                .body("replica", equalTo("replica-c:8080"));
        given().get("/api/v1/imports/" + otherLive).then().statusCode(200).body("state", equalTo("running"))
                .body("replica", equalTo("replica-b:8080"));

        // the live one's replica stops beating: once its heartbeat is older than the lease, the next sweep fails it
        sql("update import_jobs set heartbeat_at = now() - make_interval(secs => ?) where id = ?", leases.leaseSeconds() + 1, otherLive);
        jobs.abandonUnfinished(Instant.now());
        assertThat(state(otherLive)).isEqualTo("failed");
        sql("update import_jobs set state = 'failed' where id = ?", thisRun);
    }

    @Test
    void thisProcessKeepsItsOwnJobsBeating() throws SQLException {
        UUID mine = job(leases.replica(), leases.run(), "now() - interval '1 hour'");
        leases.heartbeat();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select heartbeat_at > now() - interval '1 minute' from import_jobs where id = ?")) {
            ps.setObject(1, mine);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
            }
        } finally {
            sql("update import_jobs set state = 'failed' where id = ?", mine);
        }
    }

    private UUID job(String owner, UUID run, String heartbeat) throws SQLException {
        UUID id = UUID.randomUUID();
        sql("insert into import_jobs (id, state, format, created_at, started_at, owner, owner_run, heartbeat_at) "
                + "values (?, 'running', 'ndjson', now(), now(), ?, ?, " + heartbeat + ")", id, owner, run);
        return id;
    }

    private String state(UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select state from import_jobs where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void sql(String statement, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
