package news.timeline.events;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import news.timeline.support.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that keeps a copy of the events follows {@code GET /api/v1/changes} through merges, splits, decisions and
 * deletions, and ends with what the service has.
 */
@QuarkusTest
class ChangeFeedReplayTest {

    private static String event(String actor, String quote) {
        return given().contentType(ContentType.JSON).body(Map.of("type", "meeting", "title", "Replay " + quote, "date", "2024-05-02",
                        "status", "extracted", "participants", List.of(Map.of("actor", actor)),
                        "sources", List.of(Map.of("url", "https://replay.example.org/" + UUID.randomUUID(), "quote", quote))))
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
    }

    @Test
    void replayingTheFeedIntoACopyGivesWhatTheServiceHas() {
        Instant since = Instant.now().minusSeconds(1);
        String actor = Api.actor(Api.unique("Replay"), "person");
        String a = event(actor, "a");
        String b = event(actor, "b");
        String c = event(actor, "c");
        String d = event(actor, "d");
        List<String> aSources = given().get("/api/v1/events/" + a).then().extract().path("sources.id");
        given().contentType(ContentType.JSON).body(Map.of("into", b)).post("/api/v1/events/" + a + "/merge").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("into", b)).post("/api/v1/events/" + c + "/merge").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("sources", aSources)).post("/api/v1/events/" + b + "/split").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("reason", "replayed")).post("/api/v1/events/" + b + "/confirm").then().statusCode(200);
        given().post("/api/v1/events/" + a + "/reject").then().statusCode(200);
        given().delete("/api/v1/events/" + d).then().statusCode(204);

        Map<String, Map<String, Object>> copy = new HashMap<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            Response page = given().get("/api/v1/changes?entity=event&limit=1000&since=" + since + (cursor == null ? "" : "&cursor=" + cursor));
            List<Map<String, Object>> items = page.then().statusCode(200).extract().path("items");
            for (Map<String, Object> ch : items) {
                String id = (String) ch.get("id");
                if (!List.of(a, b, c, d).contains(id)) {
                    continue;
                }
                seen.add(id);
                switch ((String) ch.get("action")) {
                    case "created", "updated" -> {
                        Response r = given().get("/api/v1/events/" + id);
                        if (r.statusCode() == 200) {
                            copy.put(id, r.jsonPath().getMap(""));
                        } else {
                            copy.remove(id);
                        }
                    }
                    case "deleted" -> copy.remove(id);
                    case "merged" -> {
                        copy.remove(id);
                        assertThat(ch.get("mergedInto")).isEqualTo(b);
                    }
                    default -> throw new AssertionError(ch);
                }
            }
            cursor = page.jsonPath().getString("next");
        } while (cursor != null);

        assertThat(seen).containsExactlyInAnyOrder(a, b, c, d);
        assertThat(copy.keySet()).containsExactlyInAnyOrder(a, b);
        for (String id : List.of(a, b)) {
            assertThat(copy.get(id)).isEqualTo(given().get("/api/v1/events/" + id).then().statusCode(200).extract().jsonPath().getMap(""));
        }
        given().get("/api/v1/events/" + c).then().statusCode(404);
        assertThat(copy.get(a).get("status")).isEqualTo("rejected");
        assertThat(copy.get(b).get("status")).isEqualTo("confirmed");
    }

    /**
     * Through a re-extraction and a retraction: the retracted article's events go (deleted) unless an editor
     * confirmed one or another article reports it (updated, without the article's sources); a copy replaying the
     * feed ends with the service's events.
     */
    @Test
    void replayingTheFeedThroughAReextractionAndARetractionGivesWhatTheServiceHas() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        com.fasterxml.jackson.databind.JsonNode seed;
        try (var in = ChangeFeedReplayTest.class.getResourceAsStream("/articles/seed.json")) {
            seed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        String line = "Replay " + UUID.randomUUID();
        var stored = given().contentType(ContentType.JSON).body(Map.of("title", line, "publishedAt",
                        seed.get("published_at").asText(), "body", seed.get("body").asText() + "\n\n" + line + "."))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath();
        String article = stored.getString("article.id");
        List<String> events = stored.getList("events.id");
        assertThat(events).isNotEmpty();
        given().contentType(ContentType.JSON).body(Map.of("reason", "kept")).post("/api/v1/events/" + events.get(0) + "/confirm")
                .then().statusCode(200);
        given().post("/api/v1/articles/" + article + "/reextract").then().statusCode(200);
        given().delete("/api/v1/articles/" + article).then().statusCode(200);

        Map<String, Map<String, Object>> copy = new HashMap<>();
        String cursor = null;
        do {
            Response page = given().get("/api/v1/changes?entity=event&limit=1000&since=" + since + (cursor == null ? "" : "&cursor=" + cursor));
            for (Map<String, Object> ch : page.then().statusCode(200).extract().<List<Map<String, Object>>>path("items")) {
                String id = (String) ch.get("id");
                if (!events.contains(id)) {
                    continue;
                }
                switch ((String) ch.get("action")) {
                    case "created", "updated" -> {
                        Response r = given().get("/api/v1/events/" + id);
                        if (r.statusCode() == 200) {
                            copy.put(id, r.jsonPath().getMap(""));
                        } else {
                            copy.remove(id);
                        }
                    }
                    case "deleted", "merged" -> copy.remove(id);
                    default -> throw new AssertionError(ch);
                }
            }
            cursor = page.jsonPath().getString("next");
        } while (cursor != null);

        assertThat(copy).containsKey(events.get(0));
        for (String id : events) {
            Response r = given().get("/api/v1/events/" + id);
            if (r.statusCode() == 200) {
                Map<String, Object> now = r.jsonPath().getMap("");
                assertThat(copy.get(id)).as("copy of " + id).isEqualTo(now);
                assertThat(r.jsonPath().<String>getList("sources.articleId")).as("sources of " + id).doesNotContain(article);
            } else {
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(copy).as("copy of a deleted event").doesNotContainKey(id);
            }
        }
    }
}
