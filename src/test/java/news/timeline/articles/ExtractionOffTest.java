package news.timeline.articles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static news.timeline.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** TIMELINE_EXTRACTION=off: a read replica without the language models. Reads and CRUD work; extraction is a 503. */
@QuarkusTest
@TestProfile(ExtractionOffTest.Off.class)
class ExtractionOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.extraction.mode", "off");
        }
    }

    @Test
    void articlesAndAnalysisAnswer503AndStoreNothing() {
        String title = unique("Off");
        given().contentType(ContentType.JSON)
                .body(Map.of("title", title, "body", "Kim Jong-un met Sergei Shoigu in Pyongyang on Friday.", "publishedAt", "2024-09-14"))
                .post("/api/v1/articles").then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", containsString("TIMELINE_EXTRACTION=off"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Talks resumed on Friday.", "referenceDate", "1998-02-27"))
                .post("/api/v1/analyze").then().statusCode(503).contentType("application/problem+json");
        given().queryParam("q", title).get("/api/v1/events").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void readsAndWritesOfFactsWork() {
        String name = unique("Replica actor");
        given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "person")).post("/api/v1/actors")
                .then().statusCode(201);
        given().queryParam("q", name).get("/api/v1/actors").then().statusCode(200).body("items[0].name", equalTo(name));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'extraction' }.data.state", equalTo("off"));
    }
}
