package news.timeline.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.timeline.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Issue 18, item 3: webhook delivery to a receiver this test starts on 127.0.0.1 (allowed by the %test network setting). */
@QuarkusTest
class WebhookDeliveryTest {

    /** One POST as the receiver got it. */
    record Received(String body, String signature, String subscription, long delivery, int answered) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    /** How many of the next requests answer 500 (negative: all of them). */
    private final AtomicInteger failNext = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int f = failNext.get();
            int status = f != 0 ? 500 : 204;
            if (f > 0) {
                failNext.decrementAndGet();
            }
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Timeline-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Timeline-Subscription"),
                    Long.parseLong(exchange.getRequestHeaders().getFirst("X-Timeline-Delivery")), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The subscriptions a test made, removed after it so none calls a receiver that is gone. */
    private final List<String> made = new ArrayList<>();

    @AfterEach
    void stopReceiver() {
        made.forEach(id -> given().delete("/api/v1/subscriptions/" + id));
        server.stop(0);
    }

    private String hook() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private String subscribe(Map<String, Object> body) {
        String id = Api.post("/api/v1/subscriptions", body).statusCode(201).extract().path("id");
        made.add(id);
        return id;
    }

    private static String event(String title, String... actors) {
        return Api.post("/api/v1/events", Map.of("type", "meeting", "title", title, "date", "2024-09-13",
                "participants", java.util.Arrays.stream(actors).map(a -> Map.of("actor", a)).toList())).statusCode(201).extract().path("id");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, Duration.ofSeconds(60), condition);
    }

    /** Waits at most {@code limit}: a bound for a busy machine, not a speed the test asserts. */
    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private List<Received> delivered(String subscription) {
        synchronized (received) {
            return received.stream().filter(r -> r.subscription().equals(subscription) && r.answered() == 204).toList();
        }
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void matchingEventsArriveSignedInOrderAndDeletionsFollow() throws Exception {
        String country = Api.actorSlug(Api.unique("Hook Country"), "country");
        String other = Api.actorSlug(Api.unique("Hook Other"), "country");
        String secret = "a test secret of some length";
        String sub = subscribe(Map.of("callbackUrl", hook(), "secret", secret, "filter", Map.of("actors", List.of(country))));
        String first = event("first", country, other);
        event("not ours", other);
        String second = event("second", country);
        String third = event("third", other, country);
        await("three deliveries", () -> delivered(sub).size() >= 3);
        List<Received> got = delivered(sub);
        assertThat(got.stream().map(r -> json(r.body()).path("event").path("title").asText()).toList())
                .containsExactly("first", "second", "third");
        long previous = 0;
        for (Received r : got) {
            assertThat(r.signature()).isEqualTo("sha256=" + Deliveries.sign(secret, r.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(r.delivery()).isGreaterThan(previous).isEqualTo(json(r.body()).path("seq").asLong());
            assertThat(json(r.body()).path("action").asText()).isEqualTo("created");
            previous = r.delivery();
        }
        assertThat(json(got.get(0).body()).path("event").path("id").asText()).isEqualTo(first);
        // a deletion of an event it was sent, and an edit
        given().delete("/api/v1/events/" + second).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("title", "third, retitled")).patch("/api/v1/events/" + third)
                .then().statusCode(200);
        await("the deletion and the edit", () -> delivered(sub).size() >= 5);
        got = delivered(sub);
        assertThat(json(got.get(3).body()).path("action").asText()).isEqualTo("deleted");
        assertThat(json(got.get(3).body()).path("id").asText()).isEqualTo(second);
        assertThat(json(got.get(4).body()).path("event").path("title").asText()).isEqualTo("third, retitled");
        await("no lag", () -> given().get("/api/v1/subscriptions/" + sub).then().extract().<Integer>path("lag.changes") == 0);
        given().get("/api/v1/subscriptions/" + sub).then().statusCode(200)
                .body("state", equalTo("active")).body("delivered", equalTo(5)).body("failures", equalTo(0))
                .body("lastStatus", equalTo(204)).body("lastDeliveryAt", notNullValue()).body("lastError", nullValue())
                .body("filter.actors[0].slug", equalTo(country)).body("secret", nullValue());
    }

    @Test
    void retriesAfterTheReceiverFailsTwice() throws Exception {
        String a = Api.actorSlug(Api.unique("Retry Actor"), "person");
        String sub = subscribe(Map.of("callbackUrl", hook(), "filter", Map.of("actors", List.of(a))));
        failNext.set(2);
        event("retried", a);
        await("a delivery", () -> delivered(sub).size() == 1);
        List<Received> all;
        synchronized (received) {
            all = received.stream().filter(r -> r.subscription().equals(sub)).toList();
        }
        assertThat(all).extracting(Received::answered).containsExactly(500, 500, 204);
        assertThat(all).extracting(Received::body).containsOnly(all.get(0).body());
        given().get("/api/v1/subscriptions/" + sub).then().statusCode(200).body("failures", equalTo(0)).body("delivered", equalTo(1));
    }

    @Test
    void pausesAfterRepeatedFailuresAndResumesWithoutLoss() throws Exception {
        String a = Api.actorSlug(Api.unique("Pause Actor"), "person");
        String sub = subscribe(Map.of("callbackUrl", hook(), "filter", Map.of("actors", List.of(a), "types", List.of("meeting"))));
        failNext.set(-1);
        event("while failing 1", a);
        event("while failing 2", a);
        await("a pause", () -> "paused".equals(given().get("/api/v1/subscriptions/" + sub).then().extract().path("state")));
        given().get("/api/v1/subscriptions/" + sub).then().statusCode(200)
                .body("failures", equalTo(4)).body("lastStatus", equalTo(500))
                .body("lastError", containsString("500")).body("delivered", equalTo(0)).body("lag.changes", equalTo(2));
        int attempts = received.size();
        Thread.sleep(1500);
        assertThat(received.size()).as("no attempts while paused").isEqualTo(attempts);
        failNext.set(0);
        given().post("/api/v1/subscriptions/" + sub + "/resume").then().statusCode(200).body("state", equalTo("active"));
        await("both events", () -> delivered(sub).size() == 2);
        assertThat(delivered(sub).stream().map(r -> json(r.body()).path("event").path("title").asText()).toList())
                .containsExactly("while failing 1", "while failing 2");
    }

    @Test
    void aBurstArrivesWholeAndInOrder() throws Exception {
        String a = Api.actorSlug(Api.unique("Burst Actor"), "country");
        String source = "burst" + Api.unique("").trim();
        String sub = subscribe(Map.of("callbackUrl", hook(), "filter", Map.of("actors", List.of(a))));
        StringBuilder ndjson = new StringBuilder();
        int n = 300;
        for (int i = 0; i < n; i++) {
            ndjson.append("{\"externalId\":\"b").append(i).append("\",\"type\":\"statement\",\"title\":\"burst ").append(i)
                    .append("\",\"date\":\"2024-01-01\",\"participants\":[\"").append(a).append("\"]}\n");
        }
        given().contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("source", source).post("/api/v1/imports/events").then().statusCode(200).body("created", equalTo(n));
        // one POST per change, one after the other: on a busy 2-core machine 300 of them took more than a minute
        await(n + " deliveries", Duration.ofMinutes(4), () -> delivered(sub).size() >= n);
        List<Received> got = delivered(sub);
        assertThat(got).hasSize(n);
        assertThat(got.stream().map(r -> json(r.body()).path("event").path("title").asText()).distinct().count()).isEqualTo(n);
        assertThat(got.stream().map(Received::delivery).toList()).isSorted();
    }

    @Test
    void callbackUrlsAreChecked() {
        for (String[] bad : new String[][] {
                {"ftp://example.org/hook", "http or https"},
                {"http://user:pw@example.org/hook", "credentials"},
                {"http://10.1.2.3/hook", "private"},
                {"http://192.168.1.10/hook", "private"},
                {"http://169.254.169.254/latest/meta-data", "link-local"},
                {"http://[::1]:8080/hook", "loopback"},
                {"not a url", "URL"},
        }) {
            Api.post("/api/v1/subscriptions", Map.of("callbackUrl", bad[0])).statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("callbackUrl"))
                    .body("errors.message", hasItem(containsString(bad[1])));
        }
        Api.post("/api/v1/subscriptions", Map.of("callbackUrl", hook(), "filter", Map.of("types", List.of("party"),
                        "minStatus", "rejected", "pair", List.of("nobody-" + Api.unique("x").replace(' ', '-')))))
                .statusCode(400)
                .body("errors.field", hasItem("filter.types")).body("errors.field", hasItem("filter.minStatus"))
                .body("errors.field", hasItem("filter.pair"));
        Api.post("/api/v1/subscriptions", Map.of("callbackUrl", hook(), "secret", "short")).statusCode(400)
                .body("errors.field", hasItem("secret"));
        given().get("/api/v1/subscriptions/" + java.util.UUID.randomUUID()).then().statusCode(404);
        // a created one answers its secret once, and goes away
        var created = Api.post("/api/v1/subscriptions", Map.of("callbackUrl", hook())).statusCode(201)
                .header("Location", containsString("/api/v1/subscriptions/")).extract();
        assertThat(created.<String>path("secret")).hasSizeGreaterThan(30);
        String id = created.path("id");
        made.add(id);
        given().get("/api/v1/subscriptions").then().statusCode(200).body("items.id", hasItem(id));
        given().delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        given().get("/api/v1/subscriptions/" + id).then().statusCode(404);
    }
}
