package news.timeline.chronology;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.timeline.chronology.ChronologyFixture.Actor;
import news.timeline.support.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Issue 18, item 2: the digest since T counts what the change feed and the event lists give for the same T. */
@QuarkusTest
class DigestTest {

    @Inject
    ChronologyFixture fixture;

    private record World(Instant since, String nk, String ru, String kim, String shoigu) {
    }

    private static String event(String type, String title, String date, String status, String... actors) {
        List<Map<String, Object>> participants = new ArrayList<>();
        for (String a : actors) {
            participants.add(Map.of("actor", a));
        }
        return Api.post("/api/v1/events", Map.of("type", type, "title", title, "date", date, "status", status,
                "participants", participants)).statusCode(201).extract().path("id");
    }

    private static String agreement(String name, String... parties) {
        List<Map<String, Object>> ps = new ArrayList<>();
        for (String p : parties) {
            ps.add(Map.of("actor", p));
        }
        return Api.post("/api/v1/agreements", Map.of("name", name, "kind", "treaty", "status", "negotiating",
                "parties", ps)).statusCode(201).extract().path("id");
    }

    /** Old facts, then T, then new events, edits, decisions, a merge, a deletion, agreements and an actor. */
    private World world() throws InterruptedException {
        String s = ChronologyFixture.suffix();
        Actor nkRow = fixture.actor("country", "North Korea", s);
        Actor ruRow = fixture.actor("country", "Russia", s);
        Actor kimRow = fixture.actor("person", "Kim Jong-un", s);
        fixture.affiliate(kimRow, nkRow, "2011-12-17", null);
        String nk = nkRow.slug();
        String ru = ruRow.slug();
        String kim = kimRow.slug();
        String e1 = event("meeting", "old meeting " + s, "2024-05-01", "confirmed", nk, ru);
        String e2 = event("statement", "old statement " + s, "2024-05-02", "extracted", kim, ru);
        String e3 = event("report", "old report " + s, "2024-05-03", "extracted", nk);
        String e4 = event("aid", "old aid " + s, "2024-05-04", "confirmed", ru);
        String e5 = event("meeting", "old duplicate " + s, "2024-05-01", "confirmed", nk, ru);
        String oldTreaty = agreement("Old treaty " + s, nk, ru);
        Thread.sleep(20);
        Instant since = Instant.now();
        Thread.sleep(20);
        String shoigu = Api.actorSlug("Sergei Shoigu " + s, "person");
        event("meeting", "new meeting " + s, "2024-09-13", "confirmed", kim, shoigu);
        event("visit", "new visit " + s, "2024-09-14", "extracted", nk, ru);
        event("statement", "new statement " + s, "2024-09-15", "confirmed", ru);
        given().contentType(ContentType.JSON).body(Map.of("title", "old meeting, retitled " + s))
                .patch("/api/v1/events/" + e1).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("reason", "two wires")).post("/api/v1/events/" + e2 + "/confirm")
                .then().statusCode(200);
        given().post("/api/v1/events/" + e3 + "/reject").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("into", e1)).post("/api/v1/events/" + e5 + "/merge")
                .then().statusCode(200);
        given().delete("/api/v1/events/" + e4).then().statusCode(204);
        agreement("New treaty " + s, nk, ru);
        given().contentType(ContentType.JSON).body(Map.of("name", "Old treaty " + s, "kind", "treaty", "status", "signed",
                "parties", List.of(Map.of("actor", nk), Map.of("actor", ru)))).put("/api/v1/agreements/" + oldTreaty)
                .then().statusCode(200);
        return new World(since, nk, ru, kim, shoigu);
    }

    private static List<Map<String, Object>> allPages(String path, Map<String, Object> params) {
        List<Map<String, Object>> out = new ArrayList<>();
        String cursor = null;
        do {
            var req = given().queryParams(params).queryParam("limit", 1000);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            JsonPath page = req.when().get(path).then().statusCode(200).extract().jsonPath();
            out.addAll(page.getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        return out;
    }

    @Test
    void countsAreWhatTheChangeFeedAndTheEventListGive() throws InterruptedException {
        World w = world();
        String t = w.since().toString();
        JsonPath d = given().queryParam("since", t).queryParam("limit", 1000).when().get("/api/v1/digest")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();

        List<Map<String, Object>> listed = allPages("/api/v1/events", Map.of("addedSince", t));
        long entered = listed.stream().filter(e -> Instant.parse((String) e.get("createdAt")).isAfter(w.since())).count();
        assertThat(d.getLong("events.entered") + d.getLong("events.changed")).isEqualTo(listed.size());
        assertThat(d.getLong("events.entered")).isEqualTo(entered).isEqualTo(3);
        assertThat(d.getLong("events.changed")).isEqualTo(2);   // the retitled meeting (with the merge) and the confirmed statement
        Map<String, Integer> types = new HashMap<>();
        listed.forEach(e -> types.merge((String) e.get("type"), 1, Integer::sum));
        Map<String, Integer> byType = new HashMap<>();
        for (Map<String, Object> c : d.<Map<String, Object>>getList("events.byType")) {
            byType.put((String) c.get("type"), (Integer) c.get("entered") + (Integer) c.get("changed"));
        }
        assertThat(byType).isEqualTo(types);
        assertThat(d.<String>getList("events.items.id")).containsExactlyInAnyOrderElementsOf(
                listed.stream().map(e -> (String) e.get("id")).toList());
        assertThat(d.getLong("events.itemsOmitted")).isZero();

        List<Map<String, Object>> feed = allPages("/api/v1/changes", Map.of("since", t));
        assertThat(d.getLong("statusChanges.confirmed")).isEqualTo(count(feed, "event", null, "confirmed")).isEqualTo(1);
        assertThat(d.getLong("statusChanges.rejected")).isEqualTo(count(feed, "event", null, "rejected")).isEqualTo(1);
        assertThat(d.getLong("statusChanges.merged")).isEqualTo(count(feed, "event", "merged", null)).isEqualTo(1);
        assertThat(d.getLong("statusChanges.deleted")).isEqualTo(count(feed, "event", "deleted", null)).isEqualTo(1);
        assertThat(d.getLong("newActors.count")).isEqualTo(count(feed, "actor", "created", null)).isEqualTo(1);
        assertThat(d.getString("newActors.items[0].slug")).isEqualTo(w.shoigu());
        long agreementsCreated = count(feed, "agreement", "created", null);
        Set<Object> agreementsTouched = new HashSet<>();
        feed.stream().filter(c -> "agreement".equals(c.get("entity"))).forEach(c -> agreementsTouched.add(c.get("id")));
        assertThat(d.getLong("agreements.entered")).isEqualTo(agreementsCreated).isEqualTo(1);
        assertThat(d.getLong("agreements.changed")).isEqualTo(agreementsTouched.size() - agreementsCreated).isEqualTo(1);
        assertThat(d.getList("agreements.items.status")).contains("signed", "negotiating");
        assertThat(d.getString("since")).isEqualTo(t);
    }

    private static long count(List<Map<String, Object>> feed, String entity, String action, String status) {
        return feed.stream().filter(c -> entity.equals(c.get("entity")))
                .filter(c -> action == null || action.equals(c.get("action")))
                .filter(c -> status == null || status.equals(c.get("status"))).count();
    }

    @Test
    void aboutActorsCountsTheirEventListsAndGroupsNewEventsByActorAndType() throws InterruptedException {
        World w = world();
        String t = w.since().toString();
        for (String actor : List.of(w.nk(), w.ru())) {
            List<Map<String, Object>> listed = allPages("/api/v1/events", Map.of("addedSince", t, "actor", actor, "includeAffiliated", "true"));
            long entered = listed.stream().filter(e -> Instant.parse((String) e.get("createdAt")).isAfter(w.since())).count();
            JsonPath d = given().queryParam("since", t).queryParam("actor", actor).when().get("/api/v1/digest")
                    .then().statusCode(200).extract().jsonPath();
            String seen = actor + " since " + t + ": listed " + listed.stream().map(e -> e.get("title") + "@" + e.get("createdAt")).toList()
                    + " digest " + d.prettify();
            assertThat(d.getLong("events.entered") + d.getLong("events.changed")).as(seen).isEqualTo(listed.size());
            assertThat(d.getLong("events.entered")).as(seen).isEqualTo(entered);
            assertThat(d.getLong("events.byActor[0].entered")).as(seen).isEqualTo(entered);
            assertThat(d.getString("events.byActor[0].actor.slug")).isEqualTo(actor);
            assertThat(d.getString("statusChanges.deleted")).isNull();
            assertThat(d.getString("events.list")).contains("/api/v1/events?addedSince=").contains("actor=" + actor).contains("includeAffiliated=true");
        }
        // North Korea: Kim's new meeting (roll-up) and the new visit; the confirmed statement is Kim's too
        given().queryParam("since", t).queryParam("actor", w.nk()).when().get("/api/v1/digest")
                .then().statusCode(200)
                .body("events.entered", equalTo(2))
                .body("events.byActor[0].byType.meeting", equalTo(1))
                .body("events.byActor[0].byType.visit", equalTo(1))
                .body("statusChanges.confirmed", equalTo(1))
                .body("statusChanges.rejected", equalTo(1))
                .body("statusChanges.merged", equalTo(1))
                .body("newActors.items.slug", hasItem(w.shoigu()));
        // several actors: the union of their lists, one group each
        Set<Object> union = new HashSet<>();
        for (String actor : List.of(w.nk(), w.ru())) {
            allPages("/api/v1/events", Map.of("addedSince", t, "actor", actor, "includeAffiliated", "true")).forEach(e -> union.add(e.get("id")));
        }
        JsonPath both = given().queryParam("since", t).queryParam("actor", w.nk() + "," + w.ru()).when().get("/api/v1/digest")
                .then().statusCode(200).extract().jsonPath();
        assertThat(both.getLong("events.entered") + both.getLong("events.changed")).isEqualTo(union.size());
        assertThat(both.<String>getList("events.byActor.actor.slug")).containsExactly(w.nk(), w.ru());
        assertThat(both.getLong("agreements.entered")).isEqualTo(1);
    }

    @Test
    void atomFeedHasTheCountsThenTheEvents() throws InterruptedException {
        World w = world();
        Response r = given().queryParam("since", w.since().toString()).queryParam("actor", w.ru()).queryParam("format", "atom")
                .when().get("/api/v1/digest").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().response();
        XmlPath feed = new XmlPath(r.asString());
        int items = given().queryParam("since", w.since().toString()).queryParam("actor", w.ru()).when().get("/api/v1/digest")
                .then().statusCode(200).extract().jsonPath().getList("events.items").size();
        assertThat(feed.getList("feed.entry").size()).isEqualTo(items + 1);
        assertThat(feed.getString("feed.entry[0].title")).contains("2 new events, 2 changed");
        assertThat(feed.getString("feed.entry[0].summary")).contains("Agreements: 1 new, 1 changed");
        String tag = r.header("ETag");
        given().queryParam("since", w.since().toString()).queryParam("actor", w.ru()).queryParam("format", "atom")
                .header("If-None-Match", tag).when().get("/api/v1/digest").then().statusCode(304);
        // the JSON answer has another tag
        given().queryParam("since", w.since().toString()).queryParam("actor", w.ru())
                .header("If-None-Match", tag).when().get("/api/v1/digest").then().statusCode(200);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().when().get("/api/v1/digest").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("since"));
        given().queryParam("since", "last week").when().get("/api/v1/digest").then().statusCode(400)
                .body("errors.field", hasItem("since"));
        given().queryParam("since", "2024-09-01").queryParam("actor", "nobody-" + ChronologyFixture.suffix())
                .when().get("/api/v1/digest").then().statusCode(400).body("errors.field", hasItem("actor"));
        given().queryParam("since", "2024-09-01").queryParam("format", "csv").when().get("/api/v1/digest")
                .then().statusCode(400).body("errors.field", hasItem("format"));
        given().queryParam("since", "2024-09-01").queryParam("status", "lost").when().get("/api/v1/digest")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        given().queryParam("since", "2024-09-01").queryParam("limit", "0").when().get("/api/v1/digest")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("since", "2999-01-01").when().get("/api/v1/digest")
                .then().statusCode(200).body("events.entered", equalTo(0)).body("statusChanges.deleted", equalTo(0))
                .body("events.items.size()", equalTo(0)).body("newActors.count", equalTo(0))
                .body("actors.size()", equalTo(0)).body("agreements.items.size()", equalTo(0))
                .body("events.byActor.size()", equalTo(0)).body("first", nullValue());
    }
}
