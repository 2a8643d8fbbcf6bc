package news.timeline.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static news.timeline.articles.EditorialFixture.JSON;
import static news.timeline.articles.EditorialFixture.get;
import static news.timeline.articles.EditorialFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** {@code GET /api/v1/articles}: stored articles, newest first, paged and filtered like every list. */
@QuarkusTest
class ArticleListTest {

    /** Three articles on a host of their own, published in 1991, 1992 and 1993, each with a word of its own. */
    private record Stored(String host, List<String> ids, List<String> words) {
    }

    private static Stored storeThree() {
        String host = "news-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        List<String> ids = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // letters only (digits spelt as g-p), so that the word is one token of its own
            String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).chars()
                    .map(c -> Character.isDigit(c) ? 'g' + (c - '0') : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            ObjectNode in = JSON.createObjectNode();
            in.put("title", "Harbour report " + i);
            in.put("body", "The harbour authority of Tallinn said on Monday that the " + word + " ferry terminal will reopen.");
            in.put("publishedAt", (1991 + i) + "-05-06");
            in.put("url", "https://" + (i == 2 ? "www." : "") + host + "/story/" + i);
            ids.add(submit(in, 201).get("article").get("id").asText());
            words.add(word);
        }
        return new Stored(host, ids, words);
    }

    private static List<String> ids(String query) {
        List<String> out = new ArrayList<>();
        // the query is sent as written (URLEncoder's '+' for a space included)
        EditorialFixture.read(given().urlEncodingEnabled(false).get("/api/v1/articles?" + query).then().statusCode(200)
                .extract().asString()).get("items").forEach(a -> out.add(a.get("id").asText()));
        return out;
    }

    @Test
    void listsNewestFirstAndPagesWithTheCursor() {
        Stored s = storeThree();
        // the host filter also finds the www. subdomain
        assertThat(ids("host=" + s.host())).containsExactly(s.ids().get(2), s.ids().get(1), s.ids().get(0));

        JsonNode first = get("/api/v1/articles?host=" + s.host() + "&limit=2");
        assertThat(first.get("items").size()).isEqualTo(2);
        JsonNode item = first.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(s.ids().get(2));
        assertThat(item.get("host").asText()).isEqualTo("www." + s.host());
        assertThat(item.get("publishedAt").asText()).isEqualTo("1993-05-06");
        assertThat(item.get("extractorVersion").asText()).isNotBlank();
        assertThat(item.has("body")).as("the list leaves the text out").isFalse();
        String next = first.get("next").asText();
        JsonNode second = get("/api/v1/articles?host=" + s.host() + "&limit=2&cursor=" + next);
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("items").get(0).get("id").asText()).isEqualTo(s.ids().get(0));
        assertThat(second.get("next").isNull()).isTrue();

        // a cursor pages only the list it came from
        given().get("/api/v1/articles?limit=2&cursor=" + next).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
    }

    @Test
    void filtersByPublicationTextHostVersionAndTimeAdded() {
        Stored s = storeThree();
        String host = "host=" + s.host() + "&";
        assertThat(ids(host + "publishedFrom=1992&publishedTo=1993-05-06")).containsExactly(s.ids().get(2), s.ids().get(1));
        assertThat(ids(host + "publishedTo=1991-05")).containsExactly(s.ids().get(0));
        assertThat(ids("q=" + s.words().get(1))).containsExactly(s.ids().get(1));
        assertThat(ids(host + "q=" + URLEncoder.encode("harbour " + s.words().get(0), StandardCharsets.UTF_8)))
                .containsExactly(s.ids().get(0));
        assertThat(ids("q=harbour+report&" + host + "limit=10")).hasSize(3);
        String version = get("/api/v1/articles/" + s.ids().get(0)).get("article").get("extractorVersion").asText();
        assertThat(ids(host + "extractorVersion=" + URLEncoder.encode(version, StandardCharsets.UTF_8))).hasSize(3);
        assertThat(ids(host + "extractorVersion=old-0.0.1")).isEmpty();
        assertThat(ids(host + "addedSince=" + Instant.now().plusSeconds(3600))).isEmpty();
        assertThat(ids(host + "addedSince=" + Instant.now().minusSeconds(3600))).hasSize(3);
        assertThat(ids(host + "addedSince=" + URLEncoder.encode("2020-01-01T00:00:00+02:00", StandardCharsets.UTF_8))).hasSize(3);
        assertThat(ids("host=other-" + s.host())).isEmpty();
    }

    @Test
    void refusesWhatAParameterCannotMeanNamingIt() {
        for (String[] bad : new String[][]{
                {"addedSince=yesterday", "addedSince"}, {"addedSince=", "addedSince"},
                {"publishedFrom=2024-13", "publishedFrom"}, {"publishedTo=june", "publishedTo"},
                {"publishedFrom=2024-06&publishedTo=2024-01", "publishedTo"},
                {"host=https://example.org/x", "host"}, {"host=", "host"}, {"host=exa%20mple.org", "host"},
                {"q=", "q"}, {"q=" + "x".repeat(501), "q"}, {"extractorVersion=" + "v".repeat(40), "extractorVersion"},
                {"limit=0", "limit"}, {"limit=many", "limit"}, {"cursor=not-a-cursor", "cursor"}}) {
            given().get("/api/v1/articles?" + bad[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors.field", hasItem(bad[1]));
        }
    }

    @Test
    void anArticleShowsTheReviewStatusOfEachFact() {
        EditorialFixture.Pair pair = EditorialFixture.Pair.invent();
        JsonNode stored = submit(EditorialFixture.meeting(pair, 0), 201);
        String article = stored.get("article").get("id").asText();
        String event = EditorialFixture.meetingOf(stored, pair).get("id").asText();
        given().contentType("application/json").body("{\"status\": \"confirmed\"}").patch("/api/v1/events/" + event)
                .then().statusCode(200);

        JsonNode shown = get("/api/v1/articles/" + article);
        assertThat(shown.get("events").size()).isEqualTo(stored.get("events").size());
        JsonNode review = EditorialFixture.list(shown.get("review")).stream()
                .filter(r -> r.get("id").asText().equals(event)).findFirst().orElseThrow();
        assertThat(review.get("entity").asText()).isEqualTo("event");
        assertThat(review.get("status").asText()).isEqualTo("confirmed");
        assertThat(EditorialFixture.list(shown.get("review")).stream().filter(r -> r.get("entity").asText().equals("actor")).count())
                .isEqualTo(shown.get("actors").size());
        assertThat(stored.get("review").size()).as("the submission's answer has it too").isEqualTo(shown.get("review").size());
    }
}
