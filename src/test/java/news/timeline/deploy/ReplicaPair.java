package news.timeline.deploy;

import news.timeline.config.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the two-replica Failsafe tests stand on: one PostgreSQL (the embedded server, in
 * {@code target/two-replicas/postgres}, shared by the test classes of one run) with a new database for each test class,
 * and two replicas of the packaged service on that database ({@link Replica}). {@link #close} stops both, also when a
 * test failed (a shutdown hook does it if the JVM goes first), and fails if either replica logged an ERROR record.
 */
final class ReplicaPair implements AutoCloseable {

    /** How the two replicas start. */
    enum Start {
        /** a first, then b: a's Flyway migrates the new database alone. */
        ONE_AFTER_THE_OTHER,
        /** both at once, for replicas that load the language models (Flyway's lock keeps the two migrations apart). */
        TOGETHER
    }

    private static final Path POSTGRES = Path.of("target/two-replicas/postgres");

    final Replica a;
    final Replica b;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Thread stopHook;

    private ReplicaPair(Replica a, Replica b, String jdbcUrl, String user, String password) {
        this.a = a;
        this.b = b;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.stopHook = new Thread(this::stopQuietly, "replica-pair-stop");
    }

    /**
     * Starts PostgreSQL (if this JVM has not), creates a database named {@code databasePrefix} and the time, and
     * starts two replicas on it with their logs and spool folders under {@code folder/a} and {@code folder/b},
     * {@code settings} as their environment beside the database's, and {@code heap} as their -Xmx. On failure
     * whatever was started is stopped before the exception goes on.
     */
    static ReplicaPair start(Path folder, String databasePrefix, Map<String, String> settings, String heap, Start how)
            throws Exception {
        EmbeddedDatabase.Connection server = EmbeddedDatabase.start(POSTGRES, 0, true);
        String database = databasePrefix + "_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        String jdbcUrl = server.jdbcUrl().replaceAll("/postgres$", "/" + database);
        Map<String, String> env = new HashMap<>(settings);
        env.put("TIMELINE_DB_URL", jdbcUrl);
        env.put("TIMELINE_DB_USER", server.username());
        env.put("TIMELINE_DB_PASSWORD", server.password());
        ReplicaPair pair = new ReplicaPair(new Replica("a", folder.resolve("a"), env, heap),
                new Replica("b", folder.resolve("b"), env, heap), jdbcUrl, server.username(), server.password());
        Runtime.getRuntime().addShutdownHook(pair.stopHook);
        try {
            if (how == Start.TOGETHER) {
                pair.a.launch();
                pair.b.launch();
                pair.a.awaitReady();
                pair.b.awaitReady();
            } else {
                pair.a.start();
                pair.b.start();
            }
        } catch (Exception | Error e) {
            pair.stopQuietly();
            throw e;
        }
        return pair;
    }

    /** Stops both replicas and fails on ERROR records in their logs. */
    @Override
    public void close() throws IOException {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs or ran
        }
        List<String> errors = new ArrayList<>(a.errorLines());
        errors.addAll(b.errorLines());
        assertThat(errors).as("ERROR records in the replicas' logs").isEmpty();
    }

    private void stopQuietly() {
        for (Replica r : new Replica[]{a, b}) {
            try {
                r.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A new connection to the replicas' database. */
    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** The first column of the first row of {@code sql} with {@code params} bound as strings, as a number. */
    long count(String sql, String... params) throws SQLException {
        return Long.parseLong(text(sql, params));
    }

    /** The first column of the first row of {@code sql} with {@code params} bound as strings. */
    String text(String sql, String... params) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a row from " + sql).isTrue();
                return rs.getString(1);
            }
        }
    }
}
