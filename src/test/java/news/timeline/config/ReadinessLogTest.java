package news.timeline.config;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness probe logs DOWN once while the models load and UP once, not a line per probe (issue 16). */
class ReadinessLogTest {

    private static final String LOADING = "SRHCK01001: Reporting health down status: {\"status\":\"DOWN\",\"checks\":["
            + "{\"name\":\"Database connections health check\",\"status\":\"UP\",\"data\":{\"<default>\":\"UP\"}},"
            + "{\"name\":\"extraction\",\"status\":\"DOWN\",\"data\":{\"state\":\"loading\"}}]}";
    private static final String DATABASE_DOWN = "SRHCK01001: Reporting health down status: {\"status\":\"DOWN\",\"checks\":["
            + "{\"name\":\"Database connections health check\",\"status\":\"DOWN\",\"data\":{\"<default>\":\"Unable to execute the validation check for the default DataSource: Connection refused\"}},"
            + "{\"name\":\"extraction\",\"status\":\"DOWN\",\"data\":{\"state\":\"loading\"}}]}";
    private static final String FAILED = "SRHCK01001: Reporting health down status: {\"status\":\"DOWN\",\"checks\":["
            + "{\"name\":\"Database connections health check\",\"status\":\"UP\",\"data\":{\"<default>\":\"UP\"}},"
            + "{\"name\":\"extraction\",\"status\":\"DOWN\",\"data\":{\"state\":\"failed\"}}]}";

    @Test
    void theFilterDropsOnlyReportsWhoseOneDownCheckIsTheLoadingModels() {
        LoadingReadinessFilter filter = new LoadingReadinessFilter();
        assertThat(filter.isLoggable(record("io.smallrye.health", LOADING))).isFalse();
        assertThat(filter.isLoggable(record("io.smallrye.health", DATABASE_DOWN))).as("the database down too").isTrue();
        assertThat(filter.isLoggable(record("io.smallrye.health", FAILED))).as("models that failed").isTrue();
        assertThat(filter.isLoggable(record("news.timeline.articles.ArticleService", LOADING))).as("another logger").isTrue();
        assertThat(filter.isLoggable(record("io.smallrye.health", "SRHCK01000: something else"))).isTrue();
    }

    @Test
    void theCheckLogsDownOnceAndUpOnce() {
        AtomicReference<String> state = new AtomicReference<>("loading");
        ExtractionReadiness check = new ExtractionReadiness(state::get);
        List<String> lines = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r instanceof org.jboss.logmanager.ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        h.setLevel(Level.ALL);
        Logger logger = Logger.getLogger(ExtractionReadiness.class.getName());
        logger.addHandler(h);
        try {
            for (int i = 0; i < 12; i++) {
                assertThat(check.call().getStatus().name()).isEqualTo("DOWN");
            }
            state.set("ready");
            for (int i = 0; i < 12; i++) {
                assertThat(check.call().getStatus().name()).isEqualTo("UP");
            }
        } finally {
            logger.removeHandler(h);
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("readiness DOWN while the extraction models load");
        assertThat(lines.get(1)).isEqualTo("readiness UP (extraction ready)");
    }

    private static LogRecord record(String logger, String message) {
        LogRecord r = new LogRecord(Level.INFO, message);
        r.setLoggerName(logger);
        return r;
    }
}
