package news.timeline.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A statement run straight on the test's database, for what the API cannot do on purpose: make stored facts look as
 * an older extractor left them, or age a job's lease.
 */
public final class Sql {
    private Sql() {
    }

    /** Runs one statement with its parameters bound in order; a failure fails the test. */
    public static void update(DataSource db, String statement, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
