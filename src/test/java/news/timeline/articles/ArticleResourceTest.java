package news.timeline.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ArticleResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode seed() {
        try (InputStream in = ArticleResourceTest.class.getResourceAsStream("/articles/seed.json")) {
            JsonNode doc = JSON.readTree(in);
            ObjectNode body = JSON.createObjectNode();
            body.put("title", doc.get("title").asText());
            body.put("body", doc.get("body").asText());
            body.put("publishedAt", doc.get("published_at").asText());
            return body;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed with a unique marker, so each test stores its own article. */
    static ObjectNode uniqueSeed() {
        ObjectNode s = seed();
        s.put("body", s.get("body").asText() + "\n\nRef " + UUID.randomUUID());
        return s;
    }

    static JsonNode post(Object body, String query, int status) {
        return readTree(given().contentType(ContentType.JSON).body(body.toString()).post("/api/v1/articles" + query)
                .then().statusCode(status).extract().asString());
    }

    static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /**
     * The names and aliases of an event's participants. Other tests may have stored an actor known as "Kim Jong-un"
     * under another name; the article's mention then rightly resolves to it, so aliases count too.
     */
    private static Set<String> participantNames(JsonNode event) {
        Set<String> names = new HashSet<>();
        event.get("participants").forEach(p -> names.addAll(namesOf(p.get("actor"))));
        return names;
    }

    /** Names and aliases, each also in the service's folded form ("Kim Jong Un" is "Kim Jong-un"). */
    private static Set<String> namesOf(JsonNode actor) {
        Set<String> names = new HashSet<>();
        names.add(actor.get("name").asText());
        if (actor.hasNonNull("id")) {
            JsonNode stored = readTree(given().get("/api/v1/actors/" + actor.get("id").asText()).then().statusCode(200).extract().asString());
            stored.get("aliases").forEach(a -> names.add(a.asText()));
        }
        Set<String> folded = new HashSet<>(names);
        names.forEach(n -> folded.add(news.timeline.actors.AliasNormalizer.normalize(n)));
        return folded;
    }

    @Test
    void seedGivesTheMeetingTheSummitTheTreatyAndTheAffiliations() {
        JsonNode r = post(uniqueSeed(), "", 201);
        List<JsonNode> events = list(r.get("events"));

        JsonNode meeting = events.stream().filter(e -> e.get("type").asText().equals("meeting")
                && e.get("date").get("value").asText().equals("2024-09-13")).findFirst().orElseThrow();
        assertThat(participantNames(meeting)).contains("kim jong un", "sergei shoigu");
        assertThat(meeting.get("place").get("name").asText()).isEqualTo("Pyongyang");
        assertThat(meeting.get("date").get("precision").asText()).isEqualTo("day");

        JsonNode summit = events.stream().filter(e -> participantNames(e).containsAll(List.of("kim jong un", "vladimir putin"))
                && e.get("date").get("value").asText().startsWith("2023")).findFirst().orElseThrow();
        assertThat(summit.get("date").get("value").asText()).isIn("2023-09-13", "2023-09");

        JsonNode treaty = list(r.get("agreements")).stream()
                .filter(a -> a.get("name").asText().equalsIgnoreCase("Treaty on Comprehensive Strategic Partnership"))
                .findFirst().orElseThrow();
        assertThat(list(treaty.get("parties")).stream().flatMap(p -> namesOf(p).stream()).toList())
                .contains("north korea", "russia");
        assertThat(treaty.get("signed").get("value").asText()).isEqualTo("2024-06");
        assertThat(treaty.get("signed").get("precision").asText()).isEqualTo("month");
        assertThat(list(treaty.get("clauses")).stream().map(JsonNode::asText).toList()).contains("mutual defense");

        Map<String, Set<String>> affiliation = new java.util.HashMap<>();
        r.get("actors").forEach(a -> namesOf(a).forEach(n -> affiliation.put(n,
                a.get("affiliation").isNull() ? Set.of() : namesOf(a.get("affiliation")))));
        assertThat(affiliation.get("kim jong un")).contains("north korea");
        assertThat(affiliation.get("sergei shoigu")).containsAnyOf("russia", "security council of russia");

        String all = r.toString().toLowerCase();
        assertThat(all).doesNotContain("cookie").doesNotContain("separator").doesNotContain("current issue");
    }

    @Test
    void everyEventKeepsItsProvenanceWithCodePointOffsets() {
        ObjectNode in = uniqueSeed();
        String body = in.get("body").asText();
        JsonNode r = post(in, "", 201);
        String articleId = r.get("article").get("id").asText();
        assertThat(r.get("events").size()).isGreaterThan(0);
        for (JsonNode e : r.get("events")) {
            // an event other articles reported too carries their sources as well; this article's is among them
            JsonNode s = list(e.get("sources")).stream().filter(x -> x.get("articleId").asText().equals(articleId))
                    .findFirst().orElseThrow();
            int start = s.get("start").asInt();
            int end = s.get("end").asInt();
            String byCodePoints = body.substring(body.offsetByCodePoints(0, start), body.offsetByCodePoints(0, end));
            assertThat(byCodePoints).isEqualTo(s.get("quote").asText());
            assertThat(s.get("ruleId").asText()).isNotBlank();
            assertThat(s.get("extractorVersion").asText()).isNotBlank();
        }
        for (JsonNode t : r.get("timexes")) {
            int start = t.get("start").asInt();
            int end = t.get("end").asInt();
            assertThat(body.substring(body.offsetByCodePoints(0, start), body.offsetByCodePoints(0, end))).isEqualTo(t.get("text").asText());
        }
    }

    @Test
    void resubmittingAnswers200WithTheStoredResultAndCreatesNothing() {
        ObjectNode in = uniqueSeed();
        in.put("url", "https://example.org/news/" + UUID.randomUUID());
        Response first = given().contentType(ContentType.JSON).body(in.toString()).post("/api/v1/articles");
        first.then().statusCode(201).header("Location", startsWith("http"));
        JsonNode a = readTree(first.asString());
        JsonNode b = post(in, "", 200);
        assertThat(b.get("article").get("id").asText()).isEqualTo(a.get("article").get("id").asText());
        assertThat(ids(b.get("events"))).isEqualTo(ids(a.get("events")));
        // the same URL with other text is the same article too
        ObjectNode sameUrl = uniqueSeed();
        sameUrl.put("url", in.get("url").asText());
        assertThat(post(sameUrl, "", 200).get("article").get("id").asText()).isEqualTo(a.get("article").get("id").asText());
        given().get(first.getHeader("Location")).then().statusCode(200).body("article.id", equalTo(a.get("article").get("id").asText()));
    }

    private static Set<String> ids(JsonNode events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    @Test
    void aDryRunStoresNothing() {
        ObjectNode in = uniqueSeed();
        JsonNode preview = post(in, "?dryRun=true", 200);
        assertThat(preview.get("events").size()).isGreaterThan(0);
        assertThat(preview.get("article").get("id").isNull()).isTrue();
        // not stored: the real submission afterwards is new
        post(in, "", 201);
    }

    @Test
    void fiftyConcurrentSubmissionsOfOneArticleStoreItOnce() throws Exception {
        String body = uniqueSeed().toString();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> given().contentType(ContentType.JSON).body(body).post("/api/v1/articles"));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                statuses.add(r.statusCode());
                ids.add(readTree(r.asString()).get("article").get("id").asText());
            }
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(49);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void htmlPagesAreReadWithoutTheirScriptsAndNavigation() {
        ObjectNode in = JSON.createObjectNode();
        in.put("publishedAt", "2024-09-14T09:45:00+10:00");
        in.put("html", "<html><head><title>Talks in Pyongyang</title><script>var cookieConsent = 'Kim Jong-un met Vladimir Putin';</script></head>"
                + "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Talks in Pyongyang</h1>"
                + "<p>North Korean leader Kim Jong-un met Sergei Shoigu, Secretary of Russia's Security Council, in Pyongyang on Friday, state media reported. "
                + UUID.randomUUID() + "</p></article><footer>Subscribe to our newsletter</footer></body></html>");
        JsonNode r = post(in, "", 201);
        assertThat(r.toString()).doesNotContain("cookieConsent").doesNotContain("newsletter");
        JsonNode meeting = list(r.get("events")).stream().filter(e -> e.get("type").asText().equals("meeting")).findFirst().orElseThrow();
        assertThat(meeting.get("date").get("value").asText()).isEqualTo("2024-09-13");
    }

    @Test
    void badSubmissionsAreClearProblemsAndStoreNothing() {
        problem(Map.of("body", "", "publishedAt", "2024-09-14"), 400, "body");
        problem(Map.of("body", "   \n\t ", "publishedAt", "2024-09-14"), 400, "body");
        problem(Map.of("body", "Kim met Putin on Friday.", "publishedAt", "2024-02-30"), 400, "publishedAt");
        problem(Map.of("body", "Kim met Putin on Friday."), 400, "publishedAt");
        problem(Map.of("body", "Kim met Putin on Friday.", "publishedAt", "yesterday"), 400, "publishedAt");
        problem(Map.of("body", "Kim \u0000\u0001\u0002 met", "publishedAt", "2024-09-14"), 400, "body");
        problem(Map.of("body", "x", "html", "<p>y</p>", "publishedAt", "2024-09-14"), 400, "html");
        problem(Map.of("body", "Kim met Putin.", "publishedAt", "2024-09-14", "url", "not a url"), 400, "url");
        given().contentType(ContentType.JSON).body(Map.of("body", "Separator\n\nCurrent Issue\n\n🍪 Do you like Cookies?\n\nRead more...",
                        "publishedAt", "2024-09-14"))
                .post("/api/v1/articles").then().statusCode(422).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"body\": \"x\", ").post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
        given().contentType(ContentType.JSON).body("{\"body\": 12, \"publishedAt\": []}").post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"body\": \"x\", \"publishedAt\": \"2024-09-14\", \"author\": \"y\"}").post("/api/v1/articles")
                .then().statusCode(400).body("errors.field", hasItem("author"));
        String huge = "{\"publishedAt\": \"2024-09-14\", \"body\": \"" + "word ".repeat(4_000_000) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/v1/articles")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/octet-stream").body(new byte[]{0, 1, 2, 3, (byte) 0xff}).post("/api/v1/articles")
                .then().statusCode(415).contentType("application/problem+json");
        given().get("/api/v1/articles/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/articles/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPublicationTimeWithoutOffsetIsTakenAsUtcWithAWarning() {
        ObjectNode in = uniqueSeed();
        in.put("publishedAt", "2024-09-14T09:45");
        JsonNode preview = post(in, "?dryRun=true", 200);
        assertThat(preview.get("article").get("publishedAt").asText()).isEqualTo("2024-09-14T09:45Z");
        assertThat(list(preview.get("warnings")).stream().map(JsonNode::asText))
                .anyMatch(w -> w.contains("publishedAt '2024-09-14T09:45' has no offset") && w.contains("taken as UTC"));
        Response created = given().contentType(ContentType.JSON).body(in.toString()).post("/api/v1/articles");
        created.then().statusCode(201).body("article.publishedAt", equalTo("2024-09-14T09:45Z"))
                .body("warnings", hasItem(org.hamcrest.Matchers.containsString("taken as UTC")));
        // the article keeps the time as it was taken
        given().get(created.getHeader("Location")).then().statusCode(200).body("article.publishedAt", equalTo("2024-09-14T09:45Z"));
        // with an offset, nothing to warn about
        ObjectNode withOffset = uniqueSeed();
        withOffset.put("publishedAt", "2024-09-14T09:45:00+10:00");
        assertThat(list(post(withOffset, "?dryRun=true", 200).get("warnings")).stream().map(JsonNode::asText))
                .noneMatch(w -> w.contains("publishedAt"));
        // the reference date of an analysis is read the same way
        given().contentType(ContentType.JSON).body(Map.of("text", "They met on Friday.", "referenceDate", "2024-09-14T09:45"))
                .post("/api/v1/analyze").then().statusCode(200)
                .body("warnings", hasItem(org.hamcrest.Matchers.containsString("referenceDate '2024-09-14T09:45' has no offset")));
    }

    @Test
    void publicationYearsOutside1000To2999AreRefusedAndStoreNothing() {
        ObjectNode in = uniqueSeed();
        for (String date : List.of("0000-01-01", "0999-12-31", "3000-01-01", "0001-01-01T00:00Z", "9999-12-31T23:59:00+01:00")) {
            in.put("publishedAt", date);
            given().contentType(ContentType.JSON).body(in.toString()).post("/api/v1/articles")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("publishedAt")).body("errors[0].message", org.hamcrest.Matchers.containsString("1000"));
        }
        for (String date : List.of("1000-01-01", "2999-12-31")) {
            in.put("publishedAt", date);
            post(in, "?dryRun=true", 200);
        }
        // none of the refused submissions stored the article
        in.put("publishedAt", "2024-09-14");
        post(in, "", 201);
    }

    private static void problem(Map<String, String> body, int status, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void analyzeAnswersTimexesWithCodePointOffsetsAndStoresNothing() {
        String text = "🍪 The summit ended on Friday. Talks resume next week.";
        JsonNode r = readTree(given().contentType(ContentType.JSON)
                .body(Map.of("text", text, "referenceDate", "2024-09-14")).post("/api/v1/analyze")
                .then().statusCode(200).extract().asString());
        JsonNode friday = list(r.get("timexes")).stream().filter(t -> t.get("text").asText().contains("Friday")).findFirst().orElseThrow();
        assertThat(friday.get("value").asText()).isEqualTo("2024-09-13");
        int start = friday.get("start").asInt();
        assertThat(text.codePointCount(0, text.indexOf("Friday"))).isLessThanOrEqualTo(start);
        assertThat(text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, friday.get("end").asInt())))
                .isEqualTo(friday.get("text").asText());
        given().contentType(ContentType.JSON).body(Map.of("text", "x")).post("/api/v1/analyze")
                .then().statusCode(400).body("errors.field", hasItem("referenceDate"));
    }

    @Test
    void namesTheDatabaseAlreadyKnowsResolveToTheStoredActor() {
        String suffix = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String name = "Valdoria" + suffix;
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "country", "aliases", List.of("Republic of " + name)))
                .post("/api/v1/actors").then().statusCode(201).extract().path("id");
        JsonNode r = readTree(given().contentType(ContentType.JSON)
                .body(Map.of("text", "The Republic of " + name + " signed a trade deal with Russia in Moscow on Friday.",
                        "referenceDate", "2024-09-14"))
                .post("/api/v1/analyze").then().statusCode(200).extract().asString());
        assertThat(list(r.get("actors")).stream().filter(a -> a.hasNonNull("id")).map(a -> a.get("id").asText()).toList())
                .contains(id);
    }
}
