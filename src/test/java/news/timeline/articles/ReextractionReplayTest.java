package news.timeline.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import news.timeline.support.Sql;

import static io.restassured.RestAssured.given;
import static news.timeline.articles.EditorialFixture.JSON;
import static news.timeline.articles.EditorialFixture.get;
import static news.timeline.articles.EditorialFixture.list;
import static news.timeline.articles.EditorialFixture.meetingOf;
import static news.timeline.articles.EditorialFixture.read;
import static news.timeline.articles.EditorialFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that keeps a copy follows {@code GET /api/v1/changes} through a re-extraction that really changes facts:
 * the article's stored facts are made to look like an older extractor's output (an event it found and the current
 * one does not, an actor likewise, an event it did not find, an event it read with another title and date), then
 * the article is re-extracted. The copy, taken before and brought up to date from the feed alone, ends with what the
 * service has: every created, changed and deleted fact is in the feed.
 */
@QuarkusTest
class ReextractionReplayTest {

    private static final String OLD = "timeline-extraction-en/0.1.0";

    @Inject
    DataSource db;

    private void sql(String statement, Object... params) {
        Sql.update(db, statement, params);
    }

    private static ObjectNode article(EditorialFixture.Pair p) {
        ObjectNode in = JSON.createObjectNode();
        in.put("title", "Ministers in Tallinn and Riga");
        in.put("body", "Finnish Foreign Minister " + p.a() + " met Estonian Foreign Minister " + p.b() + " in Tallinn on Tuesday, "
                + "the two ministries said. On Wednesday, " + p.a() + " visited Riga. " + p.b() + " accused Russia of jamming "
                + "GPS signals over the Baltic Sea on Thursday.\n\nRef " + UUID.randomUUID());
        in.put("publishedAt", "2024-03-14");
        return in;
    }

    /** What the copy holds of one fact: its answer, or null when the service answers 404. */
    private static Map<String, Object> fetch(String key) {
        String[] k = key.split(":", 2);
        Response r = given().get("/api/v1/" + ("event".equals(k[0]) ? "events" : "actors") + "/" + k[1]);
        if (r.statusCode() == 404) {
            return null;
        }
        assertThat(r.statusCode()).as(key).isEqualTo(200);
        return r.jsonPath().getMap("");
    }

    private static Set<String> factsOf(String article) {
        JsonNode a = get("/api/v1/articles/" + article);
        Set<String> keys = new LinkedHashSet<>();
        list(a.get("events")).forEach(e -> keys.add("event:" + e.get("id").asText()));
        list(a.get("actors")).forEach(e -> keys.add("actor:" + e.get("id").asText()));
        return keys;
    }

    @Test
    void replayingTheFeedThroughAReextractionThatAddsRemovesAndChangesFactsGivesWhatTheServiceHas() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        JsonNode stored = submit(article(pair), 201);
        String article = stored.get("article").get("id").asText();
        String changedId = meetingOf(stored, pair).get("id").asText();
        List<String> others = list(stored.get("events")).stream().map(e -> e.get("id").asText())
                .filter(id -> !id.equals(changedId)).toList();
        assertThat(others).as("the article reports more than the meeting: " + stored.get("events")).isNotEmpty();
        String notFoundBefore = others.get(0);

