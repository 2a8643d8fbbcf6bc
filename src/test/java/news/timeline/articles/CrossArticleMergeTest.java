package news.timeline.articles;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.timeline.support.Sql;

import static io.restassured.RestAssured.given;
import static news.timeline.articles.EditorialFixture.get;
import static news.timeline.articles.EditorialFixture.list;
import static news.timeline.articles.EditorialFixture.meeting;
import static news.timeline.articles.EditorialFixture.meetingOf;
import static news.timeline.articles.EditorialFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic cross-article de-duplication: an article reporting a happening joins the stored event, and when the
 * happening is stored twice (two events of one type, overlapping dates, the same participants, neither touched by an
 * editor) the report joins the two through the event merge, recorded as an editor's merge is and undone the same way.
 */
@QuarkusTest
class CrossArticleMergeTest {

    @Inject
    DataSource db;

    private void sql(String statement, Object... params) {
        Sql.update(db, statement, params);
    }

    /**
     * The meeting stored a second time, as extraction stores an event (no editor's mark): say before an actor merge
     * made its participants the same. Same type and participants, the month for the day (dates overlap, the
     * original is the nearer match of a report of the day). {@code status} confirmed leaves it protected.
     */
    private String storedAgain(JsonNode meeting, String status) {
        return storedAgain(meeting, status, "2024-03");
    }

