package news.timeline.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.timeline.support.Sql;

import static io.restassured.RestAssured.given;
import static news.timeline.articles.EditorialFixture.get;
import static news.timeline.articles.EditorialFixture.meeting;
import static news.timeline.articles.EditorialFixture.read;
import static news.timeline.articles.EditorialFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** {@code POST /api/v1/reextractions}: re-extraction of many articles as a resumable job. */
@QuarkusTest
class ReextractionJobTest {

    private static final String OLD = "timeline-extraction-en/0.1.0";

    @Inject
    DataSource db;

    @Inject
    ReextractionJobs jobs;

    private void sql(String statement, Object... params) {
        Sql.update(db, statement, params);
    }

    /**
     * Three articles on a host of their own as an older extractor left them: its version, and an event of its own
     * reading that the current extractor does not find.
     */
    private String olderArticles() {
        String host = "old-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        for (int i = 0; i < 3; i++) {
            ObjectNode in = meeting(EditorialFixture.Pair.invent(), 0);
            in.put("url", "https://" + host + "/" + i);
            String article = submit(in, 201).get("article").get("id").asText();
            String event = read(given().contentType(ContentType.JSON).body(Map.of("type", "statement", "title", "Old reading",
                            "date", "2024-03-13", "status", "extracted",
                            "sources", List.of(Map.of("articleId", article, "quote", "The ministers discussed energy",
                                    "start", 132, "end", 162, "ruleId", "events.old.rule", "extractorVersion", OLD))))
                    .post("/api/v1/events").then().statusCode(201).extract().asString()).get("id").asText();
            sql("update events set edited_at = null where id = ?", UUID.fromString(event));
            sql("update articles set extractor_version = ? where id = ?", OLD, UUID.fromString(article));
        }
        return host;
    }

    private static JsonNode waitFor(String location) {
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            JsonNode job = get(location);
            String state = job.get("state").asText();
            if (state.equals("succeeded") || state.equals("failed")) {
                return job;
            }
            assertThat(System.currentTimeMillis()).as("job still " + state).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String start(String query) {
        Response r = given().post("/api/v1/reextractions" + query);
        r.then().statusCode(202).header("Location", startsWith("http"));
        return r.getHeader("Location");
    }

    /** What two runs over equivalent articles must agree on. */
    private static List<Object> totals(JsonNode job) {
        return List.of(job.get("selected").asLong(), job.get("done").asLong(), job.get("changed").asLong(),
                job.get("unchanged").asLong(), job.get("failed").asLong(), job.get("totals"));
    }

    @Test
    void aJobStoppedHalfWayResumesAndEndsWithTheTotalsOfAnUninterruptedRun() {
        String hostA = olderArticles();
        JsonNode whole = waitFor(start("?host=" + hostA));
        assertThat(whole.get("state").asText()).isEqualTo("succeeded");
        assertThat(whole.get("selected").asLong()).isEqualTo(3);
        assertThat(whole.get("done").asLong()).isEqualTo(3);
        assertThat(whole.get("totals").get("eventsRemoved").asLong()).as("each old reading goes").isEqualTo(3);
        assertThat(whole.get("extractorVersion").asText()).isNotEqualTo(OLD);
        get("/api/v1/articles?host=" + hostA).get("items")
                .forEach(a -> assertThat(a.get("extractorVersion").asText()).isEqualTo(whole.get("extractorVersion").asText()));

        // the same over equivalent articles, stopped after the first one as a restart would stop it, then resumed
        String hostB = olderArticles();
        ReextractionJob job = jobs.create(ArticleQuery.parse(null, null, null, null, hostB, null), false, false);
        assertThat(jobs.step(job.id())).isTrue();
        sql("update reextraction_jobs set state = 'running' where id = ?", job.id());
        JsonNode halfWay = get("/api/v1/reextractions/" + job.id());
        assertThat(halfWay.get("done").asLong()).isEqualTo(1);
        assertThat(jobs.resumeUnfinished()).isGreaterThanOrEqualTo(1);
        JsonNode resumed = waitFor("/api/v1/reextractions/" + job.id());
        assertThat(resumed.get("state").asText()).isEqualTo("succeeded");
        assertThat(totals(resumed)).isEqualTo(totals(whole));

        // a second job finds nothing left to do
        JsonNode again = waitFor(start("?host=" + hostA));
        assertThat(again.get("state").asText()).isEqualTo("succeeded");
        assertThat(again.get("selected").asLong()).isZero();
        assertThat(again.get("done").asLong()).isZero();
    }

    @Test
    void anotherReplicasLiveJobIsLeftToItAndTakenOverOnceItsLeaseRunsOut() {
        // a job another replica claimed and keeps beating: this one's start (and sweep) does not run it beside it
        ReextractionJob job = jobs.create(ArticleQuery.parse(null, null, null, null, "nothing-" + UUID.randomUUID() + ".example",
                null), false, false);
        sql("update reextraction_jobs set state = 'running', owner = 'replica-b:8080', owner_run = ?, heartbeat_at = now() "
                + "where id = ?", UUID.randomUUID(), job.id());
        assertThat(jobs.resumeUnfinished()).isZero();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(get("/api/v1/reextractions/" + job.id()).get("state").asText()).isEqualTo("running");

        // that replica stops: once its heartbeat is older than the lease, this one takes the job over and ends it
        sql("update reextraction_jobs set heartbeat_at = now() - interval '1 hour' where id = ?", job.id());
        assertThat(jobs.resumeUnfinished()).isGreaterThanOrEqualTo(1);
        assertThat(waitFor("/api/v1/reextractions/" + job.id()).get("state").asText()).isEqualTo("succeeded");
    }

    @Test
    void refusesBadParametersAndUnknownJobs() {
        for (String[] bad : new String[][]{{"?includeCurrent=yes", "includeCurrent"}, {"?host=", "host"},
                {"?publishedFrom=soon", "publishedFrom"}}) {
            given().post("/api/v1/reextractions" + bad[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(bad[1]));
        }
        given().get("/api/v1/reextractions/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }
}
