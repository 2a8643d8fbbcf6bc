package news.timeline.chronology;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.timeline.chronology.ChronologyFixture.Actor;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.support.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Issue 18, item 1: the counts of a pair's summary and of an actor's counterparts are what the pair timelines list. */
@QuarkusTest
class RelationshipSummaryTest {

    @Inject
    ChronologyFixture fixture;

    /** A known data set: two countries, their people within periods, direct and rolled-up events over years. */
    private record Pair(Actor nk, Actor ru, Actor kim, Actor shoigu, Actor lavrov, Actor china, Instant before) {
    }

    private Pair knownDataSet() {
        String s = ChronologyFixture.suffix();
        Actor nk = fixture.actor("country", "North Korea", s);
        Actor ru = fixture.actor("country", "Russia", s);
        Actor kim = fixture.actor("person", "Kim Jong-un", s);
        Actor shoigu = fixture.actor("person", "Sergei Shoigu", s);
        Actor lavrov = fixture.actor("person", "Sergey Lavrov", s);
        Actor china = fixture.actor("country", "China", s);
        fixture.affiliate(kim, nk, "2011-12-17", null);
        fixture.affiliate(shoigu, ru, "2012-11-06", null);
        fixture.affiliate(lavrov, ru, "2004-03-09", null);
        Instant old = Instant.now().minus(10, ChronoUnit.DAYS);
        fixture.event("negotiation", "talks 2019", DateValue.parse("2019-04-25"), "confirmed", old, kim, ru);
        fixture.event("meeting", "Kim and Lavrov 2019", DateValue.parse("2019-05-31"), "confirmed", old, kim, lavrov);
        fixture.event("statement", "joint statement 2023", DateValue.parse("2023"), "extracted", old, nk, ru);
        fixture.event("visit", "Shoigu in Pyongyang", DateValue.parse("2023-07-26"), "extracted", old, shoigu, nk);
        fixture.event("meeting", "Kim meets Shoigu", "2024-09-13", kim, shoigu);
        fixture.event("agreement_signed", "Treaty signed", "2024-06", nk, ru);
        fixture.event("meeting", "Kim meets Lavrov", "2024-06-19", kim, lavrov);
        fixture.event("meeting", "wrong", DateValue.parse("2024-07-01"), "rejected", Instant.now(), nk, ru);
        fixture.event("meeting", "Kim before he led", "2010-05-05", kim, shoigu);   // outside Kim's period
        fixture.event("meeting", "China alone", "2024-08-01", kim, china);
        fixture.event("statement", "Russia alone", "2024-07-01", ru);
        return new Pair(nk, ru, kim, shoigu, lavrov, china, Instant.now().minus(1, ChronoUnit.DAYS));
    }

