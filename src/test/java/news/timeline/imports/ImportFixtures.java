package news.timeline.imports;

import io.restassured.response.ValidatableResponse;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Helpers shared by the import tests; every test uses its own external source, so tests share no data. */
final class ImportFixtures {

    static final String PATH = "/api/v1/imports/events";

    private ImportFixtures() {
    }

    static String newSource() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid NDJSON event line in the service's own shape. */
    static String event(String externalId, String title, String date, String... actors) {
        StringBuilder ps = new StringBuilder();
        for (String a : actors) {
            ps.append(ps.length() == 0 ? "" : ",").append("{\"actor\":{\"name\":\"").append(a).append("\",\"kind\":\"country\"},\"role\":\"participant\"}");
        }
        return "{\"externalId\":\"" + externalId + "\",\"type\":\"meeting\",\"title\":\"" + title + "\",\"date\":\"" + date
                + "\",\"place\":{\"name\":\"Pyongyang\"},\"participants\":[" + ps + "],"
                + "\"sources\":[{\"url\":\"https://example.org/" + externalId + "\",\"quote\":\"" + title + "\"}],\"confidence\":0.9}";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ValidatableResponse post(String contentType, byte[] body, String query) {
        return given().contentType(contentType).body(body).when().post(PATH + (query.isEmpty() ? "" : "?" + query)).then();
    }

    static long count(DataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A column of the event an import stored under this external key, or null when there is none. */
    static String eventColumn(DataSource ds, String column, String source, String externalId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + column + " from events where external_source = ? and external_id = ?")) {
            ps.setString(1, source);
            ps.setString(2, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long events(DataSource ds, String source) {
        return count(ds, "select count(*) from events where external_source = ?", source);
    }
}
