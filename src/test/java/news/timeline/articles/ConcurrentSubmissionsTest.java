package news.timeline.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Articles about the same people and the same meeting, each naming them in another order, submitted at once by
 * concurrent clients: every one is stored (no deadlock reaches a client: writers lock names in one order and a
 * transaction PostgreSQL aborts anyway is run again), and the shared actors and the shared meeting exist once.
 */
@QuarkusTest
class ConcurrentSubmissionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PEOPLE = List.of("Arkady Belomirov", "Tomas Verhagen", "Amina Okonkwo", "Lucas Ferreira");
    private static final int CLIENTS = 8;

    @Test
    void concurrentSubmissionsNamingTheSameActorsAllSucceedWithoutTwins() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            ObjectNode article = article(i, run);
            answers.add(pool.submit(() -> {
                start.await();
                return given().contentType(ContentType.JSON).body(article.toString()).post("/api/v1/articles");
            }));
        }
        start.countDown();
        List<JsonNode> stored = new ArrayList<>();
        try {
            for (Future<Response> f : answers) {
                Response r = f.get(10, TimeUnit.MINUTES);
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
                stored.add(JSON.readTree(r.asString()));
            }
        } finally {
            pool.shutdownNow();
        }
        // each person the articles name is one actor, whichever article created it
        Map<String, Set<String>> idsByName = new HashMap<>();
        Map<String, Set<String>> eventsByHappening = new HashMap<>();
        for (JsonNode s : stored) {
            s.get("actors").forEach(a -> idsByName.computeIfAbsent(a.get("name").asText(), k -> new HashSet<>()).add(a.get("id").asText()));
            for (JsonNode e : s.get("events")) {
                Set<String> who = new TreeSet<>();
                e.get("participants").forEach(p -> who.add(p.get("actor").get("id").asText()));
                eventsByHappening.computeIfAbsent(e.get("type").asText() + " " + e.get("date").get("value").asText() + " " + who,
                        k -> new HashSet<>()).add(e.get("id").asText());
            }
        }
        assertThat(idsByName).as("actors named by the articles").containsKeys(PEOPLE.get(0), PEOPLE.get(1));
        idsByName.forEach((name, ids) -> assertThat(ids).as("actors named " + name).hasSize(1));
        for (String person : PEOPLE) {
            if (idsByName.containsKey(person)) {
                given().queryParam("q", person).get("/api/v1/actors").then().statusCode(200)
                        .body("items.findAll { it.name == '" + person + "' }.size()", org.hamcrest.Matchers.equalTo(1));
            }
        }
        // one happening with the same participants is one event, however many articles reported it at once
        eventsByHappening.entrySet().stream().filter(e -> !e.getKey().endsWith("[]"))
                .forEach(e -> assertThat(e.getValue()).as("events for " + e.getKey()).hasSize(1));
    }

    /** The same story, its people named in a rotated order, with a line of its own (so it is a new article). */
    private static ObjectNode article(int i, String run) {
        List<String> people = new ArrayList<>(PEOPLE);
        java.util.Collections.rotate(people, i);
        String body = people.get(0) + " met " + people.get(1) + " in Geneva on Friday, officials said.\n\n"
                + people.get(2) + " and " + people.get(3) + " held talks in Vienna on Thursday.\n\n"
                + people.get(1) + " criticized " + people.get(2) + " on Wednesday.\n\n"
                + "Report " + i + " of run " + run + ".";
        ObjectNode a = JSON.createObjectNode();
        a.put("title", "Talks in Geneva, report " + i + " " + run);
        a.put("body", body);
        a.put("publishedAt", "2024-09-14");
        return a;
    }
}
