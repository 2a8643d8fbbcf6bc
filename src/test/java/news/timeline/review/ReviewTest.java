package news.timeline.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** {@code GET /api/v1/review} and the decisions on its events. */
@QuarkusTest
class ReviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Random RANDOM = new Random();

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(String path) {
        return read(given().get(path).then().statusCode(200).extract().asString());
    }

    private static String name() {
        String letters = "bdklmnrstv";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append(letters.charAt(RANDOM.nextInt(letters.length()))).append("aeiou".charAt(RANDOM.nextInt(5)));
        }
        return Character.toUpperCase(b.charAt(0)) + b.substring(1) + "n";
    }

    /** Submits a report of a meeting of two invented ministers; answers (article id, the meeting's id). */
    private static String[] meeting() {
        String a = "Talvor " + name();
        String b = "Mardo " + name();
        ObjectNode in = JSON.createObjectNode();
        in.put("title", "Ministers meet in Riga");
        in.put("body", "Latvian Foreign Minister " + a + " met Lithuanian Foreign Minister " + b + " in Riga on Tuesday, "
                + "the two ministries said.\n\nRef " + UUID.randomUUID());
        in.put("publishedAt", "2024-03-14");
        JsonNode r = read(given().contentType(ContentType.JSON).body(in.toString()).post("/api/v1/articles")
                .then().statusCode(201).extract().asString());
        JsonNode event = StreamSupport.stream(r.get("events").spliterator(), false)
                .filter(e -> e.get("type").asText().equals("meeting")).findFirst().orElseThrow();
        return new String[]{r.get("article").get("id").asText(), event.get("id").asText()};
    }

    private static JsonNode queueItem(String order, String event) {
        return StreamSupport.stream(get("/api/v1/review?order=" + order + "&limit=1000").get("items").spliterator(), false)
                .filter(i -> i.get("event").get("id").asText().equals(event)).findFirst().orElse(null);
    }

    private static List<JsonNode> feed(Instant since, String event) {
        return StreamSupport.stream(get("/api/v1/changes?since=" + since + "&entity=event&limit=1000").get("items").spliterator(), false)
                .filter(c -> c.get("id").asText().equals(event)).toList();
    }

    @Test
    void listsUndecidedEventsWithTheirEvidenceNewestFirstOrLeastConfidentFirst() {
        String[] m = meeting();
        JsonNode item = queueItem("newest", m[1]);
        assertThat(item).as("a new extracted event is in the queue").isNotNull();
        JsonNode evidence = item.get("evidence").get(0);
        assertThat(evidence.get("articleId").asText()).isEqualTo(m[0]);
        assertThat(evidence.get("articleTitle").asText()).isEqualTo("Ministers meet in Riga");
        assertThat(evidence.get("quote").asText()).contains("met Lithuanian Foreign Minister");
        assertThat(evidence.get("end").asInt()).isGreaterThan(evidence.get("start").asInt());
        assertThat(item.get("event").get("status").asText()).isEqualTo("extracted");
        assertThat(queueItem("confidence", m[1])).isNotNull();

        JsonNode first = get("/api/v1/review?limit=3");
        List<Double> confidences = new java.util.ArrayList<>();
        first.get("items").forEach(i -> confidences.add(i.get("event").get("confidence").asDouble()));
        if (!first.get("next").isNull()) {
            get("/api/v1/review?limit=3&cursor=" + first.get("next").asText()).get("items")
                    .forEach(i -> confidences.add(i.get("event").get("confidence").asDouble()));
        }
        assertThat(confidences).isSorted();
        JsonNode newest = get("/api/v1/review?order=newest&limit=3");
        List<String> created = StreamSupport.stream(newest.get("items").spliterator(), false)
                .map(i -> i.get("event").get("createdAt").asText()).toList();
        assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        if (!newest.get("next").isNull()) {
            // a cursor of one order is refused by the other
            given().get("/api/v1/review?order=confidence&cursor=" + newest.get("next").asText()).then().statusCode(400)
                    .body("errors.field", hasItem("cursor"));
        }
    }

    @Test
    void aDecisionKeepsItsReasonLeavesTheQueueAndIsInTheFeed() {
        String[] m = meeting();
        Instant before = Instant.now().minusSeconds(1);
        given().contentType(ContentType.JSON).body(Map.of("reason", "two wires confirm it")).post("/api/v1/events/" + m[1] + "/confirm")
                .then().statusCode(200).body("status", equalTo("confirmed"));
        assertThat(queueItem("newest", m[1])).isNull();
        JsonNode decision = feed(before, m[1]).stream().filter(c -> c.hasNonNull("status")).findFirst().orElseThrow();
        assertThat(decision.get("action").asText()).isEqualTo("updated");
        assertThat(decision.get("status").asText()).isEqualTo("confirmed");
        assertThat(decision.get("reason").asText()).isEqualTo("two wires confirm it");
        assertThat(decision.get("by").isNull()).as("keys are not configured here").isTrue();
        JsonNode review = StreamSupport.stream(get("/api/v1/articles/" + m[0]).get("review").spliterator(), false)
                .filter(r -> r.get("id").asText().equals(m[1])).findFirst().orElseThrow();
        assertThat(review.get("status").asText()).isEqualTo("confirmed");
        assertThat(review.get("reason").asText()).isEqualTo("two wires confirm it");
        assertThat(review.get("decidedAt").isNull()).isFalse();

        // rejecting needs no body; a PATCH of the status is a decision too
        given().post("/api/v1/events/" + m[1] + "/reject").then().statusCode(200).body("status", equalTo("rejected"));
        given().contentType(ContentType.JSON).body(Map.of("status", "extracted")).patch("/api/v1/events/" + m[1]).then().statusCode(200);
        assertThat(feed(before, m[1]).stream().filter(c -> c.hasNonNull("status")).map(c -> c.get("status").asText()).toList())
                .containsExactly("confirmed", "rejected", "extracted");
        assertThat(queueItem("newest", m[1])).as("taken back, it awaits a decision again").isNotNull();
    }

    @Test
    void refusesBadInput() {
        given().get("/api/v1/review?order=best").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("order"));
        given().get("/api/v1/review?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().get("/api/v1/review?cursor=junk").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().post("/api/v1/events/" + UUID.randomUUID() + "/confirm").then().statusCode(404).contentType("application/problem+json");
        String event = read(given().contentType(ContentType.JSON).body(Map.of("type", "meeting", "title", "Review input " + UUID.randomUUID(),
                "date", "2024-03-12", "status", "extracted")).post("/api/v1/events").then().statusCode(201).extract().asString()).get("id").asText();
        given().contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(2001))).post("/api/v1/events/" + event + "/reject")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("why", "typo")).post("/api/v1/events/" + event + "/reject")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"reason\": ").post("/api/v1/events/" + event + "/reject")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/events/" + event).then().statusCode(200).body("status", equalTo("extracted"));
    }
}
