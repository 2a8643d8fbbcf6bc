package news.timeline.events;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import news.timeline.support.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** {@code POST /api/v1/events/{id}/merge} and {@code /split}: joining two reports of one happening, reversibly. */
@QuarkusTest
class EventMergeTest {

    private static String event(String title, List<String> actors, List<String> quotes, String agreement) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (String q : quotes) {
            sources.add(Map.of("url", "https://merge.example.org/" + UUID.randomUUID(), "quote", q, "start", 0, "end", q.length()));
        }
        List<Map<String, Object>> participants = new ArrayList<>();
        actors.forEach(a -> participants.add(Map.of("actor", a, "role", "participant")));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "meeting", "title", title, "date", "2024-05-01",
                "status", "extracted", "participants", participants, "sources", sources));
        if (agreement != null) {
            body.put("agreementId", agreement);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/events").then().statusCode(201).extract().path("id");
    }

    private static JsonPath get(String id) {
        return given().get("/api/v1/events/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** What a merge and its undo must give back: the id, fields, participants and sources. */
    private static Map<String, Object> shape(JsonPath e) {
        Map<String, Object> m = new java.util.HashMap<>(e.getMap(""));
        m.remove("updatedAt");
        return m;
    }

    private static String merge(String id, String into, int status) {
        return given().contentType(ContentType.JSON).body(Map.of("into", into)).post("/api/v1/events/" + id + "/merge")
                .then().statusCode(status).extract().asString();
    }

    @Test
    void mergeThenSplitGivesBackTheOriginalEvents() {
        String a = Api.actor(Api.unique("Merge A"), "person");
        String b = Api.actor(Api.unique("Merge B"), "person");
        String c = Api.actor(Api.unique("Merge C"), "person");
        String agreement = given().contentType(ContentType.JSON).body(Map.of("name", Api.unique("Merge accord"), "kind", "accord"))
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");
        String first = event("A meets B", List.of(a, b), List.of("A met B on May 1."), agreement);
        String second = event("B meets C", List.of(b, c), List.of("B and C met.", "The meeting of B and C."), null);
        Map<String, Object> firstBefore = shape(get(first));
        Map<String, Object> secondBefore = shape(get(second));

        Instant before = Instant.now().minusSeconds(1);
        merge(first, second, 200);
        given().get("/api/v1/events/" + first).then().statusCode(404);
        JsonPath merged = get(second);
        assertThat(merged.getList("sources.quote", String.class))
                .containsExactlyInAnyOrder("A met B on May 1.", "B and C met.", "The meeting of B and C.");
        assertThat(merged.getList("participants.actor.id", String.class)).containsExactlyInAnyOrder(a, b, c);
        assertThat(merged.getString("agreement.id")).isEqualTo(agreement);
        List<Map<String, Object>> feed = given().get("/api/v1/changes?entity=event&since=" + before).then().statusCode(200)
                .extract().path("items");
        assertThat(feed).anyMatch(ch -> first.equals(ch.get("id")) && "merged".equals(ch.get("action")) && second.equals(ch.get("mergedInto")));

        List<String> brought = ((List<Map<String, Object>>) (List<?>) firstBefore.get("sources")).stream()
                .map(s -> (String) s.get("id")).toList();
        String restored = given().contentType(ContentType.JSON).body(Map.of("sources", brought)).post("/api/v1/events/" + second + "/split")
                .then().statusCode(201).extract().path("id");
        assertThat(restored).isEqualTo(first);
        assertThat(shape(get(first))).isEqualTo(firstBefore);
        Map<String, Object> secondAfter = shape(get(second));
        secondAfter.remove("version");
        secondBefore.remove("version");
        assertThat(secondAfter).isEqualTo(secondBefore);
        List<Map<String, Object>> later = given().get("/api/v1/changes?entity=event&since=" + before).then().statusCode(200)
                .extract().path("items");
        assertThat(later).anyMatch(ch -> first.equals(ch.get("id")) && "created".equals(ch.get("action")));
    }

    @Test
    void aSplitOfOtherSourcesMakesANewEvent() {
        String a = Api.actor(Api.unique("Split A"), "person");
        String e = event("A speaks", List.of(a), List.of("A said one thing.", "A said another thing."), null);
        String second = get(e).getList("sources", Map.class).stream().filter(x -> "A said another thing.".equals(x.get("quote")))
                .map(x -> (String) x.get("id")).findFirst().orElseThrow();
        JsonPath made = given().contentType(ContentType.JSON).body(Map.of("sources", List.of(second))).post("/api/v1/events/" + e + "/split")
                .then().statusCode(201).extract().jsonPath();
        assertThat(made.getString("id")).isNotEqualTo(e);
        assertThat(made.getList("sources.quote", String.class)).containsExactly("A said another thing.");
        assertThat(made.getList("participants.actor.id", String.class)).containsExactly(a);
        assertThat(made.getString("title")).isEqualTo("A speaks");
        assertThat(get(e).getList("sources.quote", String.class)).containsExactly("A said one thing.");
    }

    @Test
    void badMergesAndSplitsAreRefusedAndChangeNothing() {
        String a = Api.actor(Api.unique("Bad A"), "person");
        String e = event("E", List.of(a), List.of("One.", "Two."), null);
        String other = event("O", List.of(a), List.of("Other."), null);
        String gone = event("G", List.of(a), List.of("Gone."), null);
        given().delete("/api/v1/events/" + gone).then().statusCode(204);
        Map<String, Object> eBefore = shape(get(e));

        merge(UUID.randomUUID().toString(), e, 404);
        merge(e, UUID.randomUUID().toString(), 404);
        merge(e, e, 409);
        merge(e, gone, 409);
        given().contentType(ContentType.JSON).body(Map.of("into", "not-an-id")).post("/api/v1/events/" + e + "/merge")
                .then().statusCode(400).body("errors.field", hasItem("into"));
        given().contentType(ContentType.JSON).body(Map.of("into", e, "extra", 1)).post("/api/v1/events/" + other + "/merge")
                .then().statusCode(400);

        String foreign = (String) ((Map<?, ?>) get(other).getList("sources").get(0)).get("id");
        String own = (String) ((Map<?, ?>) get(e).getList("sources").get(0)).get("id");
        given().contentType(ContentType.JSON).body(Map.of("sources", List.of(own, foreign))).post("/api/v1/events/" + e + "/split")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("sources[1]"));
        given().contentType(ContentType.JSON).body(Map.of("sources", List.of())).post("/api/v1/events/" + e + "/split")
                .then().statusCode(400).body("errors.field", hasItem("sources"));
        List<String> all = get(e).getList("sources.id", String.class);
        given().contentType(ContentType.JSON).body(Map.of("sources", all)).post("/api/v1/events/" + e + "/split")
                .then().statusCode(400).body("errors.field", hasItem("sources"));
        given().contentType(ContentType.JSON).body(Map.of("sources", List.of(own))).post("/api/v1/events/" + UUID.randomUUID() + "/split")
                .then().statusCode(404);
        assertThat(shape(get(e))).isEqualTo(eBefore);
        get(other);
    }

    @Test
    void concurrentMergesOfAIntoBAndBIntoADoNotDeadlockAndLeaveOneEvent() throws Exception {
        String a = Api.actor(Api.unique("Race A"), "person");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String x = event("X", List.of(a), List.of("X " + round), null);
                String y = event("Y", List.of(a), List.of("Y " + round), null);
                List<Callable<Integer>> both = List.of(
                        () -> given().contentType(ContentType.JSON).body(Map.of("into", y)).post("/api/v1/events/" + x + "/merge").statusCode(),
                        () -> given().contentType(ContentType.JSON).body(Map.of("into", x)).post("/api/v1/events/" + y + "/merge").statusCode());
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(both)) {
                    codes.add(f.get());
                }
                assertThat(codes).as("one merge wins, the other finds its event gone").containsExactlyInAnyOrder(200, codes.contains(404) ? 404 : 409);
                int x404 = given().get("/api/v1/events/" + x).statusCode();
                int y404 = given().get("/api/v1/events/" + y).statusCode();
                Set<Integer> states = new HashSet<>(List.of(x404, y404));
                assertThat(states).containsExactlyInAnyOrder(200, 404);
                String survivor = x404 == 200 ? x : y;
                given().get("/api/v1/events/" + survivor).then().body("sources.size()", equalTo(2));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
