package news.timeline.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.timeline.search.SearchIndexer;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The fuzz harness ({@link FuzzRun}) against the test application and its PostgreSQL, with the log read in process
 * (every record with a throwable, any level; ERROR records fail the test through the suite's {@code ErrorLogCheck}).
 *
 * <p>CI runs a seeded subset ({@code fuzz.requests}, default 400); the full run is
 * {@code ./mvnw -Dwebui.skip test -Dtest=FuzzTest -Dfuzz.requests=10000} (another seed: {@code -Dfuzz.seed=N}),
 * which writes its counts to {@code target/fuzz-report.md}. Against the packaged service: {@link PackagedServiceFuzzTest}.
 */
@QuarkusTest
class FuzzTest {

    static final int REQUESTS = Integer.getInteger("fuzz.requests", 400);
    static final long SEED = Long.getLong("fuzz.seed", 16L);

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource dataSource;

    @Inject
    SearchIndexer indexer;

    @Test
    void generatedBadRequestsNeverAnswer5xxNorChangeAnythingWhenRefused() throws Exception {
        StackTraces traces = StackTraces.install();
        try {
            new FuzzRun(new FuzzRun.Service() {
                @Override
                public String host() {
                    return root.getHost();
                }

                @Override
                public int port() {
                    return root.getPort();
                }

                @Override
                public Connection database() throws SQLException {
                    return dataSource.getConnection();
                }

                @Override
                public void catchUpSearch() {
                    indexer.catchUp();
                }

                @Override
                public List<String> newLogProblems() {
                    return traces.drain();
                }

                @Override
                public String logDescription() {
                    return "in process, records with a throwable";
                }
            }, REQUESTS, SEED, Path.of("target", "fuzz-report.md")).run();
        } finally {
            traces.uninstall();
        }
    }

    /** Collects every log record (any level) that carries a throwable: a stack trace in the log. */
    static final class StackTraces extends Handler {

        private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

        static StackTraces install() {
            StackTraces h = new StackTraces();
            h.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(h);
            return h;
        }

        void uninstall() {
            Logger.getLogger("").removeHandler(this);
        }

        /** What was seen since the last call. */
        List<String> drain() {
            List<String> out = new ArrayList<>();
            for (String s; (s = seen.poll()) != null; ) {
                out.add(s);
            }
            return out;
        }

        @Override
        public void publish(LogRecord r) {
            if (r != null && r.getThrown() != null) {
                String message = r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage();
                seen.add(r.getLevel() + " " + r.getLoggerName() + ": " + message + " / " + r.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
