package news.timeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import news.timeline.config.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: no webhook lost across a real restart of the service in the middle of a burst. The packaged service
 * ({@code java -jar}, extraction off) on a PostgreSQL of its own delivers 1,000 imported events to two subscriptions
 * of a receiver this test runs on 127.0.0.1; the process is killed (SIGKILL, no shutdown) once a few hundred have
 * arrived, started again, and every event must arrive at least once, in change-feed order per subscription once
 * repeats are dropped, each with a valid signature. Alone, after a {@code package}:
 * {@code ./mvnw -Dwebui.skip failsafe:integration-test failsafe:verify -Dit.test=WebhookRestartIT}.
 */
class WebhookRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("target/webhook-restart");
    private static final int EVENTS = 1000;
    private static final String SECRET_ALL = "the secret of the subscription to everything";
    private static final String SECRET_MEETINGS = "the secret of the subscription to meetings";

    /** One POST as the receiver got it. */
    record Received(String subscription, long delivery, String signature, String body, String event) {
    }

    private static final List<Received> RECEIVED = Collections.synchronizedList(new ArrayList<>());
    private static HttpServer receiver;
    private static Replica service;

    @BeforeAll
    static void startDatabaseServiceAndReceiver() throws Exception {
        EmbeddedDatabase.Connection server = EmbeddedDatabase.start(ROOT.resolve("postgres"), 0, true);
        String database = "webhooks_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        Map<String, String> env = Map.of("TIMELINE_DB_URL", server.jdbcUrl().replaceAll("/postgres$", "/" + database),
                "TIMELINE_DB_USER", server.username(), "TIMELINE_DB_PASSWORD", server.password(),
                "TIMELINE_EXTRACTION", "off",
                "TIMELINE_SUBSCRIPTIONS_ALLOWED_NETWORKS", "127.0.0.0/8",
                "TIMELINE_SUBSCRIPTIONS_POLL_INTERVAL", "PT0.2S",
                "TIMELINE_SUBSCRIPTIONS_SETTLE", "PT0.3S",
                "TIMELINE_SUBSCRIPTIONS_RETRY_BASE", "PT0.2S",
                "TIMELINE_SUBSCRIPTIONS_RETRY_MAX", "PT1S");
        service = new Replica("webhooks", ROOT.resolve("service"), env);
        Runtime.getRuntime().addShutdownHook(new Thread(WebhookRestartIT::stopQuietly, "webhook-restart-stop"));

        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("X-Timeline-Subscription"),
                    Long.parseLong(exchange.getRequestHeaders().getFirst("X-Timeline-Delivery")),
                    exchange.getRequestHeaders().getFirst("X-Timeline-Signature"), new String(body, StandardCharsets.UTF_8),
                    JSON.readTree(body).path("event").path("id").asText()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        service.start();
    }

    @AfterAll
    static void stopAll() throws Exception {
        stopQuietly();
        assertThat(service.errorLines()).as("ERROR records in the service's logs").isEmpty();
    }

    private static void stopQuietly() {
        try {
            if (service != null) {
                service.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aKilledServiceLosesNoDeliveryOfABurstOf1000Events() throws Exception {
        String actor = actor("Burstland " + UUID.randomUUID().toString().substring(0, 8));
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        String all = subscribe(Map.of("callbackUrl", hook, "secret", SECRET_ALL, "filter", Map.of("actors", List.of(actor))));
        String meetings = subscribe(Map.of("callbackUrl", hook, "secret", SECRET_MEETINGS,
                "filter", Map.of("actors", List.of(actor), "types", List.of("meeting"))));

        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            ndjson.append("{\"externalId\":\"w").append(i).append("\",\"type\":\"").append(i % 2 == 0 ? "meeting" : "statement")
                    .append("\",\"title\":\"burst ").append(i).append("\",\"date\":\"2024-01-").append(String.format("%02d", 1 + i % 28))
                    .append("\",\"participants\":[\"").append(actor).append("\"]}\n");
        }
        HttpResponse<String> imported = service.send("POST", "/api/v1/imports/events?source=webhook-restart",
                "application/x-ndjson", ndjson.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).get("created").asInt()).isEqualTo(EVENTS);

        // mid-burst: a few hundred delivered, most not
        await("the first deliveries", 300, () -> distinct(all).size() >= 150);
        service.kill();
        int beforeKill = distinct(all).size();
        assertThat(beforeKill).as("killed in the middle of the burst").isLessThan(EVENTS);
        int receivedBeforeRestart = RECEIVED.size();

        service.start();
        await("every delivery after the restart", 300,
                () -> distinct(all).size() >= EVENTS && distinct(meetings).size() >= EVENTS / 2);
        await("no lag", 60, () -> lag(all) == 0 && lag(meetings) == 0);

        checkOrderAndSignatures(all, SECRET_ALL, EVENTS, i -> true);
        checkOrderAndSignatures(meetings, SECRET_MEETINGS, EVENTS / 2, i -> i % 2 == 0);
        assertThat(RECEIVED.size()).as("deliveries went on after the restart").isGreaterThan(receivedBeforeRestart);
        // the position lives in PostgreSQL: deliveries not committed before the kill were counted once, on retry
        JsonNode state = JSON.readTree(service.get("/api/v1/subscriptions/" + all).body());
        assertThat(state.get("delivered").asInt()).isEqualTo(EVENTS);
        assertThat(state.get("state").asText()).isEqualTo("active");
        long repeats = RECEIVED.stream().filter(r -> r.subscription().equals(all)).count() - EVENTS;
        System.out.printf("WebhookRestartIT: killed after %d of %d deliveries; %d of them came again after the restart%n",
                beforeKill, EVENTS, repeats);
    }

    /** Every event of the subscription arrived, signed, first arrivals in change-feed order, each title once. */
    private static void checkOrderAndSignatures(String subscription, String secret, int expected,
                                                java.util.function.IntPredicate wanted) throws Exception {
        List<Received> got;
        synchronized (RECEIVED) {
            got = RECEIVED.stream().filter(r -> r.subscription().equals(subscription)).toList();
        }
        Set<String> seenIds = new LinkedHashSet<>();
        List<Long> firstArrivals = new ArrayList<>();
        Set<Integer> numbers = new java.util.TreeSet<>();
        for (Received r : got) {
            assertThat(r.signature()).as("signature of delivery " + r.delivery())
                    .isEqualTo("sha256=" + hmac(secret, r.body().getBytes(StandardCharsets.UTF_8)));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("seq").asLong()).isEqualTo(r.delivery());
            assertThat(body.get("action").asText()).isEqualTo("created");
            String id = body.get("event").get("id").asText();
            assertThat(id).isEqualTo(r.event());
            if (seenIds.add(id)) {
                firstArrivals.add(r.delivery());
                numbers.add(Integer.parseInt(body.get("event").get("title").asText().substring("burst ".length())));
            }
        }
        assertThat(seenIds).hasSize(expected);
        assertThat(firstArrivals).as("change-feed order after dropping repeats").isSorted().doesNotHaveDuplicates();
        assertThat(numbers).hasSize(expected).allMatch(wanted::test);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** The event ids the subscription has received, repeats dropped. */
    private static Set<String> distinct(String subscription) {
        synchronized (RECEIVED) {
            Set<String> out = new LinkedHashSet<>();
            for (Received r : RECEIVED) {
                if (r.subscription().equals(subscription)) {
                    out.add(r.event());
                }
            }
            return out;
        }
    }

    private static int lag(String subscription) {
        try {
            return JSON.readTree(service.get("/api/v1/subscriptions/" + subscription).body()).get("lag").get("changes").asInt();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String actor(String name) throws Exception {
        HttpResponse<String> r = service.send("POST", "/api/v1/actors", "application/json",
                JSON.writeValueAsBytes(Map.of("name", name, "kind", "country")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("slug").asText();
    }

    private static String subscribe(Map<String, Object> body) throws Exception {
        HttpResponse<String> r = service.send("POST", "/api/v1/subscriptions", "application/json", JSON.writeValueAsBytes(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Waits at most {@code seconds}: a bound for a busy machine, not a speed the test asserts. */
    private static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
