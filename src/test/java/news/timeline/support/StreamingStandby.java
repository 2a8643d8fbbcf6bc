package news.timeline.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import news.timeline.config.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real streaming replica of the test database, for the read-replica tests: a base backup of the running test
 * server taken with PostgreSQL's low-level API ({@code pg_backup_start}, a copy of the data folder, {@code pg_backup_stop}
 * and its backup label; zonky's bundle has no {@code pg_basebackup}), started in standby mode
 * ({@code standby.signal}, {@code primary_conninfo}) on a port of its own. It replays the primary's WAL as it streams
 * in: a copy would not see later writes. Sets the {@code read} datasource to it.
 */
public class StreamingStandby implements QuarkusTestResourceLifecycleManager {

    static final Path PRIMARY = Path.of("target/embedded-postgres");
    static final Path STANDBY = Path.of("target/embedded-postgres-standby");
    /** What a base backup leaves out: the server's own run files and what the standby gets by streaming. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "server.log", "backup_label",
            "standby.signal");
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_subtrans");

    /** The standby's JDBC URL, once started (tests pause and resume its replay through it). */
    public static volatile String url;

    @Override
    public Map<String, String> start() {
        try {
            EmbeddedDatabase.Connection primary = EmbeddedDatabase.start(PRIMARY, 0, true);
            stopLeftOver();
            deleteTree(STANDBY);
            String label;
            try (Connection c = DriverManager.getConnection(primary.jdbcUrl(), primary.username(), primary.password());
                 Statement s = c.createStatement()) {
                s.execute("select pg_backup_start('timeline-test-standby', true)");
                copyTree(primary.dataDirectory(), STANDBY.toAbsolutePath());
                try (ResultSet rs = s.executeQuery("select labelfile from pg_backup_stop(true)")) {
                    rs.next();
                    label = rs.getString(1);
                }
            }
            Path standby = STANDBY.toAbsolutePath();
            Files.writeString(standby.resolve("backup_label"), label);
            Files.writeString(standby.resolve("standby.signal"), "");
            int port = Integer.parseInt(primary.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
            Files.writeString(standby.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=127.0.0.1 port=" + port
                    + " user=" + primary.username() + " application_name=timeline-test-standby'\nhot_standby = on\n",
                    StandardOpenOption.APPEND);
            ownLike(primary.dataDirectory(), standby);
            EmbeddedDatabase.Connection replica = EmbeddedDatabase.start(STANDBY, 0, true);
            url = replica.jdbcUrl();
            return Map.of("quarkus.datasource.read.jdbc.url", replica.jdbcUrl(),
                    "quarkus.datasource.read.username", replica.username(),
                    "quarkus.datasource.read.password", replica.password());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a base backup of the test database", e);
        }
    }

    @Override
    public void stop() {
        // the standby stops with the JVM (EmbeddedDatabase's shutdown hook), as the primary does
    }

    /** A standby a killed test run left running on the folder. */
    private static void stopLeftOver() throws IOException {
        Path pid = STANDBY.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return;
        }
        List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
        if (!lines.isEmpty()) {
            ProcessHandle.of(Long.parseLong(lines.get(0).trim())).ifPresent(p -> {
                p.destroy();
                p.onExit().join();
            });
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() > 0 && (SKIPPED.contains(rel.toString())
                        || (rel.getNameCount() > 1 && EMPTIED.contains(rel.getName(0).toString())))) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.copy(p, target);
                    } catch (java.nio.file.NoSuchFileException e) {
                        // a file the server removed while the backup ran: the WAL replay recreates what matters
                    }
                }
            }
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    /** The standby runs as the primary's OS account (the embedded server does not run as root). */
    private static void ownLike(Path model, Path tree) throws IOException {
        Object uid = Files.getAttribute(model, "unix:uid");
        Object gid = Files.getAttribute(model, "unix:gid");
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setAttribute(p, "unix:uid", uid);
                Files.setAttribute(p, "unix:gid", gid);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
