package news.timeline.review;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.timeline.support.Api.actor;
import static news.timeline.support.Api.post;
import static news.timeline.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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

    private static boolean suggested(String event, String into) {
        List<Map<String, Object>> all = given().queryParam("limit", 1000).get("/api/v1/review/merge-suggestions").then().statusCode(200)
                .extract().jsonPath().getList("");
        return all.stream().anyMatch(x -> event.equals(((Map<?, ?>) x.get("event")).get("id"))
                && into.equals(((Map<?, ?>) x.get("into")).get("id")));
    }

    private static List<Map<String, Object>> dismissalFeed(Instant since, String id) {
        List<Map<String, Object>> items = given().get("/api/v1/changes?entity=dismissal&limit=1000&since=" + since)
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(c -> id.equals(c.get("id"))).toList();
    }

    @Test
    void aDismissedPairIsNoLongerSuggestedIsInTheFeedAndComesBackWhenTheDismissalIsWithdrawn() {
        Instant since = Instant.now().minusSeconds(1);
        String shared = actor(unique("Dismiss shared"), "country");
        String older = event("meeting", "2024-10", shared, "extracted");
        String newer = event("meeting", "2024-10-02", shared, "extracted");
        assertThat(suggested(newer, older)).isTrue();

        var created = post("/api/v1/review/merge-suggestions/dismissals", Map.of("event", newer, "other", older,
                "reason", "two meetings that month")).statusCode(201).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/review/merge-suggestions/dismissals/" + id);
        assertThat(created.<List<String>>path("events")).containsExactlyInAnyOrder(newer, older);
        assertThat(created.<String>path("reason")).isEqualTo("two meetings that month");
        assertThat(created.<String>path("dismissedAt")).isNotNull();
        assertThat(suggested(newer, older)).as("dismissed").isFalse();

        // the same pair again, either way round: the dismissal that exists, nothing new
        post("/api/v1/review/merge-suggestions/dismissals", Map.of("event", older, "other", newer)).statusCode(200)
                .body("id", equalTo(id)).body("reason", equalTo("two meetings that month"));
        given().get("/api/v1/review/merge-suggestions/dismissals/" + id).then().statusCode(200).body("id", equalTo(id));
        assertThat(given().queryParam("event", older).get("/api/v1/review/merge-suggestions/dismissals").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class)).containsExactly(id);
        List<Map<String, Object>> feed = dismissalFeed(since, id);
        assertThat(feed).hasSize(1);
        assertThat(feed.get(0).get("action")).isEqualTo("created");
        assertThat(feed.get(0).get("reason")).isEqualTo("two meetings that month");

        given().delete("/api/v1/review/merge-suggestions/dismissals/" + id).then().statusCode(204);
        assertThat(suggested(newer, older)).as("withdrawn").isTrue();
        given().get("/api/v1/review/merge-suggestions/dismissals/" + id).then().statusCode(404);
        given().delete("/api/v1/review/merge-suggestions/dismissals/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(dismissalFeed(since, id)).extracting(c -> c.get("action")).containsExactly("created", "deleted");
    }

    @Test
    void badDismissalsAreProblemsNamingTheFieldAndStoreNothing() {
        String shared = actor(unique("Dismiss bad"), "country");
        String one = event("meeting", "2024-11-02", shared, "extracted");
        String two = event("meeting", "2024-11-02", shared, "extracted");
        String path = "/api/v1/review/merge-suggestions/dismissals";
        post(path, Map.of("event", one)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("other"));
        post(path, Map.of("event", "not-an-id", "other", two)).statusCode(400).body("errors.field", hasItem("event"))
                .body("errors.message", hasItem("is not an event id"));
        post(path, Map.of("event", one, "other", one)).statusCode(400).body("errors.field", hasItem("other"));
        post(path, Map.of("event", one, "other", two, "reason", "x".repeat(2001))).statusCode(400).body("errors.field", hasItem("reason"));
        post(path, Map.of("event", one, "other", two, "extra", 1)).statusCode(400).contentType("application/problem+json");
        post(path, Map.of("event", one, "other", 5)).statusCode(400).body("errors.field", hasItem("other"));
        post(path, Map.of("event", one, "other", java.util.UUID.randomUUID().toString())).statusCode(404)
                .contentType("application/problem+json");
        given().contentType("application/json").body("null").post(path).then().statusCode(400);
        given().get(path + "?event=nope").then().statusCode(400).body("errors.field", hasItem("event"));
        given().get(path + "?cursor=nope").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().get(path + "/not-a-uuid").then().statusCode(404);
        assertThat(given().queryParam("event", one).get(path).then().statusCode(200).extract().jsonPath().getList("items"))
                .isEmpty();
        assertThat(suggested(two, one)).isTrue();
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
