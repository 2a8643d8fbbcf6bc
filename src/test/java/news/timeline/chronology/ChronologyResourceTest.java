package news.timeline.chronology;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.timeline.chronology.ChronologyFixture.Actor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ChronologyResourceTest {

    @Inject
    ChronologyFixture fixture;

    @Test
    void actorTimelineIsChronologicalWithFinerPrecisionFirst() {
        String s = ChronologyFixture.suffix();
        Actor x = fixture.actor("person", "Timeline Person", s);
        fixture.event("statement", "day in June", "2024-06-01", x);
        fixture.event("meeting", "the month of June", "2024-06", x);
        fixture.event("report", "the year", "2024", x);
        fixture.event("visit", "later day", "2024-09-13", x);
        fixture.event("visit", "earlier day", "2023-12-31", x);

        given().when().get("/api/v1/actors/{a}/timeline", x.slug())
                .then().statusCode(200)
                .body("actors[0].slug", equalTo(x.slug()))
                .body("items.title", contains("earlier day", "the year", "day in June", "the month of June", "later day"))
                .body("items[1].date.precision", equalTo("year"))
                .body("items[3].date.start", equalTo("2024-06-01"))
                .body("items[3].date.end", equalTo("2024-06-30"))
                .body("items[0].participants[0].actor.slug", equalTo(x.slug()))
                .body("items[0].sources[0].quote", containsString("earlier day"))
                .body("next", nullValue());
        // by id as well as by slug
        given().when().get("/api/v1/actors/{a}/timeline", x.id()).then().statusCode(200).body("items", hasSize(5));
    }

    @Test
    void dateRangesOverlapHonestlyAtEveryPrecision() {
        String s = ChronologyFixture.suffix();
        Actor x = fixture.actor("person", "Range Person", s);
        fixture.event("statement", "inside", "2024-06-15", x);
        fixture.event("statement", "month covering", "2024-06", x);
        fixture.event("statement", "year covering", "2024", x);
        fixture.event("statement", "before", "2024-05-31", x);
        fixture.event("statement", "after", "2024-07-01", x);
        fixture.event("statement", "week across the start", "2024-W23", x); // 3-9 June

        given().queryParam("from", "2024-06-10").queryParam("to", "2024-06-20")
                .when().get("/api/v1/actors/{a}/timeline", x.slug())
                .then().statusCode(200)
                .body("items.title", contains("year covering", "month covering", "inside"))
                .body("items[1].date.value", equalTo("2024-06"))
                .body("items[1].date.precision", equalTo("month"));
        // a range at month precision: to=2024-06 means to the end of June
        given().queryParam("from", "2024-06").queryParam("to", "2024-06")
                .when().get("/api/v1/actors/{a}/timeline", x.slug())
                .then().statusCode(200)
                .body("items.title", contains("year covering", "month covering", "week across the start", "inside"));
    }

    @Test
    void decadesAndCenturiesReachIntoLaterRanges() {
        String s = ChronologyFixture.suffix();
        Actor x = fixture.actor("person", "Coarse Person", s);
        fixture.event("report", "the nineties " + s, "199", x);
        fixture.event("report", "the twentieth century " + s, "19", x);
        fixture.event("report", "a year too early " + s, "1998", x);
        fixture.event("report", "a later day " + s, "2001-01-01", x);

        given().queryParam("from", "1999-06-01").queryParam("to", "2000-12-31")
                .when().get("/api/v1/actors/{a}/timeline", x.slug())
                .then().statusCode(200)
                .body("items.title", contains("the twentieth century " + s, "the nineties " + s))
                .body("items[0].date.precision", equalTo("century"));
        // the list of all events, narrowed by text, honours the same overlap
        given().queryParam("from", "1999-06-01").queryParam("q", s)
                .when().get("/api/v1/events")
                .then().statusCode(200)
                .body("items.title", contains("the twentieth century " + s, "the nineties " + s, "a later day " + s));
    }

    @Test
    void cursorPagesAreStableAndComplete() {
        String s = ChronologyFixture.suffix();
        Actor x = fixture.actor("person", "Paged Person", s);
        for (int i = 1; i <= 7; i++) {
            fixture.event("statement", "same day " + i, "2024-03-03", x);
        }
        fixture.event("statement", "march", "2024-03", x);
        String cursor = null;
        List<String> seen = new ArrayList<>();
        int pages = 0;
        do {
            var req = given().queryParam("limit", 3);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            Response r = req.when().get("/api/v1/actors/{a}/timeline", x.slug()).then().statusCode(200).extract().response();
            seen.addAll(r.jsonPath().getList("items.title"));
            cursor = r.jsonPath().getString("next");
            if (cursor != null) {
                assertThat(r.header("Link")).contains("rel=\"next\"");
            }
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        // March starts on the 1st, before the days of the 3rd; days of one date follow in id order
        assertThat(seen.get(0)).isEqualTo("march");
        assertThat(seen.subList(1, 8)).allMatch(t -> t.startsWith("same day"));
    }

    @Test
    void countryTimelineRollsUpAffiliatesOnlyWithinTheirPeriod() {
        String s = ChronologyFixture.suffix();
        Actor nk = fixture.actor("country", "North Korea", s);
        Actor kim = fixture.actor("person", "Kim Jong-un", s);
        fixture.affiliate(kim, nk, "2011-12-17", null);
        fixture.event("statement", "Kim before he led", "2005-04", kim);
        fixture.event("statement", "Kim as leader", "2020-01-01", kim);
        fixture.event("statement", "State statement", "2021-02-02", nk);

        given().when().get("/api/v1/actors/{a}/timeline", nk.slug())
                .then().statusCode(200)
                .body("items.title", contains("Kim as leader", "State statement"));
        given().queryParam("includeAffiliated", "false").when().get("/api/v1/actors/{a}/timeline", nk.slug())
                .then().statusCode(200)
                .body("items.title", contains("State statement"));
        // an affiliate's own timeline is unaffected
        given().when().get("/api/v1/actors/{a}/timeline", kim.slug())
                .then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void relationshipTimelineOfNorthKoreaAndRussiaHasTheKimShoiguMeeting() {
        String s = ChronologyFixture.suffix();
        Actor nk = fixture.actor("country", "North Korea", s);
        Actor ru = fixture.actor("country", "Russia", s);
        Actor kim = fixture.actor("person", "Kim Jong-un", s);
        Actor shoigu = fixture.actor("person", "Sergei Shoigu", s);
        Actor other = fixture.actor("country", "China", s);
        fixture.affiliate(kim, nk, "2011-12-17", null);
        fixture.affiliate(shoigu, ru, "2012-11-06", "2024-05-12");
        fixture.affiliate(shoigu, ru, "2024-05-12", null);
        UUID meeting = fixture.event("meeting", "Kim Jong-un meets Sergei Shoigu", "2024-09-13", kim, shoigu);
        fixture.event("agreement_signed", "Treaty signed", "2024-06", nk, ru);
        fixture.event("meeting", "Kim meets a Chinese envoy", "2024-08-01", kim, other);
        fixture.event("statement", "Russia alone", "2024-07-01", ru);
        fixture.event("meeting", "Shoigu meets Kim before Kim led", "2010-05-05", kim, shoigu);

        given().when().get("/api/v1/relationships/{a}/{b}/timeline", nk.slug(), ru.slug())
                .then().statusCode(200)
                .body("actors.slug", contains(nk.slug(), ru.slug()))
                .body("items.title", contains("Treaty signed", "Kim Jong-un meets Sergei Shoigu"))
                .body("items[1].id", equalTo(meeting.toString()))
                .body("items[1].participants.actor.slug", hasItem(shoigu.slug()));
        // the same answer whichever side comes first
        given().when().get("/api/v1/relationships/{a}/{b}/timeline", ru.id(), nk.id())
                .then().statusCode(200)
                .body("items.title", contains("Treaty signed", "Kim Jong-un meets Sergei Shoigu"));
        given().queryParam("includeAffiliated", false).when().get("/api/v1/relationships/{a}/{b}/timeline", nk.slug(), ru.slug())
                .then().statusCode(200)
                .body("items.title", contains("Treaty signed"));
        given().queryParam("type", "meeting").when().get("/api/v1/relationships/{a}/{b}/timeline", nk.slug(), ru.slug())
                .then().statusCode(200)
                .body("items.title", contains("Kim Jong-un meets Sergei Shoigu"));
    }

    @Test
    void rolledUpPairPagesMatchTheWholeList() {
        String s = ChronologyFixture.suffix();
        Actor nk = fixture.actor("country", "North Korea", s);
        Actor ru = fixture.actor("country", "Russia", s);
        Actor kim = fixture.actor("person", "Kim Jong-un", s);
        Actor shoigu = fixture.actor("person", "Sergei Shoigu", s);
        fixture.affiliate(kim, nk, "2011-12-17", null);
        fixture.affiliate(shoigu, ru, "2012-11-06", null);
        for (int i = 1; i <= 9; i++) {
            fixture.event("negotiation", "direct " + i, "2024-0" + i + "-10", nk, ru);
            fixture.event("meeting", "leaders " + i, "2024-0" + i + "-05", kim, shoigu);
            fixture.event("visit", "mixed " + i, "2024-0" + i, kim, ru);
        }
        List<String> whole = given().queryParam("limit", 1000).when().get("/api/v1/relationships/{a}/{b}/timeline", nk.slug(), ru.slug())
                .then().statusCode(200).extract().jsonPath().getList("items.title");
        assertThat(whole).hasSize(27);
        for (int limit : List.of(1, 2, 4, 5)) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                var req = given().queryParam("limit", limit);
                if (cursor != null) {
                    req.queryParam("cursor", cursor);
                }
                Response r = req.when().get("/api/v1/relationships/{a}/{b}/timeline", nk.slug(), ru.slug())
                        .then().statusCode(200).extract().response();
                paged.addAll(r.jsonPath().getList("items.title"));
                cursor = r.jsonPath().getString("next");
            } while (cursor != null);
            assertThat(paged).as("pages of %d", limit).isEqualTo(whole);
        }
        // direct pairs page the same way
        List<String> direct = given().queryParam("limit", 1000).queryParam("includeAffiliated", "false")
                .when().get("/api/v1/relationships/{a}/{b}/timeline", nk.slug(), ru.slug())
                .then().statusCode(200).extract().jsonPath().getList("items.title");
        assertThat(direct).hasSize(9).allMatch(t -> t.startsWith("direct"));
        String next = given().queryParam("limit", 4).queryParam("includeAffiliated", "false")
                .when().get("/api/v1/relationships/{a}/{b}/timeline", nk.slug(), ru.slug())
                .then().statusCode(200).body("items", hasSize(4)).extract().path("next");
        given().queryParam("limit", 4).queryParam("includeAffiliated", "false").queryParam("cursor", next)
                .when().get("/api/v1/relationships/{a}/{b}/timeline", nk.slug(), ru.slug())
                .then().statusCode(200).body("items.title", contains(direct.subList(4, 8).toArray()));
    }

    @Test
    void relationshipsListCounterpartsWithCountsAndLatestDate() {
        String s = ChronologyFixture.suffix();
        Actor nk = fixture.actor("country", "North Korea", s);
        Actor kim = fixture.actor("person", "Kim Jong-un", s);
        Actor shoigu = fixture.actor("person", "Sergei Shoigu", s);
        Actor putin = fixture.actor("person", "Vladimir Putin", s);
        fixture.affiliate(kim, nk, "2011-12-17", null);
        fixture.event("meeting", "one", "2023-09-13", kim, shoigu);
        fixture.event("meeting", "two", "2024-09", kim, shoigu);
        fixture.event("meeting", "three", "2024-06-19", nk, putin);
        fixture.event("meeting", "wrongly extracted", news.timeline.extraction.temporal.DateValue.parse("2024-10-01"), "rejected",
                Instant.now(), nk, putin);

        given().when().get("/api/v1/actors/{a}/relationships", nk.slug())
                .then().statusCode(200)
                .body("items.actor.slug", contains(shoigu.slug(), putin.slug()))
                .body("items[0].events", equalTo(2))
                .body("items[0].latest.value", equalTo("2024-09"))
                .body("items[1].events", equalTo(1))
                .body("next", nullValue());
        given().queryParam("includeAffiliated", "false").when().get("/api/v1/actors/{a}/relationships", nk.slug())
                .then().statusCode(200)
                .body("items.actor.slug", contains(putin.slug()));
        given().queryParam("status", "extracted,confirmed,rejected").when().get("/api/v1/actors/{a}/relationships", nk.slug())
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.actor.slug == '" + putin.slug() + "' }.events", equalTo(2))
                .body("items.find { it.actor.slug == '" + putin.slug() + "' }.latest.value", equalTo("2024-10-01"));
        Response first = given().queryParam("limit", 1).when().get("/api/v1/actors/{a}/relationships", nk.slug())
                .then().statusCode(200).body("items", hasSize(1)).body("next", notNullValue()).extract().response();
        given().queryParam("limit", 1).queryParam("cursor", first.jsonPath().getString("next"))
                .when().get("/api/v1/actors/{a}/relationships", nk.slug())
                .then().statusCode(200).body("items.actor.slug", contains(putin.slug()));
    }

    @Test
    void eventListFiltersByActorTypeTextAndAddedSince() {
        String s = ChronologyFixture.suffix();
        Actor x = fixture.actor("organization", "Filter Body", s);
        Instant old = Instant.now().minus(30, ChronoUnit.DAYS);
        fixture.event("sanction", "Sanctions on zirconium" + s, news.timeline.extraction.temporal.DateValue.parse("2022-02"),
                "confirmed", old, x);
        fixture.event("aid", "Aid convoy " + s, news.timeline.extraction.temporal.DateValue.parse("2022-03-01"),
                "extracted", Instant.now(), x);
        fixture.event("aid", "Rejected aid " + s, news.timeline.extraction.temporal.DateValue.parse("2022-03-02"),
                "rejected", Instant.now(), x);

        given().queryParam("actor", x.slug()).when().get("/api/v1/events")
                .then().statusCode(200)
                .body("items.title", contains("Sanctions on zirconium" + s, "Aid convoy " + s))
                .body("next", nullValue());
        given().queryParam("actor", x.slug()).queryParam("type", "aid").when().get("/api/v1/events")
                .then().statusCode(200).body("items.title", contains("Aid convoy " + s));
        given().queryParam("actor", x.slug()).queryParam("status", "rejected").when().get("/api/v1/events")
                .then().statusCode(200).body("items.title", contains("Rejected aid " + s));
        given().queryParam("actor", x.slug()).queryParam("addedSince", Instant.now().minus(1, ChronoUnit.DAYS).toString())
                .when().get("/api/v1/events")
                .then().statusCode(200).body("items.title", contains("Aid convoy " + s));
        // q matches titles and source quotes
        given().queryParam("q", "convoy " + s).when().get("/api/v1/events")
                .then().statusCode(200).body("items.title", contains("Aid convoy " + s));
        given().queryParam("q", "quote zirconium" + s).when().get("/api/v1/events")
                .then().statusCode(200).body("items.title", contains("Sanctions on zirconium" + s));
        // no actor: every event, chronological, filtered by date
        given().queryParam("from", "2022-02-15").queryParam("to", "2022-02-20").queryParam("limit", 1000).when().get("/api/v1/events")
                .then().statusCode(200).body("items.title", hasItem("Sanctions on zirconium" + s))
                .body("items.title", not(hasItem("Aid convoy " + s)));
        given().queryParam("actor", "no-such-actor-" + s).when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("actor"));
    }

    @Test
    void changesTellWhatWasDeletedOrMergedSince() {
        Instant t0 = Instant.now().minusSeconds(5);
        UUID gone = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        UUID into = UUID.randomUUID();
        fixture.change("event", gone, "deleted", null, Instant.now());
        fixture.change("actor", merged, "merged", into, Instant.now());
        given().queryParam("since", t0.toString()).queryParam("action", "deleted,merged").queryParam("limit", 1000)
                .when().get("/api/v1/changes")
                .then().statusCode(200)
                .body("items.id", hasItem(gone.toString()))
                .body("items.find { it.id == '" + merged + "' }.mergedInto", equalTo(into.toString()));
        given().queryParam("since", "yesterday").when().get("/api/v1/changes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("since"));
    }

    @Test
    void conditionalGetAnswers304WhenNothingChanged() {
        String s = ChronologyFixture.suffix();
        Actor x = fixture.actor("person", "Cached Person", s);
        fixture.event("statement", "first", "2024-01-01", x);
        String etag = given().when().get("/api/v1/actors/{a}/timeline", x.slug())
                .then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/actors/{a}/timeline", x.slug())
                .then().statusCode(304);
        fixture.event("statement", "second", "2024-02-01", x);
        given().header("If-None-Match", etag).when().get("/api/v1/actors/{a}/timeline", x.slug())
                .then().statusCode(200).body("items", hasSize(2));
        // another format is another representation
        given().header("If-None-Match", etag).queryParam("format", "csv").when().get("/api/v1/actors/{a}/timeline", x.slug())
                .then().statusCode(200);
    }
}