        // what an older extractor stored: the meeting read with another title and only the month ...
        sql("update events set title = 'Old title', date_value = '2024-03', date_precision = 'month', date_start = '2024-03-01', "
                + "date_end = '2024-03-31' where id = ?", UUID.fromString(changedId));
        sql("update event_participants set event_start = '2024-03-01', event_end = '2024-03-31' where event_id = ?",
                UUID.fromString(changedId));
        // ... one event not found at all ...
        sql("delete from events where id = ?", UUID.fromString(notFoundBefore));
        // ... an event and an actor the current extractor does not find (stored as extraction stores them: no mark) ...
        String body = get("/api/v1/articles/" + article).get("article").get("text").asText();
        int at = body.indexOf("GPS signals");
        String staleEvent = read(given().contentType(ContentType.JSON).body(Map.of("type", "aid", "title", "Old reading " + UUID.randomUUID(),
                        "date", "2024-03-13", "status", "extracted", "confidence", 0.4,
                        "sources", List.of(Map.of("articleId", article, "quote", "GPS signals", "start", at, "end", at + 11,
                                "ruleId", "events.old.rule", "extractorVersion", OLD))))
                .post("/api/v1/events").then().statusCode(201).extract().asString()).get("id").asText();
        sql("update events set edited_at = null where id = ?", UUID.fromString(staleEvent));
        String staleActor = given().contentType(ContentType.JSON).body(Map.of("name", "Old Reading " + EditorialFixture.surname(), "kind", "person"))
                .post("/api/v1/actors").then().statusCode(201).extract().path("id");
        sql("update actors set edited_at = null where id = ?", UUID.fromString(staleActor));
        sql("insert into actor_sources (id, actor_id, article_id, quote, start_offset, end_offset, rule_id, extractor_version, created_at) "
                + "values (?, ?, ?, 'Finnish Foreign Minister', 0, 24, 'actors.old.rule', ?, ?)", UUID.randomUUID(),
                UUID.fromString(staleActor), UUID.fromString(article), OLD, Timestamp.from(Instant.now()));
        // ... and every fact and the article carry the older version
        sql("update event_sources set extractor_version = ? where article_id = ?", OLD, UUID.fromString(article));
        sql("update articles set extractor_version = ? where id = ?", OLD, UUID.fromString(article));

        // the client's copy of everything the article is a source of, as the service answers it now
        Instant since = Instant.now();
        Map<String, Map<String, Object>> copy = new HashMap<>();
        for (String key : factsOf(article)) {
            copy.put(key, fetch(key));
        }
        assertThat(copy).containsKeys("event:" + changedId, "event:" + staleEvent, "actor:" + staleActor)
                .doesNotContainKey("event:" + notFoundBefore);

        JsonNode r = read(given().post("/api/v1/articles/" + article + "/reextract").then().statusCode(200).extract().asString());
        // the re-extraction really changed facts: it added, removed and changed
        assertThat(list(r.get("events").get("added"))).as(r.toString()).isNotEmpty();
        assertThat(list(r.get("events").get("removed")).stream().filter(x -> x.get("id").asText().equals(staleEvent)).findFirst()
                .orElseThrow().get("deleted").asBoolean()).isTrue();
        assertThat(list(r.get("events").get("changed")).stream().map(x -> x.get("id").asText()).toList()).contains(changedId);
        assertThat(EditorialFixture.texts(r.get("actors").get("deleted"))).contains(staleActor);

        // the copy follows the feed alone
        Set<String> seen = new LinkedHashSet<>();
        String cursor = null;
        do {
            Response page = given().get("/api/v1/changes?entity=event,actor&limit=1000&since=" + since + (cursor == null ? "" : "&cursor=" + cursor));
            for (Map<String, Object> ch : page.then().statusCode(200).extract().<List<Map<String, Object>>>path("items")) {
                String key = ch.get("entity") + ":" + ch.get("id");
                seen.add(key + ":" + ch.get("action"));
                switch ((String) ch.get("action")) {
                    case "created", "updated" -> {
                        Map<String, Object> now = fetch(key);
                        if (now == null) {
                            copy.remove(key);
                        } else {
                            copy.put(key, now);
                        }
                    }
                    case "deleted", "merged" -> copy.remove(key);
                    default -> throw new AssertionError(ch);
                }
            }
            cursor = page.jsonPath().getString("next");
        } while (cursor != null);

        assertThat(seen).contains("event:" + staleEvent + ":deleted", "actor:" + staleActor + ":deleted",
                "event:" + changedId + ":updated");
        Set<String> compared = new LinkedHashSet<>(copy.keySet());
        compared.addAll(factsOf(article));
        compared.add("event:" + staleEvent);
        compared.add("actor:" + staleActor);
        for (String key : compared) {
            assertThat(copy.get(key)).as("the copy of " + key).isEqualTo(fetch(key));
        }
        assertThat(copy).doesNotContainKeys("event:" + staleEvent, "actor:" + staleActor);
        Map<String, Object> meeting = copy.get("event:" + changedId);
        assertThat(((Map<?, ?>) meeting.get("date")).get("value")).isEqualTo("2024-03-12");
        // the event the older extractor missed is back, under a new id, and in the copy from its created entry
        assertThat(factsOf(article).stream().filter(k -> k.startsWith("event:") && !copy.containsKey(k)).toList()).isEmpty();
    }
}
