package news.timeline.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Decides, before Quarkus reads its configuration, whether a database is configured. When none is, it starts the
 * embedded PostgreSQL and hands its address to Quarkus as system properties (which outrank application.properties
 * but not an explicit {@code -Dquarkus.datasource.jdbc.url}).
 */
public final class DatabaseBootstrap {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    private static final List<String> URL_VARIABLES = List.of("TIMELINE_DB_URL", "QUARKUS_DATASOURCE_JDBC_URL");

    private DatabaseBootstrap() {
    }

    /** Starts the embedded server when no database URL is configured anywhere. */
    public static void configureIfNeeded() {
        if (externalDatabaseConfigured(System.getenv(), dotEnv())) {
            return;
        }
        String dataDir = setting("TIMELINE_DB_DATA_DIR", "timeline.db.data-dir", ".timeline-data/postgres");
        int port = Integer.parseInt(setting("TIMELINE_DB_EMBEDDED_PORT", "timeline.db.embedded-port", "0"));
        EmbeddedDatabase.Connection c = EmbeddedDatabase.start(Path.of(dataDir), port, false);
        System.setProperty(URL_PROPERTY, c.jdbcUrl());
        System.setProperty("quarkus.datasource.username", c.username());
        System.setProperty("quarkus.datasource.password", c.password());
    }

    static boolean externalDatabaseConfigured(Map<String, String> env, Map<String, String> dotEnv) {
        if (System.getProperty(URL_PROPERTY) != null) {
            return true;
        }
        return URL_VARIABLES.stream().anyMatch(v -> notBlank(env.get(v)) || notBlank(dotEnv.get(v)));
    }

    private static String setting(String variable, String property, String fallback) {
        String v = System.getProperty(property);
        if (notBlank(v)) {
            return v;
        }
        v = System.getenv(variable);
        if (notBlank(v)) {
            return v;
        }
        v = dotEnv().get(variable);
        return notBlank(v) ? v : fallback;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Quarkus reads {@code .env} in the working directory; so must this decision. */
    private static Map<String, String> dotEnv() {
        Path file = Path.of(".env");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Map<String, String> out = new java.util.HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.trim();
                int eq = t.indexOf('=');
                if (t.isEmpty() || t.startsWith("#") || eq < 1) {
                    continue;
                }
                out.put(t.substring(0, eq).trim(), t.substring(eq + 1).trim().replaceAll("^\"|\"$", ""));
            }
            return out;
        } catch (IOException e) {
            return Map.of();
        }
    }
}
