package news.timeline.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static news.timeline.articles.EditorialFixture.get;
import static news.timeline.articles.EditorialFixture.list;
import static news.timeline.articles.EditorialFixture.meeting;
import static news.timeline.articles.EditorialFixture.meetingOf;
import static news.timeline.articles.EditorialFixture.read;
import static news.timeline.articles.EditorialFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code DELETE /api/v1/articles/{id}}: an article is taken back without taking editors' work with it. */
@QuarkusTest
class ArticleRetractionTest {

    private static JsonNode retract(String articleId) {
        return read(given().delete("/api/v1/articles/" + articleId).then().statusCode(200).extract().asString());
    }

    private static String id(JsonNode answer) {
        return answer.get("article").get("id").asText();
    }

    private static List<String> changes(Instant since, String entity, String action) {
        List<String> ids = new ArrayList<>();
        get("/api/v1/changes?since=" + since + "&entity=" + entity + "&action=" + action + "&limit=1000")
                .get("items").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    @Test
    void retractingOneOfTwoReportsKeepsTheEventWithTheOtherSource() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        EditorialFixture.introduce(pair);
        JsonNode first = submit(meeting(pair, 0), 201);
        JsonNode second = submit(meeting(pair, 1), 201);
        String event = meetingOf(first, pair).get("id").asText();
        assertThat(meetingOf(second, pair).get("id").asText()).as("the second report is a source of the same event").isEqualTo(event);

        Instant before = Instant.now().minusSeconds(1);
        JsonNode r = retract(id(first));
        assertThat(EditorialFixture.texts(r.get("updatedEvents"))).contains(event);
        assertThat(EditorialFixture.texts(r.get("deleted").get("events"))).doesNotContain(event);

        JsonNode stored = get("/api/v1/events/" + event);
        assertThat(list(stored.get("sources")).stream().map(s -> s.get("articleId").asText()).toList()).containsExactly(id(second));
        given().get("/api/v1/articles/" + id(first)).then().statusCode(404);
        assertThat(changes(before, "article", "deleted")).contains(id(first));
        assertThat(changes(before, "event", "updated")).contains(event);
        // the ministers still take part in the kept event and stay
        for (JsonNode p : stored.get("participants")) {
            given().get("/api/v1/actors/" + p.get("actor").get("id").asText()).then().statusCode(200);
        }
    }

    @Test
    void retractingTheOnlyReportRemovesWhatItAloneFoundAndTheFeedSaysSo() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        JsonNode intro = EditorialFixture.introduce(pair);
        JsonNode only = submit(meeting(pair, 0), 201);
        JsonNode meeting = meetingOf(only, pair);
        String event = meeting.get("id").asText();
        List<String> ministers = list(meeting.get("participants")).stream()
                .filter(p -> p.get("actor").get("name").asText().startsWith("Talvor")
                        || p.get("actor").get("name").asText().startsWith("Mardo"))
                .map(p -> p.get("actor").get("id").asText()).toList();
        assertThat(ministers).hasSize(2);

        Instant before = Instant.now().minusSeconds(1);
        JsonNode r = retract(id(only));
        assertThat(EditorialFixture.texts(r.get("deleted").get("events"))).containsExactly(event);
        given().get("/api/v1/events/" + event).then().statusCode(404);
        // the ministers are still named by the article that introduced them
        assertThat(EditorialFixture.texts(r.get("deleted").get("actors"))).doesNotContainAnyElementsOf(ministers);
        ministers.forEach(m -> given().get("/api/v1/actors/" + m).then().statusCode(200));

        r = retract(id(intro));
        assertThat(EditorialFixture.texts(r.get("deleted").get("actors"))).containsAll(ministers);
        ministers.forEach(m -> given().get("/api/v1/actors/" + m).then().statusCode(404));
        assertThat(changes(before, "event", "deleted")).contains(event);
        assertThat(changes(before, "actor", "deleted")).containsAll(ministers);
        // whatever else went is gone, and each deletion is in the feed
        for (String actor : EditorialFixture.texts(r.get("deleted").get("actors"))) {
            given().get("/api/v1/actors/" + actor).then().statusCode(404);
            assertThat(changes(before, "actor", "deleted")).contains(actor);
        }
    }

    @Test
    void confirmedEditedAndRejectedEventsOutliveTheirOnlyArticle() {
        Map<String, Map<String, Object>> decisions = Map.of(
                "confirmed", Map.of("status", "confirmed"),
                "rejected", Map.of("status", "rejected"),
                "edited", Map.of("title", "Edited by the desk"));
        for (var d : decisions.entrySet()) {
            EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
            JsonNode only = submit(meeting(pair, 0), 201);
            String event = meetingOf(only, pair).get("id").asText();
            given().contentType(ContentType.JSON).body(d.getValue()).patch("/api/v1/events/" + event).then().statusCode(200);

            JsonNode r = retract(id(only));
            assertThat(list(r.get("kept")).stream().filter(k -> k.get("id").asText().equals(event)).findFirst().orElseThrow()
                    .get("reason").asText()).as(d.getKey()).isEqualTo(d.getKey());
            JsonNode stored = get("/api/v1/events/" + event);
            assertThat(stored.get("sources").size()).isZero();
            assertThat(stored.get("participants").size()).as("its participants stay with it").isGreaterThanOrEqualTo(2);
            if (d.getKey().equals("edited")) {
                assertThat(stored.get("title").asText()).isEqualTo("Edited by the desk");
            } else {
                assertThat(stored.get("status").asText()).isEqualTo(d.getKey());
            }
        }
    }

    @Test
    void anArticleSubmittedAgainAfterItsRetractionIsAFirstSubmission() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        EditorialFixture.introduce(pair);
        ObjectNode in = meeting(pair, 0);
        in.put("url", "https://retracted.example.org/" + UUID.randomUUID());
        JsonNode first = submit(in, 201);
        String event = meetingOf(first, pair).get("id").asText();
        given().contentType(ContentType.JSON).body(Map.of("status", "confirmed")).patch("/api/v1/events/" + event).then().statusCode(200);
        retract(id(first));

        JsonNode again = submit(in, 201);
        assertThat(id(again)).isNotEqualTo(id(first));
        // the confirmed event was kept, and the article is its source again rather than a twin of it
        JsonNode meeting = meetingOf(again, pair);
        assertThat(meeting.get("id").asText()).isEqualTo(event);
        assertThat(meeting.get("status").asText()).isEqualTo("confirmed");
        assertThat(list(meeting.get("sources")).stream().map(s -> s.get("articleId").asText()).toList()).containsExactly(id(again));
    }

    @Test
    void unknownArticlesAre404Problems() {
        given().delete("/api/v1/articles/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().delete("/api/v1/articles/not-an-id").then().statusCode(404);
    }
}
