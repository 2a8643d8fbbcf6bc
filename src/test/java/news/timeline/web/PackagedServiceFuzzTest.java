package news.timeline.web;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz harness ({@link FuzzRun}) against a service that is already running, such as the packaged jar on its
 * embedded database (issue 16): no Quarkus in this JVM, the requests go to {@code fuzz.url}, the database is read
 * through {@code fuzz.jdbc} and the service's log file ({@code fuzz.log}) is read as it grows: an ERROR record, a
 * stack trace line or an exception's first line after a request is a failure, named with that request. Skipped
 * unless {@code fuzz.url} is given; loopback addresses only.
 *
 * <pre>
 * TIMELINE_HTTP_PORT=18091 TIMELINE_DB_EMBEDDED_PORT=15434 TIMELINE_DB_DATA_DIR=/tmp/fuzz-pg \
 *     java -Xmx2560m -jar target/quarkus-app/quarkus-run.jar &gt; /tmp/fuzz-service.log 2&gt;&amp;1 &amp;
 * ./mvnw -Dwebui.skip test -Dtest=PackagedServiceFuzzTest -Dfuzz.requests=10000 -Dfuzz.url=http://127.0.0.1:18091 \
 *     -Dfuzz.jdbc=jdbc:postgresql://127.0.0.1:15434/postgres -Dfuzz.log=/tmp/fuzz-service.log
 * </pre>
 * ({@code fuzz.jdbc.user}, default {@code postgres}, and {@code fuzz.jdbc.password}, default empty, for another
 * server.) The report goes to {@code target/fuzz-packaged-report.md}.
 */
@EnabledIfSystemProperty(named = "fuzz.url", matches = ".+")
class PackagedServiceFuzzTest {

    /** A line of a Quarkus log that is an ERROR record, a frame of a stack trace, or the first line of a throwable. */
    private static final Pattern PROBLEM = Pattern.compile(
            "^\\S+ \\S+ ERROR |^\\s+at \\S+\\(|^Caused by: |^\\s*\\.\\.\\. \\d+ more|^[\\w.$]+(Exception|Error)(: |$)");

    @Test
    void generatedBadRequestsNeverAnswer5xxNorChangeAnythingWhenRefused() throws Exception {
        URI url = URI.create(System.getProperty("fuzz.url"));
        assertThat(url.getHost()).as("fuzz.url: loopback only").matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1\\]");
        String jdbc = System.getProperty("fuzz.jdbc");
        assertThat(jdbc).as("fuzz.jdbc: the service's database, to compare it before and after each refused request").isNotBlank();
        String user = System.getProperty("fuzz.jdbc.user", "postgres");
        String password = System.getProperty("fuzz.jdbc.password", "");
        String logSetting = System.getProperty("fuzz.log");
        assertThat(logSetting).as("fuzz.log: the service's log file").isNotBlank();
        Path log = Path.of(logSetting);
        assertThat(log).as("fuzz.log").isRegularFile();
        int port = url.getPort() > 0 ? url.getPort() : 80;

        LogTail tail = new LogTail(log);
        RestAssured.baseURI = url.getScheme() + "://" + url.getHost();
        RestAssured.port = port;
        try {
            new FuzzRun(new FuzzRun.Service() {
                @Override
                public String host() {
                    return url.getHost();
                }

                @Override
                public int port() {
                    return port;
                }

                @Override
                public Connection database() throws SQLException {
                    return DriverManager.getConnection(jdbc, user, password);
                }

                @Override
                public void catchUpSearch() {
                    // the service's own indexer runs; the harness waits for its queue to empty
                }

                @Override
                public List<String> newLogProblems() throws IOException {
                    return tail.newLines().stream().filter(l -> PROBLEM.matcher(l).find()).toList();
                }

                @Override
                public String logDescription() {
                    return log + ", ERROR records and stack trace lines";
                }
            }, FuzzTest.REQUESTS, FuzzTest.SEED, Path.of("target", "fuzz-packaged-report.md")).run();
        } finally {
            RestAssured.reset();
        }
    }

    /** The lines a growing file gained since the last call (a line is taken once its end is written). */
    static final class LogTail {

        private final Path file;
        private long offset;

        LogTail(Path file) throws IOException {
            this.file = file;
            this.offset = Files.size(file);
        }

        List<String> newLines() throws IOException {
            List<String> out = new ArrayList<>();
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                long length = f.length();
                if (length <= offset) {
                    return out;
                }
                byte[] bytes = new byte[(int) Math.min(length - offset, 64L << 20)];
                f.seek(offset);
                f.readFully(bytes);
                int lastNewline = -1;
                for (int i = bytes.length - 1; i >= 0; i--) {
                    if (bytes[i] == '\n') {
                        lastNewline = i;
                        break;
                    }
                }
                if (lastNewline < 0) {
                    return out;
                }
                offset += lastNewline + 1;
                for (String line : new String(bytes, 0, lastNewline, StandardCharsets.UTF_8).split("\n")) {
                    out.add(line.stripTrailing());
                }
            }
            return out;
        }
    }
}
