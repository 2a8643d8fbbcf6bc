package news.timeline.articles;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.timeline.support.Sql;

import static io.restassured.RestAssured.given;
import static news.timeline.articles.EditorialFixture.get;
import static news.timeline.articles.EditorialFixture.list;
import static news.timeline.articles.EditorialFixture.meeting;
import static news.timeline.articles.EditorialFixture.meetingOf;
import static news.timeline.articles.EditorialFixture.read;
import static news.timeline.articles.EditorialFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** {@code POST /api/v1/articles/{id}/reextract}: the current extractor over stored text, never over an editor. */
@QuarkusTest
class ReextractionTest {

    private static final String OLD = "timeline-extraction-en/0.1.0";

    @Inject
    DataSource db;

    private static JsonNode reextract(String article, String query) {
        return read(given().post("/api/v1/articles/" + article + "/reextract" + query).then().statusCode(200).extract().asString());
    }

    private static String id(JsonNode answer) {
        return answer.get("article").get("id").asText();
    }

    private static boolean unchanged(JsonNode r) {
        return r.get("events").get("added").isEmpty() && r.get("events").get("removed").isEmpty()
                && r.get("events").get("changed").isEmpty() && r.get("actors").get("added").isEmpty()
                && r.get("actors").get("removed").isEmpty() && r.get("agreements").get("added").isEmpty()
                && r.get("agreements").get("removed").isEmpty();
    }

    private void sql(String statement, Object... params) {
        Sql.update(db, statement, params);
    }

    /**
     * An event an older extractor found in the article and the current one does not: stored as extraction stores
     * one (no editor's mark), with the old version on its source and on the article.
     */
    private String oldExtractorsEvent(String article, String title) {
        String event = read(given().contentType(ContentType.JSON).body(Map.of("type", "statement", "title", title,
                        "date", "2024-03-13", "status", "extracted", "confidence", 0.4,
                        "sources", List.of(Map.of("articleId", article, "quote", "The ministers discussed energy",
                                "start", 132, "end", 162, "ruleId", "events.old.rule", "extractorVersion", OLD))))
                .post("/api/v1/events").then().statusCode(201).extract().asString()).get("id").asText();
        sql("update events set edited_at = null where id = ?", UUID.fromString(event));
        sql("update articles set extractor_version = ? where id = ?", OLD, UUID.fromString(article));
        return event;
    }

    @Test
    void aSecondRunChangesNothing() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        JsonNode stored = submit(meeting(pair, 0), 201);
        String article = id(stored);
        JsonNode first = reextract(article, "");
        assertThat(first.get("dryRun").asBoolean()).isFalse();
        assertThat(first.get("extractorVersion").asText()).isEqualTo(stored.get("article").get("extractorVersion").asText());

