package news.timeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.timeline.actors.ActorService;
import news.timeline.actors.AliasNormalizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the packaged service on one PostgreSQL (Failsafe, after {@code package}; alone:
 * {@code ./mvnw -Dwebui.skip verify -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TwoReplicasIT}).
 * Requests are split across both; each test makes its own data. Both processes are stopped at the end, also on failure
 * ({@link ReplicaPair}). An import is held at a chosen point by holding, from the test, the advisory lock of the actor
 * name its first record creates: the job is then running for as long as the test wants.
 */
class TwoReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("target/two-replicas");

    private static ReplicaPair replicas;
    private static Replica a;
    private static Replica b;

    @BeforeAll
    static void startDatabaseAndTwoReplicas() throws Exception {
        replicas = ReplicaPair.start(ROOT, "replicas", Map.of("TIMELINE_DB_POOL_SIZE", "12", "TIMELINE_EXTRACTION", "off",
                "TIMELINE_JOB_LEASE", "PT4S", "TIMELINE_IMPORT_BATCH_SIZE", "100"), "768m", ReplicaPair.Start.ONE_AFTER_THE_OTHER);
        a = replicas.a;
        b = replicas.b;
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void anImportAcceptedByASurvivesARestartOfBAndFinishes() throws Exception {
        String source = source();
        String actor = "Holdland " + source;
        try (Connection hold = replicas.db()) {
            holdName(hold, actor);
            String id = startJob(a, lines(source, 0, 300, actor));
            await(b, id, j -> j.get("state").asText().equals("running"), "the job to run on a");
            assertThat(job(b, id).get("replica").asText()).endsWith(":" + a.port);

            b.stop();
            b.start();
            assertThat(job(b, id).get("state").asText()).as("b's start leaves a's running job alone").isEqualTo("running");
            Thread.sleep(5000); // longer than the lease: a's heartbeat keeps it alive through b's sweeps
            assertThat(job(b, id).get("state").asText()).isEqualTo("running");

            releaseName(hold, actor);
            JsonNode done = await(b, id, j -> !j.get("state").asText().equals("running"), "the job to end");
            assertThat(done.get("state").asText()).isEqualTo("succeeded");
            assertThat(done.get("created").asLong()).isEqualTo(300);
            assertThat(job(a, id)).as("every replica answers the same").isEqualTo(done);
        }
        assertThat(replicas.count("select count(*) from events where external_source = ?", source)).isEqualTo(300);
    }

    @Test
    void theJobOfAReplicaThatDiedIsFailedByTheOtherOnceItsLeaseRunsOut() throws Exception {
        String source = source();
        String actor = "Crashland " + source;
        try (Connection hold = replicas.db()) {
            holdName(hold, actor);
            String id = startJob(a, lines(source, 0, 200, actor));
            await(b, id, j -> j.get("state").asText().equals("running"), "the job to run on a");
            a.kill();
            long killed = System.nanoTime();
            JsonNode failed = await(b, id, j -> j.get("state").asText().equals("failed"), "b to fail the dead replica's job");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);
            assertThat(failed.get("message").asText()).contains("stopped before the job finished").contains(":" + a.port);
            assertThat(seconds).as("lease 4 s, sweeps every 2 s").isLessThan(30);
            releaseName(hold, actor);
        } finally {
            a.start();
        }
        // a's restart removed the dead job's spooled body from its folder
        assertThat(ROOT.resolve("a/spool").toFile().list((d, n) -> n.endsWith(".upload"))).isEmpty();
    }

    @Test
    void overlappingImportsOnBothReplicasAtOnceStoreEachEventOnceAndBothAnswerTheSamePage() throws Exception {
        String source = source();
        String actor = "Overlapland " + source;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> onA = pool.submit(importNow(a, lines(source, 0, 600, actor)));
            Future<HttpResponse<String>> onB = pool.submit(importNow(b, lines(source, 300, 900, actor)));
            JsonNode ra = JSON.readTree(onA.get(5, TimeUnit.MINUTES).body());
            JsonNode rb = JSON.readTree(onB.get(5, TimeUnit.MINUTES).body());
            for (JsonNode r : List.of(ra, rb)) {
                assertThat(r.get("received").asLong()).isEqualTo(600);
                assertThat(r.get("rejected").asLong()).as(r.toString()).isZero();
            }
            assertThat(ra.get("created").asLong() + rb.get("created").asLong()).as("each event created once").isEqualTo(900);
            assertThat(ra.get("unchanged").asLong() + rb.get("unchanged").asLong()).as("the overlap found stored").isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
        assertThat(replicas.count("select count(*) from events where external_source = ?", source)).isEqualTo(900);
        assertThat(replicas.count("select count(*) from actors where name = ?", actor)).as("one actor, no twin").isEqualTo(1);

        // the same page and ETag from either replica
        String slug = replicas.text("select slug from actors where name = ?", actor);
        HttpResponse<String> pageA = a.get("/api/v1/actors/" + slug + "/timeline?limit=50");
        HttpResponse<String> pageB = b.get("/api/v1/actors/" + slug + "/timeline?limit=50");
        assertThat(pageA.statusCode()).isEqualTo(200);
        assertThat(pageB.body()).isEqualTo(pageA.body());
        assertThat(pageB.headers().firstValue("ETag")).isPresent().isEqualTo(pageA.headers().firstValue("ETag"));
        // a cursor of one replica pages on the other
        String next = JSON.readTree(pageA.body()).get("next").asText();
        HttpResponse<String> secondOnB = b.get("/api/v1/actors/" + slug + "/timeline?limit=50&cursor=" + next);
        HttpResponse<String> secondOnA = a.get("/api/v1/actors/" + slug + "/timeline?limit=50&cursor=" + next);
        assertThat(secondOnB.statusCode()).as(secondOnB.body()).isEqualTo(200);
        assertThat(secondOnB.body()).isEqualTo(secondOnA.body());

        // and the search index catches up with both imports
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (queued(source) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(queued(source)).isZero();
        assertThat(replicas.count("select count(*) from event_search s join events e on e.id = s.event_id where e.external_source = ?",
                source)).isEqualTo(900);
    }

    @Test
    void oneNameCreatedOnBothReplicasAtOnceIsOneActor() throws Exception {
        String name = "Twinland " + source();
        byte[] body = JSON.writeValueAsBytes(Map.of("name", name, "kind", "country"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Replica r = i % 2 == 0 ? a : b;
                answers.add(pool.submit(() -> r.send("POST", "/api/v1/actors", "application/json", body)));
            }
            int created = 0;
            int twins = 0;
            for (Future<HttpResponse<String>> f : answers) {
                int status = f.get(2, TimeUnit.MINUTES).statusCode();
                if (status == 201) {
                    created++;
                } else if (status == 409) {
                    twins++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(twins).isEqualTo(19);
        } finally {
            pool.shutdownNow();
        }
        assertThat(replicas.count("select count(*) from actors where name = ?", name)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    private static String source() {
        return "r-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** NDJSON events {@code from} to {@code to} (exclusive) of {@code source}, each with {@code actor}. */
    private static byte[] lines(String source, int from, int to, String actor) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append("{\"externalId\":\"e").append(i).append("\",\"type\":\"meeting\",\"title\":\"Meeting ").append(i)
                    .append(" of ").append(source).append("\",\"date\":\"2020-01-").append(String.format("%02d", 1 + i % 28))
                    .append("\",\"participants\":[{\"actor\":{\"name\":\"").append(actor)
                    .append("\",\"kind\":\"country\"},\"role\":\"participant\"}],\"sources\":[{\"url\":\"https://example.org/")
                    .append(source).append('/').append(i).append("\",\"quote\":\"Met.\"}]}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String startJob(Replica r, byte[] body) throws Exception {
        HttpResponse<String> answer = r.send("POST", "/api/v1/imports/events?async=true&source=" + sourceOf(body),
                "application/x-ndjson", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private static Callable<HttpResponse<String>> importNow(Replica r, byte[] body) {
        return () -> {
            HttpResponse<String> answer = r.send("POST", "/api/v1/imports/events?source=" + sourceOf(body), "application/x-ndjson", body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return answer;
        };
    }

    /** The source named in the first line's URL (https://example.org/SOURCE/i). */
    private static String sourceOf(byte[] body) {
        String first = new String(body, 0, Math.min(body.length, 1000), StandardCharsets.UTF_8);
        int at = first.indexOf("https://example.org/") + "https://example.org/".length();
        return first.substring(at, first.indexOf('/', at));
    }

    private static JsonNode job(Replica r, String id) throws Exception {
        HttpResponse<String> answer = r.get("/api/v1/imports/" + id);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static JsonNode await(Replica r, String id, Predicate<JsonNode> until, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        JsonNode j = job(r, id);
        while (!until.test(j)) {
            assertThat(System.nanoTime()).as("waiting for " + what + "; last: " + j).isLessThan(deadline);
            Thread.sleep(200);
            j = job(r, id);
        }
        return j;
    }

    /** Holds the advisory lock an import takes before it creates the actor {@code name}: its batch waits. */
    private static void holdName(Connection c, String name) throws SQLException {
        lockCall(c, "pg_advisory_lock", name);
    }

    private static void releaseName(Connection c, String name) throws SQLException {
        lockCall(c, "pg_advisory_unlock", name);
    }

    private static void lockCall(Connection c, String function, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(hashtextextended(?, 0))")) {
            ps.setString(1, ActorService.nameLockKey(AliasNormalizer.normalize(name)));
            ps.executeQuery().close();
        }
    }

    private static long queued(String source) throws SQLException {
        return replicas.count("select count(*) from search_queue q join events e on e.id = q.event_id where e.external_source = ?", source);
    }
}
