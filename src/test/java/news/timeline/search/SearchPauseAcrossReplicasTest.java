package news.timeline.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer's pause is the database's, not the process's: an import holding it on another replica (here: a session
 * of its own, as another process's import holds it) keeps this replica's indexer from indexing, and the queue is
 * worked off once it ends. With the in-process counter this replica indexed beside the other's import.
 */
@QuarkusTest
class SearchPauseAcrossReplicasTest {

    @Inject
    DataSource db;

    @Inject
    SearchIndexer indexer;

    @Test
    void anImportOnAnotherReplicaPausesThisReplicasIndexer() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String slug = given().contentType(ContentType.JSON).body(Map.of("name", "Pauseland " + s, "kind", "country"))
                .post("/api/v1/actors").then().statusCode(201).extract().path("slug");
        UUID event;
        try (Connection otherReplica = db.getConnection(); Statement st = otherReplica.createStatement()) {
            st.execute("select pg_advisory_lock_shared((" + SearchIndexer.PAUSE_KEY + "))");
            event = given().contentType(ContentType.JSON).body(Map.of("type", "statement", "title", "Paused " + s, "date", "2022-01-02",
                            "participants", List.of(Map.of("actor", slug))))
                    .post("/api/v1/events").then().statusCode(201).extract().jsonPath().getUUID("id");
            assertThat(indexer.catchUp()).as("nothing is indexed while another replica's import runs").isZero();
            Thread.sleep(2500); // two rounds of the background indexer
            assertThat(queued(event)).isTrue();
            assertThat(indexed(event)).isFalse();
            st.execute("select pg_advisory_unlock_shared((" + SearchIndexer.PAUSE_KEY + "))");
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (queued(event) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(queued(event)).as("the background indexer catches up once the import ends").isFalse();
        assertThat(indexed(event)).isTrue();
    }

    @Test
    void aPauseOfThisProcessIsSeenByTheDatabase() throws SQLException {
        try (SearchIndexer.Pause held = indexer.pause(); Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_try_advisory_xact_lock((" + SearchIndexer.PAUSE_KEY + "))")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("another replica's indexer cannot take the key").isFalse();
        }
    }

    private boolean queued(UUID id) throws SQLException {
        return exists("select 1 from search_queue where event_id = ?", id);
    }

    private boolean indexed(UUID id) throws SQLException {
        return exists("select 1 from event_search where event_id = ?", id);
    }

    private boolean exists(String sql, UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