        JsonNode afterFirst = get("/api/v1/articles/" + article);
        Instant between = Instant.now().minusMillis(1);
        JsonNode second = reextract(article, "");
        assertThat(unchanged(second)).as(second.toString()).isTrue();
        assertThat(second.get("kept").isEmpty()).isTrue();
        JsonNode feed = get("/api/v1/changes?since=" + between + "&limit=1000");
        assertThat(list(feed.get("items")).stream().map(c -> c.get("id").asText()).toList())
                .as("a run that changes nothing writes nothing").doesNotContain(article)
                .doesNotContainAnyElementsOf(list(stored.get("events")).stream().map(e -> e.get("id").asText()).toList());
        // and the article's facts are as the first run left them
        assertThat(get("/api/v1/articles/" + article).get("events")).isEqualTo(afterFirst.get("events"));
    }

    @Test
    void keepsAnEditorsPatchAndReportsWhatAnOlderExtractorFoundAndTheCurrentOneDoesNot() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        JsonNode stored = submit(meeting(pair, 0), 201);
        String article = id(stored);
        String meetingId = meetingOf(stored, pair).get("id").asText();
        given().contentType(ContentType.JSON).body(Map.of("title", "Talks in Tallinn (desk)", "date", "2024-03")).patch("/api/v1/events/" + meetingId)
                .then().statusCode(200);
        String stale = oldExtractorsEvent(article, "Old reading " + UUID.randomUUID());
        String staleConfirmed = oldExtractorsEvent(article, "Old confirmed reading " + UUID.randomUUID());
        given().contentType(ContentType.JSON).body(Map.of("status", "confirmed")).patch("/api/v1/events/" + staleConfirmed)
                .then().statusCode(200);

        JsonNode dry = reextract(article, "?dryRun=true");
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("extractorVersionBefore").asText()).isEqualTo(OLD);
        assertThat(list(dry.get("events").get("removed")).stream().map(x -> x.get("id").asText()).toList()).containsExactly(stale);
        // nothing was stored
        given().get("/api/v1/events/" + stale).then().statusCode(200);
        assertThat(get("/api/v1/articles/" + article).get("article").get("extractorVersion").asText()).isEqualTo(OLD);

        JsonNode r = reextract(article, "");
        JsonNode removed = list(r.get("events").get("removed")).stream().filter(x -> x.get("id").asText().equals(stale))
                .findFirst().orElseThrow();
        assertThat(removed.get("deleted").asBoolean()).as("it had no other source").isTrue();
        assertThat(removed.get("before").get("title").asText()).startsWith("Old reading");
        given().get("/api/v1/events/" + stale).then().statusCode(404);
        assertThat(list(r.get("kept")).stream().filter(k -> k.get("id").asText().equals(staleConfirmed)).findFirst()
                .orElseThrow().get("reason").asText()).isEqualTo("confirmed");
        given().get("/api/v1/events/" + staleConfirmed).then().statusCode(200).body("status", equalTo("confirmed"))
                .body("sources.size()", equalTo(1));
        // the editor's patch stands, and the event is not reported as changed in its fields
        JsonNode meeting = get("/api/v1/events/" + meetingId);
        assertThat(meeting.get("title").asText()).isEqualTo("Talks in Tallinn (desk)");
        assertThat(meeting.get("date").get("value").asText()).isEqualTo("2024-03");
        assertThat(list(meeting.get("sources")).stream().map(s -> s.get("extractorVersion").asText()).toList())
                .containsOnly(r.get("extractorVersion").asText());
        assertThat(get("/api/v1/articles/" + article).get("article").get("extractorVersion").asText())
                .isEqualTo(r.get("extractorVersion").asText());
        assertThat(unchanged(reextract(article, ""))).isTrue();
    }

    @Test
    void anUntouchedEventTakesTheNewReadingAndTheAnswerShowsBeforeAndAfter() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        JsonNode stored = submit(meeting(pair, 0), 201);
        String article = id(stored);
        String meetingId = meetingOf(stored, pair).get("id").asText();
        // what an older extractor could have stored: another title and a month for the day
        sql("update events set title = 'Old title', date_value = '2024-03', date_precision = 'month', date_start = '2024-03-01', "
                + "date_end = '2024-03-31' where id = ?", UUID.fromString(meetingId));
        sql("update event_participants set event_start = '2024-03-01', event_end = '2024-03-31' where event_id = ?", UUID.fromString(meetingId));

        JsonNode r = reextract(article, "");
        JsonNode changed = list(r.get("events").get("changed")).stream().filter(c -> c.get("id").asText().equals(meetingId))
                .findFirst().orElseThrow();
        assertThat(changed.get("before").get("title").asText()).isEqualTo("Old title");
        assertThat(changed.get("before").get("date").get("value").asText()).isEqualTo("2024-03");
        assertThat(changed.get("after").get("date").get("value").asText()).isEqualTo("2024-03-12");
        assertThat(get("/api/v1/events/" + meetingId).get("date").get("value").asText()).isEqualTo("2024-03-12");
    }

    @Test
    void aRejectedEventNeverComesBack() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        EditorialFixture.introduce(pair);
        JsonNode stored = submit(meeting(pair, 0), 201);
        String meetingId = meetingOf(stored, pair).get("id").asText();
        given().contentType(ContentType.JSON).body(Map.of("status", "rejected")).patch("/api/v1/events/" + meetingId)
                .then().statusCode(200);

        JsonNode r = reextract(id(stored), "");
        assertThat(r.get("events").get("added").isEmpty()).as(r.toString()).isTrue();
        given().get("/api/v1/events/" + meetingId).then().statusCode(200).body("status", equalTo("rejected"));

        // another article reporting it attaches to the rejected event
        JsonNode other = submit(meeting(pair, 1), 201);
        JsonNode again = meetingOf(other, pair);
        assertThat(again.get("id").asText()).isEqualTo(meetingId);
        assertThat(again.get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void unknownArticlesAndBadFlagsAreProblems() {
        given().post("/api/v1/articles/" + UUID.randomUUID() + "/reextract").then().statusCode(404)
                .contentType("application/problem+json");
        JsonNode stored = submit(meeting(EditorialFixture.Pair.invent(), 0), 201);
        given().post("/api/v1/articles/" + id(stored) + "/reextract?dryRun=yes").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("dryRun"));
    }
}
