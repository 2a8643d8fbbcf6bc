package news.timeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Article submissions split across two replicas of the packaged service, with the language models loaded in both
 * (Failsafe; alone: {@code ./mvnw -Dwebui.skip verify -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=TwoReplicasArticlesIT}): 50 identical submissions store one article and one set of facts, 200 different
 * ones about the same pool of people all store, with no twin actors and no twin events. Both processes are stopped at
 * the end, also on failure.
 */
class TwoReplicasArticlesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("target/two-replicas-articles");
    private static final List<String> PEOPLE = List.of("Arkady Belomirov", "Tomas Verhagen", "Amina Okonkwo", "Lucas Ferreira",
            "Ingrid Solvang", "Rafael Quintero", "Mei Tanaka", "Oskar Lindqvist", "Nadia Haddad", "Pieter Claes");
    private static final List<String> CITIES = List.of("Geneva", "Vienna", "Oslo", "Lisbon", "Nairobi");
    private static final int CLIENTS = 8;

    private static ReplicaPair replicas;
    private static Replica a;
    private static Replica b;

    @BeforeAll
    static void startDatabaseAndTwoReplicas() throws Exception {
        // both load their models at once
        replicas = ReplicaPair.start(ROOT, "articles", Map.of("TIMELINE_DB_POOL_SIZE", "12", "TIMELINE_EXTRACTION_LOAD_WAIT", "PT10M"),
                "2560m", ReplicaPair.Start.TOGETHER);
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
    void fiftyIdenticalSubmissionsOnBothReplicasStoreOneArticleAndOneSetOfFacts() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        byte[] article = JSON.writeValueAsBytes(article(0, run));
        List<JsonNode> answers = submitAll(java.util.Collections.nCopies(50, article));
        Set<String> articles = new HashSet<>();
        Set<Set<String>> eventSets = new HashSet<>();
        for (JsonNode r : answers) {
            articles.add(r.get("article").get("id").asText());
            Set<String> events = new HashSet<>();
            r.get("events").forEach(e -> events.add(e.get("id").asText()));
            eventSets.add(events);
        }
        assertThat(articles).as("one article").hasSize(1);
        assertThat(eventSets).as("one set of facts, the same in every answer").hasSize(1);
        assertThat(eventSets.iterator().next()).isNotEmpty();
        assertThat(replicas.count("select count(*) from articles where title like ?", "%" + run + "%")).isEqualTo(1);
        assertThat(replicas.count("select count(distinct s.event_id) from event_sources s join articles a on a.id = s.article_id "
                + "where a.title like ?", "%" + run + "%")).isEqualTo(eventSets.iterator().next().size());
    }

    @Test
    void twoHundredDifferentSubmissionsOnBothReplicasAllStoreWithNoTwins() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            bodies.add(JSON.writeValueAsBytes(article(i, run)));
        }
        List<JsonNode> answers = submitAll(bodies);
        assertThat(answers).hasSize(200);
        assertThat(replicas.count("select count(*) from articles where title like ?", "%" + run + "%")).isEqualTo(200);
        // no two actors of one kind whose names are the same but for case, and no two events of one type and date
        // with the same participants
        assertThat(replicas.count("select count(*) from (select lower(name), kind from actors group by 1, 2 having count(*) > 1) t"))
                .as("twin actors").isZero();
        assertThat(replicas.count("""
                select count(*) from (
                    select e.type, e.date_value, w.who from events e
                    cross join lateral (select array_agg(p.actor_id order by p.actor_id) who from event_participants p
                                        where p.event_id = e.id) w
                    where w.who is not null
                    group by 1, 2, 3 having count(*) > 1) t""")).as("twin events").isZero();
        for (String person : PEOPLE.subList(0, 4)) {
            assertThat(replicas.count("select count(*) from actors where name = ?", person)).as(person).isEqualTo(1);
        }
    }

    /** Sends every body at once from {@link #CLIENTS} clients, alternating replicas; each answer must be 201 or 200. */
    private static List<JsonNode> submitAll(List<byte[]> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < bodies.size(); i++) {
                Replica r = i % 2 == 0 ? a : b;
                byte[] body = bodies.get(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return r.send("POST", "/api/v1/articles", "application/json", body);
                }));
            }
            start.countDown();
            List<JsonNode> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                HttpResponse<String> answer = f.get(15, TimeUnit.MINUTES);
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
                out.add(JSON.readTree(answer.body()));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A short story about four of the people in rotated order, with a line of its own (so it is a new article). */
    private static ObjectNode article(int i, String run) {
        List<String> p = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            p.add(PEOPLE.get((i + k * 3) % PEOPLE.size()));
        }
        String city = CITIES.get(i % CITIES.size());
        String body = p.get(0) + " met " + p.get(1) + " in " + city + " on Friday, officials said.\n\n"
                + p.get(2) + " and " + p.get(3) + " held talks in Vienna on Thursday.\n\n"
                + p.get(1) + " criticized " + p.get(2) + " on Wednesday.\n\n"
                + "Report " + i + " of run " + run + ".";
        ObjectNode a = JSON.createObjectNode();
        a.put("title", "Talks in " + city + ", report " + i + " " + run);
        a.put("body", body);
        a.put("publishedAt", "2024-09-14");
        return a;
    }
}
