package news.timeline.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import news.timeline.config.EmbeddedDatabase;

import java.nio.file.Path;
import java.util.Map;

/**
 * Tests run on a real PostgreSQL: the embedded one in {@code target/}, unless {@code TIMELINE_DB_URL} points
 * at an external server.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String external = System.getenv("TIMELINE_DB_URL");
        if (external != null && !external.isBlank()) {
            return Map.of();
        }
        EmbeddedDatabase.Connection c = EmbeddedDatabase.start(Path.of("target/embedded-postgres"), 0, true);
        return Map.of("quarkus.datasource.jdbc.url", c.jdbcUrl(),
                "quarkus.datasource.username", c.username(),
                "quarkus.datasource.password", c.password());
    }

    @Override
    public void stop() {
        // The server stops with the JVM (shutdown hook), so every test class shares one.
    }
}
