package news.timeline.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.timeline.support.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A NUL character (U+0000) cannot be stored or even compared by PostgreSQL; wherever a client sends one, in a JSON
 * text or in the URI, the answer is a 400 problem naming where it was, and nothing is written.
 */
@QuarkusTest
class NulCharacterTest {

    private static final String NUL = "\u0000";

    @Test
    void nulInAnyJsonTextIs400WithItsField() {
        String slug = Api.actorSlug(Api.unique("Nulland"), "country");
        Map<String, Object> event = Map.of("type", "meeting", "date", "2024-06-01", "title", "Talks",
                "participants", List.of(Map.of("actor", slug + NUL)));
        Api.post("/api/v1/events", event).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("participants[0].actor"))
                .body("errors[0].message", containsString("NUL"));
        Api.post("/api/v1/actors", Map.of("name", "Nul" + NUL + "land", "kind", "country"))
                .statusCode(400).body("errors[0].field", equalTo("name"));
        Api.post("/api/v1/actors", Map.of("name", Api.unique("Aliased"), "kind", "country", "aliases", List.of("ok", "b" + NUL)))
                .statusCode(400).body("errors[0].field", equalTo("aliases[1]"));
        Api.post("/api/v1/actors/" + slug + "/merge", Map.of("into", NUL)).statusCode(400).body("errors[0].field", equalTo("into"));
        Api.post("/api/v1/articles", Map.of("title", "T", "publishedAt", "2024-09-14", "body", "Talks began on Friday." + NUL))
                .statusCode(400).body("errors[0].field", equalTo("body"));
        Api.post("/api/v1/analyze", Map.of("text", "On Friday" + NUL, "referenceDate", "2024-09-14"))
                .statusCode(400).body("errors[0].field", equalTo("text"));
    }

    @Test
    void aRefusedUpdateLeavesTheEventAsItWas() {
        String slug = Api.actorSlug(Api.unique("Keepland"), "country");
        Map<String, Object> event = Map.of("type", "meeting", "date", "2024-06-01", "title", "Kept talks",
                "participants", List.of(Map.of("actor", slug)));
        String id = Api.post("/api/v1/events", event).statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "meeting", "date", "2024-06-01", "title", "Changed" + NUL, "participants", List.of(Map.of("actor", slug))))
                .when().put("/api/v1/events/{id}", id).then().statusCode(400).body("errors[0].field", equalTo("title"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.org/" + NUL, "quote", "q"))
                .when().post("/api/v1/events/{id}/sources", id).then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().when().get("/api/v1/events/{id}", id).then().statusCode(200)
                .body("title", equalTo("Kept talks")).body("sources.size()", equalTo(0));
    }

    @Test
    void nulInThePathOrQueryIs400() {
        for (String path : List.of("/api/v1/actors/%00", "/api/v1/actors/a%00b/timeline", "/api/v1/relationships/%00/x/timeline",
                "/api/v1/events?type=%00", "/api/v1/actors?q=a%00")) {
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("NUL"));
        }
        given().urlEncodingEnabled(false).when().delete("/api/v1/actors/%00").then().statusCode(400);
    }
}