    @Test
    void summaryCountsAreWhatThePairTimelineLists() {
        Pair p = knownDataSet();
        List<Map<String, Object>> cases = List.of(
                Map.of(),
                Map.of("from", "2023-01-01"),
                Map.of("from", "2019", "to", "2023-07"),
                Map.of("type", "meeting,visit"),
                Map.of("addedSince", p.before().toString()),
                Map.of("includeAffiliated", "false"),
                Map.of("status", "extracted,confirmed,rejected"),
                Map.of("from", "2030"));
        for (Map<String, Object> params : cases) {
            JsonPath timeline = given().queryParams(params).queryParam("limit", 1000)
                    .when().get("/api/v1/relationships/{a}/{b}/timeline", p.nk().slug(), p.ru().slug())
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = timeline.getList("items");
            JsonPath summary = given().queryParams(params)
                    .when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.ru().slug())
                    .then().statusCode(200).extract().jsonPath();
            assertThat(summary.getLong("events")).as("events %s", params).isEqualTo(items.size());
            Map<String, Integer> types = new HashMap<>();
            boolean months = "month".equals(summary.getString("periodUnit"));
            Map<String, Integer> periods = new TreeMap<>();
            for (Map<String, Object> e : items) {
                types.merge((String) e.get("type"), 1, Integer::sum);
                @SuppressWarnings("unchecked")
                String start = ((Map<String, String>) e.get("date")).get("start");
                periods.merge(start.substring(0, months ? 7 : 4), 1, Integer::sum);
            }
            Map<String, Integer> byType = new HashMap<>();
            for (Map<String, Object> t : summary.<Map<String, Object>>getList("byType")) {
                byType.put((String) t.get("type"), (Integer) t.get("events"));
            }
            assertThat(byType).as("byType %s", params).isEqualTo(types);
            Map<String, Integer> byPeriod = new LinkedHashMap<>();
            for (Map<String, Object> t : summary.<Map<String, Object>>getList("byPeriod")) {
                byPeriod.put((String) t.get("period"), (Integer) t.get("events"));
            }
            assertThat(byPeriod).as("byPeriod %s", params).isEqualTo(periods);
            assertThat(List.copyOf(byPeriod.keySet())).as("periods in order").isEqualTo(List.copyOf(periods.keySet()));
            if (items.isEmpty()) {
                assertThat(summary.getString("first")).isNull();
                assertThat(summary.getString("latest")).isNull();
            } else {
                assertThat(summary.getString("first.id")).as("first %s", params).isEqualTo(items.get(0).get("id"));
                assertThat(summary.getString("latest.id")).as("latest %s", params).isEqualTo(items.get(items.size() - 1).get("id"));
            }
        }
        // the whole data set, spelled out: seven shared events over 2019, 2023 and 2024
        given().when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.ru().slug())
                .then().statusCode(200)
                .body("actors.slug", contains(p.nk().slug(), p.ru().slug()))
                .body("events", equalTo(7))
                .body("byType[0].type", equalTo("meeting")).body("byType[0].events", equalTo(3))
                .body("periodUnit", equalTo("year"))
                .body("byPeriod.period", contains("2019", "2023", "2024"))
                .body("byPeriod.events", contains(2, 2, 3))
                .body("first.title", equalTo("talks 2019"))
                .body("latest.title", equalTo("Kim meets Shoigu"))
                .body("sides[0].actor.slug", equalTo(p.nk().slug()))
                .body("sides[0].affiliates.actor.slug", contains(p.kim().slug()))
                .body("sides[0].affiliates[0].events", equalTo(4))
                .body("sides[1].affiliates.actor.slug", contains(p.shoigu().slug(), p.lavrov().slug()))   // by name on a tie
                .body("sides[1].affiliates.events", contains(2, 2))
                .body("timeline", endsWith("/api/v1/relationships/" + p.nk().slug() + "/" + p.ru().slug() + "/timeline"));
        // a short span counts by month
        given().queryParam("from", "2024").when().get("/api/v1/relationships/{a}/{b}", p.ru().slug(), p.nk().slug())
                .then().statusCode(200)
                .body("events", equalTo(3))
                .body("periodUnit", equalTo("month"))
                .body("byPeriod.period", contains("2024-06", "2024-09"))
                .body("byPeriod.events", contains(2, 1))
                .body("timeline", containsString("/timeline?from=2024"));
    }

    /**
     * The rolled-up counts on a mixed data set, against the pair timeline (another statement): a person who moved
     * from side A to side B, one affiliated to A in two periods, one to both at once, a body of A's with no period,
     * an outsider; events of one to three participants, day and month precision, some rejected.
     */
    @Test
    void rolledUpCountsAndSidesMatchThePairTimelineOnAMixedDataSet() {
        String s = ChronologyFixture.suffix();
        Actor a = fixture.actor("country", "Side A", s);
        Actor b = fixture.actor("country", "Side B", s);
        Actor body = fixture.actor("organization", "Body of A", s);
        Actor stayer = fixture.actor("person", "Stayer", s);
        Actor mover = fixture.actor("person", "Mover", s);
        Actor twice = fixture.actor("person", "Twice", s);
        Actor both = fixture.actor("person", "Both", s);
        Actor ofB = fixture.actor("person", "Of B", s);
        Actor outsider = fixture.actor("person", "Outsider", s);
        fixture.affiliate(body, a, null, null);
        fixture.affiliate(stayer, a, "2005-01-01", null);
        fixture.affiliate(mover, a, null, "2009-12-31");
        fixture.affiliate(mover, b, "2010-01-01", null);
        fixture.affiliate(twice, a, "2000-01-01", "2004-12-31");
        fixture.affiliate(twice, a, "2012-01-01", null);
        fixture.affiliate(both, a, "2003-01-01", "2020-12-31");
        fixture.affiliate(both, b, "2008-01-01", null);
        fixture.affiliate(ofB, b, "2000-01-01", "2015-06-30");
        Actor[] pool = {a, b, body, stayer, mover, twice, both, ofB, outsider};
        // who is a member of which side, and when
        Map<String, List<String[]>> periodsA = Map.of(body.slug(), List.<String[]>of(new String[] {null, null}),
                stayer.slug(), List.<String[]>of(new String[] {"2005-01-01", null}),
                mover.slug(), List.<String[]>of(new String[] {null, "2009-12-31"}),
                twice.slug(), List.of(new String[] {"2000-01-01", "2004-12-31"}, new String[] {"2012-01-01", null}),
                both.slug(), List.<String[]>of(new String[] {"2003-01-01", "2020-12-31"}));
        Map<String, List<String[]>> periodsB = Map.of(mover.slug(), List.<String[]>of(new String[] {"2010-01-01", null}),
                both.slug(), List.<String[]>of(new String[] {"2008-01-01", null}),
                ofB.slug(), List.<String[]>of(new String[] {"2000-01-01", "2015-06-30"}));
        java.util.Random random = new java.util.Random(18);
        String[] types = {"meeting", "statement", "visit"};
        for (int i = 0; i < 160; i++) {
            int n = 1 + random.nextInt(3);
            java.util.LinkedHashSet<Actor> who = new java.util.LinkedHashSet<>();
            while (who.size() < n) {
                who.add(pool[random.nextInt(pool.length)]);
            }
            String date = String.format("%d-%02d", 1998 + random.nextInt(27), 1 + random.nextInt(12))
                    + (random.nextInt(4) == 0 ? "" : String.format("-%02d", 1 + random.nextInt(28)));
            fixture.event(types[random.nextInt(types.length)], "mixed " + i, DateValue.parse(date),
                    random.nextInt(10) == 0 ? "rejected" : "confirmed", Instant.now(), who.toArray(Actor[]::new));
        }
        for (Map<String, Object> params : List.<Map<String, Object>>of(Map.of(), Map.of("from", "2008", "to", "2016-03"),
                Map.of("type", "meeting"))) {
            List<Map<String, Object>> items = given().queryParams(params).queryParam("limit", 1000)
                    .when().get("/api/v1/relationships/{a}/{b}/timeline", a.slug(), b.slug())
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(items).as("a data set with shared events %s", params).hasSizeGreaterThan(10);
            JsonPath summary = given().queryParams(params)
                    .when().get("/api/v1/relationships/{a}/{b}", a.slug(), b.slug())
                    .then().statusCode(200).extract().jsonPath();
            assertThat(summary.getLong("events")).as("events %s", params).isEqualTo(items.size());
            Map<String, Integer> types2 = new HashMap<>();
            Map<String, Integer> sideA = new TreeMap<>();
            Map<String, Integer> sideB = new TreeMap<>();
            for (Map<String, Object> e : items) {
                types2.merge((String) e.get("type"), 1, Integer::sum);
                @SuppressWarnings("unchecked")
                Map<String, String> d = (Map<String, String>) e.get("date");
                @SuppressWarnings("unchecked")
                List<Map<String, Map<String, String>>> participants = (List<Map<String, Map<String, String>>>) e.get("participants");
                for (Map<String, Map<String, String>> part : participants) {
                    String slug = part.get("actor").get("slug");
                    if (memberAt(periodsA.get(slug), d.get("start"), d.get("end"))) {
                        sideA.merge(slug, 1, Integer::sum);
                    }
                    if (memberAt(periodsB.get(slug), d.get("start"), d.get("end"))) {
                        sideB.merge(slug, 1, Integer::sum);
                    }
                }
            }
            Map<String, Integer> byType = new HashMap<>();
            for (Map<String, Object> t : summary.<Map<String, Object>>getList("byType")) {
                byType.put((String) t.get("type"), (Integer) t.get("events"));
            }
            assertThat(byType).as("byType %s", params).isEqualTo(types2);
            assertThat(summary.getString("first.id")).as("first %s", params).isEqualTo(items.get(0).get("id"));
            assertThat(summary.getString("latest.id")).as("latest %s", params).isEqualTo(items.get(items.size() - 1).get("id"));
            assertThat(sides(summary, 0)).as("side A's affiliates %s", params).isEqualTo(sideA);
            assertThat(sides(summary, 1)).as("side B's affiliates %s", params).isEqualTo(sideB);
        }
    }

    /** Whether some period (from, to; null for open) overlaps the days start..end. */
    private static boolean memberAt(List<String[]> periods, String start, String end) {
        if (periods == null) {
            return false;
        }
        for (String[] p : periods) {
            if ((p[1] == null || start.compareTo(p[1]) <= 0) && (p[0] == null || end.compareTo(p[0]) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> sides(JsonPath summary, int side) {
        Map<String, Integer> out = new TreeMap<>();
        for (Map<String, Object> m : summary.<Map<String, Object>>getList("sides[" + side + "].affiliates")) {
            @SuppressWarnings("unchecked")
            Map<String, String> actor = (Map<String, String>) m.get("actor");
            out.put(actor.get("slug"), (Integer) m.get("events"));
        }
        return out;
    }

    @Test
    void summaryListsAgreementsWithAPartyOnEachSide() {
        Pair p = knownDataSet();
        String treaty = Api.post("/api/v1/agreements", Map.of("name", Api.unique("Treaty"), "kind", "treaty", "status", "signed",
                "signed", "2024-06-19", "parties", List.of(Map.of("actor", p.nk().slug()), Map.of("actor", p.ru().slug()))))
                .statusCode(201).extract().path("id");
        String plan = Api.post("/api/v1/agreements", Map.of("name", Api.unique("Plan"), "kind", "framework", "status", "proposed",
                "parties", List.of(Map.of("actor", p.kim().slug()), Map.of("actor", p.ru().slug()))))
                .statusCode(201).extract().path("id");
        Api.post("/api/v1/agreements", Map.of("name", Api.unique("Other"), "kind", "deal", "status", "signed",
                "signed", "2020", "parties", List.of(Map.of("actor", p.nk().slug()), Map.of("actor", p.china().slug()))))
                .statusCode(201);
        given().when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.ru().slug())
                .then().statusCode(200)
                .body("agreements.id", contains(treaty, plan))
                .body("agreements[0].status", equalTo("signed"))
                .body("agreements[0].signed.value", equalTo("2024-06-19"))
                .body("agreements[1].signed", nullValue());
        given().queryParam("includeAffiliated", "false").when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.ru().slug())
                .then().statusCode(200).body("agreements.id", contains(treaty));
        given().queryParam("to", "2023").when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.ru().slug())
                .then().statusCode(200).body("agreements.id", contains(plan));
    }

    @Test
    void counterpartCountsAreWhatEachPairTimelineLists() {
        Pair p = knownDataSet();
        List<Map<String, Object>> cases = List.of(Map.of(), Map.of("from", "2024"), Map.of("type", "meeting"),
                Map.of("addedSince", p.before().toString()), Map.of("to", "2019-12-31"));
        for (Map<String, Object> params : cases) {
            JsonPath counterparts = given().queryParams(params).when().get("/api/v1/actors/{a}/relationships", p.nk().slug())
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = counterparts.getList("items");
            long previous = Long.MAX_VALUE;
            for (Map<String, Object> c : items) {
                @SuppressWarnings("unchecked")
                String slug = ((Map<String, String>) c.get("actor")).get("slug");
                long n = ((Number) c.get("events")).longValue();
                assertThat(n).as("sorted by count %s", params).isLessThanOrEqualTo(previous);
                previous = n;
                if (slug.equals(p.ru().slug())) {
                    continue;   // a counterpart is counted by its own participation; Russia's pair timeline adds its people's
                }
                // counterparts without affiliates of their own: the pair timeline has the same events
                List<String> types = given().queryParams(params).queryParam("limit", 1000)
                        .when().get("/api/v1/relationships/{a}/{b}/timeline", p.nk().slug(), slug)
                        .then().statusCode(200).extract().jsonPath().getList("items.type");
                assertThat(n).as("%s %s", slug, params).isEqualTo(types.size());
                Map<String, Integer> byType = new HashMap<>();
                types.forEach(t -> byType.merge(t, 1, Integer::sum));
                @SuppressWarnings("unchecked")
                Map<String, Integer> given = (Map<String, Integer>) c.get("byType");
                assertThat(given).as("byType %s %s", slug, params).isEqualTo(byType);
            }
        }
        // Russia itself: talks with Kim, the joint statement and the treaty
        given().when().get("/api/v1/actors/{a}/relationships", p.nk().slug())
                .then().statusCode(200)
                .body("items.actor.slug", hasSize(4))
                .body("items[0].actor.slug", equalTo(p.ru().slug()))
                .body("items[0].events", equalTo(3))
                .body("items[0].byType", equalTo(Map.of("negotiation", 1, "statement", 1, "agreement_signed", 1)))
                .body("items[1].events", equalTo(2)).body("items[2].events", equalTo(2))
                .body("items[3].actor.slug", equalTo(p.china().slug()));
        given().queryParam("from", "2024").queryParam("type", "agreement_signed")
                .when().get("/api/v1/actors/{a}/relationships", p.nk().slug())
                .then().statusCode(200)
                .body("items.actor.slug", contains(p.ru().slug()))
                .body("items[0].byType", equalTo(Map.of("agreement_signed", 1)));
    }

    @Test
    void summaryAnswersAWeakETagThatFollowsTheData() {
        Pair p = knownDataSet();
        String tag = given().when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.ru().slug())
                .then().statusCode(200).extract().header("ETag");
        assertThat(tag).startsWith("W/");
        given().header("If-None-Match", tag).when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.ru().slug())
                .then().statusCode(304);
        String listTag = given().when().get("/api/v1/actors/{a}/relationships", p.nk().slug())
                .then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", listTag).when().get("/api/v1/actors/{a}/relationships", p.nk().slug())
                .then().statusCode(304);
        fixture.event("aid", "new aid", "2024-10-01", p.nk(), p.ru());
        given().header("If-None-Match", tag).when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.ru().slug())
                .then().statusCode(200).body("events", equalTo(8)).body("byType.type", hasItem("aid"));
        given().header("If-None-Match", listTag).when().get("/api/v1/actors/{a}/relationships", p.nk().slug())
                .then().statusCode(200);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Pair p = knownDataSet();
        given().queryParam("from", "June").when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.ru().slug())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        given().queryParam("type", "party").when().get("/api/v1/actors/{a}/relationships", p.nk().slug())
                .then().statusCode(400).body("errors.field", hasItem("type"));
        given().queryParam("addedSince", "yesterday").when().get("/api/v1/actors/{a}/relationships", p.nk().slug())
                .then().statusCode(400).body("errors.field", hasItem("addedSince"));
        given().when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.nk().id())
                .then().statusCode(400).body("errors.field", hasItem("actorB"));
        given().when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), "no-such-actor-" + ChronologyFixture.suffix())
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("includeAffiliated", "maybe").when().get("/api/v1/relationships/{a}/{b}", p.nk().slug(), p.ru().slug())
                .then().statusCode(400);
    }
}
