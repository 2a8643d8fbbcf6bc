package news.timeline.review;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.timeline.support.Api.actor;
import static news.timeline.support.Api.post;
import static news.timeline.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** GET /api/v1/review/merge-suggestions: same type, overlapping dates, an actor in common; the newer into the older. */
@QuarkusTest
class MergeSuggestionsTest {

    @Test
    void eventsOfOneTypeOverlappingDatesAndASharedActorAreSuggestedNewerIntoOlder() {
        String shared = actor(unique("Suggest shared"), "country");
        String other = actor(unique("Suggest other"), "person");
        String older = event("meeting", "2024-09", shared, "extracted");
        String newer = event("meeting", "2024-09-13", shared, "extracted");
        String otherType = event("attack", "2024-09-13", shared, "extracted");
        String rejected = event("meeting", "2024-09-14", shared, "rejected");
        String noSharedActor = event("meeting", "2024-09-13", other, "extracted");

        JsonPath s = given().queryParam("limit", 1000).get("/api/v1/review/merge-suggestions").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> mine = s.<Map<String, Object>>getList("").stream()
                .filter(x -> List.of(older, newer, otherType, rejected, noSharedActor).contains(((Map<?, ?>) x.get("event")).get("id")))
                .toList();
        assertThat(mine).hasSize(1);
        assertThat(((Map<?, ?>) mine.get(0).get("event")).get("id")).isEqualTo(newer);
        assertThat(((Map<?, ?>) mine.get(0).get("into")).get("id")).isEqualTo(older);
        assertThat((List<?>) mine.get(0).get("sharedActors")).hasSize(1);

        // merged as suggested, the pair is gone
        post("/api/v1/events/" + newer + "/merge", Map.of("into", older)).statusCode(200);
        List<Object> ids = given().queryParam("limit", 1000).get("/api/v1/review/merge-suggestions").then().statusCode(200)
                .extract().jsonPath().getList("event.id");
        assertThat(ids).doesNotContain(newer);
    }

    @Test
    void aLimitOutside1To1000IsA400() {
        for (String bad : List.of("0", "1001", "x")) {
            given().queryParam("limit", bad).get("/api/v1/review/merge-suggestions").then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
    }

    private static String event(String type, String date, String actor, String status) {
        return post("/api/v1/events", Map.of("type", type, "title", unique("Suggest " + type), "date", date, "status", status,
                "participants", List.of(Map.of("actor", actor)))).statusCode(201).extract().path("id");
    }
}
