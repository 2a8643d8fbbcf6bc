package news.timeline.chronology;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool's sessions plan generically; a read that asks for value-dependent plans gets PostgreSQL's own choice, only for itself. */
@QuarkusTest
class PlanModeTest {

    @Inject
    DataSource dataSource;

    @Test
    void pooledSessionsUseGenericPlans() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(planMode(c)).isEqualTo("force_generic_plan");
        }
    }

    @Test
    void valueDependentReadsRestoreTheDefaultForTheirTransactionOnly() throws SQLException {
        try (ChronologyQueries q = ChronologyQueries.open(dataSource, true)) {
            assertThat(q.setting("plan_cache_mode")).isEqualTo("auto");
        }
        try (ChronologyQueries q = ChronologyQueries.open(dataSource, false)) {
            assertThat(q.setting("plan_cache_mode")).isEqualTo("force_generic_plan");
        }
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(planMode(c)).isEqualTo("force_generic_plan");
        }
    }

    private static String planMode(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show plan_cache_mode")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
