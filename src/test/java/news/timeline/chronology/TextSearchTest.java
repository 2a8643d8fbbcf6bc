package news.timeline.chronology;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.timeline.chronology.ChronologyFixture.Actor;
import news.timeline.search.SearchIndexer;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

/**
 * {@code q=} answers the same before and after the background indexer has seen a write: queued events are matched
 * on their current text, indexed ones on their vector, and an edit never leaves a stale match behind.
 */
@QuarkusTest
class TextSearchTest {

    @Inject
    ChronologyFixture fixture;

    @Inject
    SearchIndexer indexer;

    @Inject
    DataSource dataSource;

    @Test
    void eventsAreFoundByTitleSummaryAndQuoteWhetherIndexedYetOrNot() throws SQLException {
        String s = ChronologyFixture.suffix();
        Actor x = fixture.actor("country", "Searchland", s);
        String word = "molybdenum" + s;
        UUID id;
        try (SearchIndexer.Pause held = indexer.pause()) {
            id = fixture.event("sanction", "Sanctions on " + word, "2021-03-04", x);
            assertThat(queued(id)).isTrue();
            // not indexed yet: matched on its current text (title, summary, quote)
            found("sanctions " + word, "Sanctions on " + word);
            found("\"quote about\" " + word, "Sanctions on " + word);
        }
        indexer.catchUp();
        assertThat(queued(id)).isFalse();
        found("sanctions " + word, "Sanctions on " + word);
        found("summary " + word, "Sanctions on " + word);

        // an edit queues the event again: a word only the old title had no longer matches, the new one does,
        // before and after indexing
        String gone = "cobalt" + s;
        String other = "tungsten" + s;
        UUID edited = given().contentType(ContentType.JSON).body(Map.of("type", "statement", "title", "Talks on " + gone,
                        "date", "2021-05-06", "participants", java.util.List.of(Map.of("actor", x.slug())),
                        "sources", java.util.List.of(Map.of("url", "https://news.example/q", "quote", "They met."))))
                .post("/api/v1/events").then().statusCode(201).extract().jsonPath().getUUID("id");
        indexer.catchUp();
        found(gone, "Talks on " + gone);
        try (SearchIndexer.Pause held = indexer.pause()) {
            given().contentType(ContentType.JSON).body(Map.of("title", "Embargo on " + other)).patch("/api/v1/events/" + edited)
                    .then().statusCode(200);
            assertThat(queued(edited)).isTrue();
            given().queryParam("q", gone).when().get("/api/v1/events").then().statusCode(200).body("items", empty());
            found("embargo " + other, "Embargo on " + other);
        }
        indexer.catchUp();
        given().queryParam("q", gone).when().get("/api/v1/events").then().statusCode(200).body("items", empty());
        found("embargo " + other, "Embargo on " + other);
        id = edited;

        // a deleted event leaves nothing behind to match
        given().delete("/api/v1/events/" + id).then().statusCode(204);
        indexer.catchUp();
        given().queryParam("q", "embargo " + other).when().get("/api/v1/events").then().statusCode(200).body("items", empty());
    }

    private static void found(String q, String title) {
        given().queryParam("q", q).when().get("/api/v1/events").then().statusCode(200).body("items.title", contains(title));
    }

    private boolean queued(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from search_queue where event_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