    private String storedAgain(JsonNode meeting, String status, String date) {
        List<Map<String, Object>> participants = new ArrayList<>();
        meeting.get("participants").forEach(p -> participants.add(Map.of("actor", p.get("actor").get("id").asText(),
                "role", p.get("role").asText())));
        String quote = "The ministers met again, an older report said " + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).body(Map.of("type", "meeting", "title", "Ministers meet (stored again)",
                        "date", date, "status", status, "confidence", 0.5, "participants", participants,
                        "sources", List.of(Map.of("url", "https://again.example.org/" + UUID.randomUUID(), "quote", quote,
                                "start", 0, "end", quote.length()))))
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
        if ("extracted".equals(status)) {
            sql("update events set edited_at = null where id = ?", UUID.fromString(id));
        }
        return id;
    }

    private static Map<String, Object> shape(String id) {
        Map<String, Object> m = new HashMap<>(given().get("/api/v1/events/" + id).then().statusCode(200).extract().jsonPath().getMap(""));
        m.remove("updatedAt");
        return m;
    }

    private static List<Map<String, Object>> feed(Instant since, String id) {
        List<Map<String, Object>> items = given().get("/api/v1/changes?entity=event&limit=1000&since=" + since)
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(c -> id.equals(c.get("id"))).toList();
    }

    private static List<String> sourceIds(String event) {
        return given().get("/api/v1/events/" + event).then().statusCode(200).extract().jsonPath().getList("sources.id", String.class);
    }

    @Test
    void aReportOfAHappeningStoredTwiceMergesTheTwoAsAnEditorsMergeDoesAndASplitUndoesIt() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        EditorialFixture.introduce(pair);
        JsonNode first = submit(meeting(pair, 0), 201);
        String original = meetingOf(first, pair).get("id").asText();
        String twice = storedAgain(meetingOf(first, pair), "extracted");
        Map<String, Object> twiceBefore = shape(twice);
        List<String> twiceSources = sourceIds(twice);
        // the setup's own entries (the events created) are before this
        Instant since = Instant.now();

        JsonNode second = submit(meeting(pair, 1), 201);
        String secondArticle = second.get("article").get("id").asText();
        assertThat(meetingOf(second, pair).get("id").asText()).as("the nearer match stays").isEqualTo(original);
        given().get("/api/v1/events/" + twice).then().statusCode(404);
        JsonNode joined = get("/api/v1/events/" + original);
        List<String> articles = list(joined.get("sources")).stream().map(s -> s.path("articleId").asText(null)).toList();
        assertThat(articles).contains(first.get("article").get("id").asText(), secondArticle);
        assertThat(list(joined.get("sources")).stream().map(s -> s.get("id").asText()).toList()).containsAll(twiceSources);
        // recorded as an editor's merge is: merged with mergedInto, the target updated
        assertThat(feed(since, twice)).singleElement().satisfies(c -> {
            assertThat(c.get("action")).isEqualTo("merged");
            assertThat(c.get("mergedInto")).isEqualTo(original);
        });
        assertThat(feed(since, original)).extracting(c -> c.get("action")).contains("updated");
        // but it is no editor's work: the event stays as extraction left it (unprotected, still awaiting review)
        JsonNode review = list(get("/api/v1/articles/" + secondArticle).get("review")).stream()
                .filter(r -> r.get("id").asText().equals(original)).findFirst().orElseThrow();
        assertThat(review.get("status").asText()).isEqualTo("extracted");
        assertThat(review.get("editedAt").isNull()).as(review.toString()).isTrue();

        // undone like any merge: splitting out what it brought in gives the event back as it was
        given().contentType(ContentType.JSON).body(Map.of("sources", twiceSources)).post("/api/v1/events/" + original + "/split")
                .then().statusCode(201);
        assertThat(shape(twice)).isEqualTo(twiceBefore);
        // and a third report does not merge what an editor took apart (the split marked the original as an editor's
        // work, which alone would keep it out of automatic merges: the mark is taken off to test the undone merge)
        sql("update events set edited_at = null where id = ?", UUID.fromString(original));
        JsonNode third = submit(meeting(pair, 1), 201);
        assertThat(meetingOf(third, pair).get("id").asText()).isEqualTo(original);
        assertThat(sourceIds(twice)).containsExactlyInAnyOrderElementsOf(twiceSources);
    }

    @Test
    void aDismissedPairAndAnEventAnEditorDecidedOnAreNotMerged() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        EditorialFixture.introduce(pair);
        JsonNode first = submit(meeting(pair, 0), 201);
        String original = meetingOf(first, pair).get("id").asText();
        String dismissed = storedAgain(meetingOf(first, pair), "extracted");
        String confirmed = storedAgain(meetingOf(first, pair), "confirmed");
        given().contentType(ContentType.JSON).body(Map.of("event", dismissed, "other", original, "reason", "another meeting"))
                .post("/api/v1/review/merge-suggestions/dismissals").then().statusCode(201);
        List<String> dismissedSources = sourceIds(dismissed);
        List<String> confirmedSources = sourceIds(confirmed);
        int originalSources = sourceIds(original).size();
        // the setup's own entries (the events created) are before this
        Instant since = Instant.now();

        JsonNode second = submit(meeting(pair, 1), 201);
        assertThat(meetingOf(second, pair).get("id").asText()).isEqualTo(original);
        assertThat(sourceIds(original)).hasSizeGreaterThan(originalSources);
        assertThat(sourceIds(dismissed)).containsExactlyElementsOf(dismissedSources);
        assertThat(sourceIds(confirmed)).containsExactlyElementsOf(confirmedSources);
        assertThat(feed(since, dismissed)).isEmpty();
        assertThat(feed(since, confirmed)).isEmpty();
    }

    /**
     * Re-extraction stores an unpaired reading as ingest does, so it joins the same way: here the article's own
     * event (read by an older extractor at another span and as the month only) and a stored event of the day are
     * one happening; the new reading merges the article's event into the nearer one, and the run does not trip
     * over the event that went.
     */
    @Test
    void aReextractionWhoseNewReadingJoinsTheArticlesEventToAnotherMergesThemAndSucceeds() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        EditorialFixture.introduce(pair);
        JsonNode first = submit(meeting(pair, 0), 201);
        String article = first.get("article").get("id").asText();
        String own = meetingOf(first, pair).get("id").asText();
        int length = get("/api/v1/articles/" + article).get("article").get("text").asText().length();
        sql("update events set date_value = '2024-03', date_precision = 'month', date_start = '2024-03-01', date_end = '2024-03-31' "
                + "where id = ?", UUID.fromString(own));
        sql("update event_participants set event_start = '2024-03-01', event_end = '2024-03-31' where event_id = ?", UUID.fromString(own));
        sql("update event_sources set start_offset = ?, end_offset = ? where event_id = ? and article_id = ?", length - 4, length,
                UUID.fromString(own), UUID.fromString(article));
        String other = storedAgain(meetingOf(first, pair), "extracted", "2024-03-12");
        Instant since = Instant.now();

        JsonNode r = EditorialFixture.read(given().post("/api/v1/articles/" + article + "/reextract").then().statusCode(200)
                .extract().asString());
        given().get("/api/v1/events/" + own).then().statusCode(404);
        assertThat(feed(since, own)).singleElement().satisfies(c -> {
            assertThat(c.get("action")).isEqualTo("merged");
            assertThat(c.get("mergedInto")).isEqualTo(other);
        });
        assertThat(list(get("/api/v1/events/" + other).get("sources")).stream().map(s -> s.path("articleId").asText(""))
                .toList()).as(r.toString()).contains(article);
        assertThat(list(get("/api/v1/articles/" + article).get("events")).stream().map(e -> e.get("id").asText()).toList())
                .contains(other).doesNotContain(own);
        // the older source the merge brought along was replaced by the new reading: a second run changes nothing
        assertThat(list(get("/api/v1/events/" + other).get("sources")).stream().filter(s -> s.path("articleId").asText("").equals(article))
                .map(s -> s.get("start").asInt()).toList()).doesNotContain(length - 4);
        JsonNode again = EditorialFixture.read(given().post("/api/v1/articles/" + article + "/reextract").then().statusCode(200)
                .extract().asString());
        assertThat(again.get("events").get("added").isEmpty() && again.get("events").get("removed").isEmpty()
                && again.get("events").get("changed").isEmpty()).as(again.toString()).isTrue();
    }
}
