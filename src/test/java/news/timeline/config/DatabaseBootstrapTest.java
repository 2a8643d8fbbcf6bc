package news.timeline.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision to start the embedded server: only when no database URL is configured anywhere. */
class DatabaseBootstrapTest {

    @AfterEach
    void clear() {
        System.clearProperty("quarkus.datasource.jdbc.url");
    }

    @Test
    void noUrlAnywhereMeansEmbedded() {
        assertThat(DatabaseBootstrap.externalDatabaseConfigured(Map.of(), Map.of())).isFalse();
        assertThat(DatabaseBootstrap.externalDatabaseConfigured(Map.of("TIMELINE_DB_URL", "  "), Map.of())).isFalse();
    }

    @Test
    void anyConfiguredUrlMeansExternal() {
        assertThat(DatabaseBootstrap.externalDatabaseConfigured(Map.of("TIMELINE_DB_URL", "jdbc:postgresql://db/timeline"), Map.of())).isTrue();
        assertThat(DatabaseBootstrap.externalDatabaseConfigured(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/x"), Map.of())).isTrue();
        assertThat(DatabaseBootstrap.externalDatabaseConfigured(Map.of(), Map.of("TIMELINE_DB_URL", "jdbc:postgresql://db/timeline"))).isTrue();
        System.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/timeline");
        assertThat(DatabaseBootstrap.externalDatabaseConfigured(Map.of(), Map.of())).isTrue();
    }
}
