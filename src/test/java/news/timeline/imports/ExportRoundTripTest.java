package news.timeline.imports;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static news.timeline.imports.ImportFixtures.event;
import static news.timeline.imports.ImportFixtures.newSource;
import static news.timeline.imports.ImportFixtures.post;
import static news.timeline.imports.ImportFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ExportRoundTripTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anExportReimportsAsUnchanged() {
        String source = newSource();
        String body = event("r1", "Summit \\\"quoted\\\" and\\ttab \\\\ backslash", "2024-09-13", "Chad", "Niger") + "\n"
                + "{\"externalId\":\"r2\",\"type\":\"report\",\"title\":\"Approximate\",\"summary\":\"multi\\nline\","
                + "\"date\":{\"value\":\"2023-Q4\",\"approximate\":true},\"endDate\":\"2024\",\"confidence\":0.33,"
                + "\"status\":\"rejected\",\"participants\":[\"Chad\"]}\n";
        post("application/x-ndjson", utf8(body), "source=" + source).statusCode(200).body("created", equalTo(2));

        byte[] export = given().when().get("/api/v1/exports/events.ndjson?source=" + source).then().statusCode(200)
                .contentType("application/x-ndjson").extract().asByteArray();
        assertThat(new String(export, java.nio.charset.StandardCharsets.UTF_8).lines()).hasSize(2);

        post("application/x-ndjson", export, "").statusCode(200)
                .body("received", equalTo(2)).body("unchanged", equalTo(2)).body("created", equalTo(0)).body("updated", equalTo(0));
    }

    @Test
    void eventsWithoutAnExternalIdAreExportedByIdAndMatchedBack() throws Exception {
        UUID event = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        String slug = "hand-made-" + actor.toString().substring(0, 8);
        try (Connection c = db.getConnection()) {
            OffsetDateTime now = OffsetDateTime.now();
            try (PreparedStatement ps = c.prepareStatement("insert into actors (id, kind, slug, name, created_at, updated_at) values (?, 'person', ?, 'Hand Made', ?, ?)")) {
                ps.setObject(1, actor);
                ps.setString(2, slug);
                ps.setObject(3, now);
                ps.setObject(4, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into events (id, type, title, date_value, date_precision, date_start, "
                    + "date_end, date_approximate, confidence, status, created_at, updated_at) values (?, 'meeting', 'Entered by hand', "
                    + "'2024-06', 'month', ?, ?, false, 0.7, 'confirmed', ?, ?)")) {
                ps.setObject(1, event);
                ps.setObject(2, LocalDate.of(2024, 6, 1));
                ps.setObject(3, LocalDate.of(2024, 6, 30));
                ps.setObject(4, now);
                ps.setObject(5, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into event_participants values (?, ?, 'host', ?, ?, 3)")) {
                ps.setObject(1, event);
                ps.setObject(2, actor);
                ps.setObject(3, LocalDate.of(2024, 6, 1));
                ps.setObject(4, LocalDate.of(2024, 6, 30));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into event_sources (id, event_id, url, quote, start_offset, end_offset, created_at) "
                    + "values (?, ?, 'https://example.org/hand', 'in June', 10, 17, ?)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, event);
                ps.setObject(3, now);
                ps.executeUpdate();
            }
        }
        String line = given().when().get("/api/v1/exports/events.ndjson").then().statusCode(200).extract().asString()
                .lines().filter(l -> l.contains(event.toString())).findFirst().orElseThrow();
        assertThat(line).contains("\"externalId\":\"" + event + "\"").doesNotContain("externalSource");

        post("application/x-ndjson", utf8(line + "\n"), "").statusCode(200).body("unchanged", equalTo(1));
        post("application/x-ndjson", utf8(line.replace("Entered by hand", "Entered by hand, corrected") + "\n"), "")
                .statusCode(200).body("updated", equalTo(1));
        assertThat(ImportFixtures.count(db, "select count(*) from events where id = ? and title = 'Entered by hand, corrected'", event)).isEqualTo(1);
        assertThat(ImportFixtures.count(db, "select count(*) from events where title like 'Entered by hand%'")).isEqualTo(1);
        // and from then on it re-imports unchanged
        post("application/x-ndjson", utf8(line.replace("Entered by hand", "Entered by hand, corrected") + "\n"), "")
                .statusCode(200).body("unchanged", equalTo(1));
    }
}
