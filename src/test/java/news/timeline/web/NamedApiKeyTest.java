package news.timeline.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** With named keys, a decision records who made it. */
@QuarkusTest
@TestProfile(ApiKeyTest.KeysConfigured.class)
class NamedApiKeyTest {

    private static String extractedEvent(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON).body(Map.of("type", "meeting",
                        "title", "Named key " + UUID.randomUUID(), "date", "2024-03-12", "status", "extracted"))
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> decisions(Instant since, String event) {
        List<Map<String, Object>> items = given().get("/api/v1/changes?entity=event&limit=1000&since=" + since)
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(c -> event.equals(c.get("id")) && c.get("status") != null).toList();
    }

    @Test
    void aDecisionWithANamedKeyIsTheKeysNamesAndOneWithAnUnnamedKeyIsNobodysInParticular() {
        Instant before = Instant.now().minusSeconds(1);
        String named = extractedEvent("desk-key");
        given().header("X-API-Key", "desk-key").contentType(ContentType.JSON).body(Map.of("reason", "checked"))
                .post("/api/v1/events/" + named + "/confirm").then().statusCode(200).body("status", equalTo("confirmed"));
        Map<String, Object> d = decisions(before, named).get(0);
        assertThat(d.get("by")).isEqualTo("desk");
        assertThat(d.get("reason")).isEqualTo("checked");

        String unnamed = extractedEvent("first-key");
        given().header("X-API-Key", "first-key").post("/api/v1/events/" + unnamed + "/reject").then().statusCode(200);
        assertThat(decisions(before, unnamed).get(0).get("by")).isNull();
        // the whole entry stays a key, as before keys could be named
        given().header("X-API-Key", "desk:desk-key").post("/api/v1/events/" + unnamed + "/confirm").then().statusCode(200);
        assertThat(decisions(before, unnamed).get(1).get("by")).isNull();
        // a decision is a write: no key, no decision
        given().post("/api/v1/events/" + named + "/reject").then().statusCode(401);
    }

    @Test
    void aDismissalAndItsWithdrawalAreTheKeysNames() {
        Instant before = Instant.now().minusSeconds(1);
        String one = extractedEvent("desk-key");
        String other = extractedEvent("desk-key");
        String id = given().header("X-API-Key", "desk-key").contentType(ContentType.JSON)
                .body(Map.of("event", one, "other", other, "reason", "two meetings"))
                .post("/api/v1/review/merge-suggestions/dismissals").then().statusCode(201).body("by", equalTo("desk"))
                .extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("event", one, "other", other))
                .post("/api/v1/review/merge-suggestions/dismissals").then().statusCode(401);
        given().delete("/api/v1/review/merge-suggestions/dismissals/" + id).then().statusCode(401);
        given().header("X-API-Key", "desk-key").delete("/api/v1/review/merge-suggestions/dismissals/" + id).then().statusCode(204);
        List<Map<String, Object>> feed = given().get("/api/v1/changes?entity=dismissal&limit=1000&since=" + before)
                .then().statusCode(200).extract().path("items");
        List<Map<String, Object>> mine = feed.stream().filter(c -> id.equals(c.get("id"))).toList();
        assertThat(mine).extracting(c -> c.get("action")).containsExactly("created", "deleted");
        assertThat(mine).extracting(c -> c.get("by")).containsExactly("desk", "desk");
        assertThat(mine.get(0).get("reason")).isEqualTo("two meetings");
    }
}
