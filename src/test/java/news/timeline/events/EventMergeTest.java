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

    /**
     * A split takes the participants only its sources support (their quotes name them): those leave the original;
     * one named on both sides stays on both; one no source names (no evidence either way) stays on both too.
     */
    @Test
    void aSplitTakesTheParticipantsOnlyItsSourcesSupport() {
        String xName = Api.unique("Kestrel");
        String yName = Api.unique("Osprey");
        String zName = Api.unique("Merlin");
        String x = Api.actor(xName, "person");
        String y = Api.actor(yName, "person");
        String z = Api.actor(zName, "person");
        String unnamed = Api.actor(Api.unique("Unnamed"), "country");
        String stays = xName + " met " + yName + " on Monday.";
        String leaves = xName + " and " + zName.toUpperCase() + " spoke by phone.";
        String e = given().contentType(ContentType.JSON).body(Map.of("type", "meeting", "title", "Talks", "date", "2024-05-06",
                        "status", "extracted",
                        "participants", List.of(Map.of("actor", x, "role", "initiator"), Map.of("actor", y, "role", "target"),
                                Map.of("actor", z, "role", "participant"), Map.of("actor", unnamed, "role", "host")),
                        "sources", List.of(Map.of("url", "https://split.example.org/1", "quote", stays),
                                Map.of("url", "https://split.example.org/2", "quote", leaves))))
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
        String out = get(e).getList("sources", Map.class).stream().filter(s -> leaves.equals(s.get("quote")))
                .map(s -> (String) s.get("id")).findFirst().orElseThrow();

        JsonPath made = given().contentType(ContentType.JSON).body(Map.of("sources", List.of(out))).post("/api/v1/events/" + e + "/split")
                .then().statusCode(201).extract().jsonPath();
        assertThat(made.getList("participants.actor.id", String.class)).containsExactlyInAnyOrder(x, z, unnamed);
        assertThat(made.getList("participants.findAll { it.actor.id == '" + z + "' }.role", String.class)).containsExactly("participant");
        assertThat(made.getList("participants.findAll { it.actor.id == '" + x + "' }.role", String.class)).containsExactly("initiator");
        JsonPath original = get(e);
        assertThat(original.getList("participants.actor.id", String.class)).containsExactlyInAnyOrder(x, y, unnamed);
        assertThat(original.getList("sources.quote", String.class)).containsExactly(stays);
        // the actors' timelines follow: the one who left is in the new event only
        assertThat(given().get("/api/v1/actors/" + z + "/timeline").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).containsExactly(made.getString("id"));
    }

    /**
     * Undo by split restores exactly even where the participants' support would say otherwise: a participant the
     * merged event had without any source naming it goes back with it and leaves the target.
     */
    @Test
    void undoingAMergeBySplitRestoresParticipantsExactlyWhateverTheQuotesName() {
        String aName = Api.unique("Heron");
        String bName = Api.unique("Egret");
        String a = Api.actor(aName, "person");
        String b = Api.actor(bName, "person");
        String silent = Api.actor(Api.unique("Silent"), "organization");
        String first = event("A meets B", List.of(a, b, silent), List.of(aName + " met " + bName + "."), null);
        String second = event("B speaks", List.of(b), List.of(bName + " spoke of " + aName + "."), null);
        Map<String, Object> firstBefore = shape(get(first));
        Map<String, Object> secondBefore = shape(get(second));
        merge(first, second, 200);
        assertThat(get(second).getList("participants.actor.id", String.class)).containsExactlyInAnyOrder(a, b, silent);

        List<String> brought = ((List<Map<String, Object>>) (List<?>) firstBefore.get("sources")).stream()
                .map(s -> (String) s.get("id")).toList();
        given().contentType(ContentType.JSON).body(Map.of("sources", brought)).post("/api/v1/events/" + second + "/split")
                .then().statusCode(201).body("id", equalTo(first));
        assertThat(shape(get(first))).isEqualTo(firstBefore);
        Map<String, Object> secondAfter = shape(get(second));
        secondAfter.remove("version");
        secondBefore.remove("version");
        assertThat(secondAfter).isEqualTo(secondBefore);
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
