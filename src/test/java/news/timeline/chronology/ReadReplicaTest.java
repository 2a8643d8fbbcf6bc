package news.timeline.chronology;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.timeline.config.ReadDatabase;
import news.timeline.support.StreamingStandby;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code TIMELINE_DB_READ_URL}: chronologies, event lists, the change feed and the export read from a real streaming
 * replica of the test database ({@link StreamingStandby}); writes and their answers come from the primary. With the
 * standby's replay paused, a write is answered at once but the read path does not show it yet (the staleness a client
 * can see); once replay resumes, it does, with a new ETag.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.WithStandby.class)
class ReadReplicaTest {

    public static class WithStandby implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // reads and writes only: the application restarted for this profile does without the language models
            return Map.of("timeline.extraction.mode", "off");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StreamingStandby.class));
        }
    }

    @Inject
    ReadDatabase reads;

    @Test
    void readsGoToTheStandbyAndSeeAWriteOnceItIsReplayed() throws Exception {
        assertThat(reads.replica()).isTrue();
        try (Connection c = reads.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("the read datasource is a standby").isTrue();
        }
        // readiness covers the read replica too
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Database connections health check' }.data.read", org.hamcrest.Matchers.equalTo("UP"));

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String slug = given().contentType(ContentType.JSON).body(Map.of("name", "Replicaland " + suffix, "kind", "country"))
                .post("/api/v1/actors").then().statusCode(201).extract().path("slug");
        Response first = await("/api/v1/actors/" + slug + "/timeline", r -> r.statusCode() == 200);
        assertThat(first.jsonPath().getList("items")).isEmpty();
        String etag = first.header("ETag");

        try (Connection standby = DriverManager.getConnection(StreamingStandby.url, "postgres", "");
             Statement s = standby.createStatement()) {
            s.execute("select pg_wal_replay_pause()");
            try {
                // the write answers from the primary at once
                String title = "Replicated meeting " + suffix;
                given().contentType(ContentType.JSON).body(Map.of("type", "meeting", "title", title, "date", "2023-04-05",
                                "participants", List.of(Map.of("actor", slug))))
                        .post("/api/v1/events").then().statusCode(201);
                Thread.sleep(1000);
                Response stale = given().get("/api/v1/actors/" + slug + "/timeline");
                assertThat(stale.jsonPath().getList("items")).as("the standby has not replayed the write").isEmpty();
                assertThat(stale.header("ETag")).isEqualTo(etag);
                given().header("If-None-Match", etag).get("/api/v1/actors/" + slug + "/timeline").then().statusCode(304);
            } finally {
                s.execute("select pg_wal_replay_resume()");
            }
        }
        Response fresh = await("/api/v1/actors/" + slug + "/timeline", r -> r.jsonPath().getList("items").size() == 1);
        assertThat(fresh.jsonPath().getString("items[0].title")).startsWith("Replicated meeting");
        assertThat(fresh.header("ETag")).isNotEqualTo(etag);
        await("/api/v1/events?actor=" + slug, r -> r.jsonPath().getList("items").size() == 1);
        Response changes = given().queryParam("since", "2000-01-01T00:00:00Z").queryParam("entity", "actor")
                .get("/api/v1/changes");
        assertThat(changes.statusCode()).isEqualTo(200);
    }

    private static Response await(String path, Predicate<Response> until) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Response r = given().get(path);
        while (!until.test(r)) {
            assertThat(System.nanoTime()).as("waiting for " + path + ", last " + r.statusCode() + " " + r.asString())
                    .isLessThan(deadline);
            Thread.sleep(100);
            r = given().get(path);
        }
        return r;
    }
}
