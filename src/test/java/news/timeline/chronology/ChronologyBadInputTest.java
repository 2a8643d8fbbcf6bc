package news.timeline.chronology;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.timeline.chronology.ChronologyFixture.Actor;
import news.timeline.web.Cursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Bad input gets a clear problem+json, never a 500 or a stack trace. */
@QuarkusTest
class ChronologyBadInputTest {

    @Inject
    ChronologyFixture fixture;

    Actor a;
    Actor b;

    @BeforeEach
    void data() {
        String s = ChronologyFixture.suffix();
        a = fixture.actor("country", "Alpha", s);
        b = fixture.actor("country", "Beta", s);
        fixture.event("meeting", "Alpha meets Beta", "2024-01-02", a, b);
    }

    @Test
    void unknownActorsAre404() {
        given().when().get("/api/v1/actors/{a}/timeline", "no-such-actor")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("no-such-actor"));
        given().when().get("/api/v1/actors/{a}/timeline", "7f1e0000-0000-0000-0000-000000000000").then().statusCode(404);
        given().when().get("/api/v1/relationships/{a}/{b}/timeline", a.slug(), "nobody").then().statusCode(404);
        given().when().get("/api/v1/actors/{a}/relationships", "nobody").then().statusCode(404);
        given().when().get("/api/v1/relationships/{a}/{b}/timeline", a.slug(), a.id())
                .then().statusCode(400).body("errors[0].field", equalTo("actorB"));
    }

    @Test
    void reversedRangesAndMalformedDatesAre400WithFieldErrors() {
        given().queryParam("from", "2024-06-01").queryParam("to", "2024-05-01").when().get("/api/v1/actors/{a}/timeline", a.slug())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to")).body("errors[0].message", containsString("reversed"));
        given().queryParam("from", "2024-13-45").when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("to", "next tuesday").when().get("/api/v1/relationships/{a}/{b}/timeline", a.slug(), b.slug())
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("addedSince", "2024-99-01T00:00Z").when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("addedSince"));
        given().queryParam("type", "picnic").queryParam("limit", "0").when().get("/api/v1/events")
                .then().statusCode(400).body("errors.field", hasItem("type")).body("errors.field", hasItem("limit"));
        given().queryParam("limit", "many").when().get("/api/v1/actors/{a}/timeline", a.slug())
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("includeAffiliated", "maybe").when().get("/api/v1/actors/{a}/timeline", a.slug())
                .then().statusCode(400).body("errors[0].field", equalTo("includeAffiliated"));
    }

    @Test
    void malformedOrForeignCursorsAre400() {
        for (String cursor : List.of("garbage!!", "Zm9v", Cursor.encode("at+", List.of("x", "y", "z")))) {
            given().queryParam("cursor", cursor).when().get("/api/v1/actors/{a}/timeline", a.slug())
                    .then().statusCode(400).body("errors[0].field", equalTo("cursor"))
                    .body(not(containsString("Exception")));
        }
        // a cursor of another list
        String eventsCursor = Cursor.encode("ev", List.of("2024-01-01", "1", "7f1e0000-0000-0000-0000-000000000000"));
        given().queryParam("cursor", eventsCursor).when().get("/api/v1/relationships/{a}/{b}/timeline", a.slug(), b.slug())
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("cursor", "%%%").when().get("/api/v1/changes").then().statusCode(400);
        given().queryParam("cursor", "nope").when().get("/api/v1/actors/{a}/relationships", a.slug()).then().statusCode(400);
    }

    @Test
    void aCursorIsBoundToTheListItCameFrom() {
        String s = ChronologyFixture.suffix();
        Actor c = fixture.actor("country", "Gamma", s);
        for (int i = 1; i <= 3; i++) {
            fixture.event("meeting", "Alpha and Beta " + i, "2024-02-0" + i, a, b);
            fixture.event("visit", "Alpha and Gamma " + i, "2024-03-0" + i, a, c);
        }
        String actorCursor = next("/api/v1/actors/" + a.slug() + "/timeline?limit=1");
        foreign("/api/v1/actors/" + c.slug() + "/timeline?limit=1", actorCursor);         // another actor
        foreign("/api/v1/actors/" + a.slug() + "/timeline?limit=1&type=visit", actorCursor); // other filters
        foreign("/api/v1/actors/" + a.slug() + "/timeline?limit=1&from=2024-03", actorCursor);
        foreign("/api/v1/actors/" + a.slug() + "/timeline?limit=1&status=rejected", actorCursor);
        // the same list: the id for the slug, another page size, the same filters in another spelling
        given().queryParam("cursor", actorCursor).when().get("/api/v1/actors/{a}/timeline?limit=2", a.id()).then().statusCode(200);
        String filtered = next("/api/v1/actors/" + a.slug() + "/timeline?limit=1&type=meeting,visit&from=2024-01");
        given().queryParam("cursor", filtered).when().get("/api/v1/actors/{a}/timeline?limit=1&type=visit&type=meeting&from=2024-01-01", a.slug())
                .then().statusCode(200);

        String pairCursor = next("/api/v1/relationships/" + a.slug() + "/" + b.slug() + "/timeline?limit=1");
        foreign("/api/v1/relationships/" + a.slug() + "/" + c.slug() + "/timeline?limit=1", pairCursor);
        foreign("/api/v1/relationships/" + a.slug() + "/" + b.slug() + "/timeline?limit=1&q=Gamma", pairCursor);
        given().queryParam("cursor", pairCursor).when().get("/api/v1/relationships/{a}/{b}/timeline?limit=1", b.slug(), a.slug())
                .then().statusCode(200).body("items[0].title", equalTo("Alpha and Beta 1"));

        String eventsCursor = next("/api/v1/events?limit=1&actor=" + a.slug());
        foreign("/api/v1/events?limit=1&actor=" + c.slug(), eventsCursor);
        foreign("/api/v1/events?limit=1", eventsCursor); // without an actor, another kind of list
        String allCursor = next("/api/v1/events?limit=1&from=2024-02-01");
        foreign("/api/v1/events?limit=1&from=2024-02-02", allCursor);

        String relationshipsCursor = next("/api/v1/actors/" + a.slug() + "/relationships?limit=1");
        foreign("/api/v1/actors/" + c.slug() + "/relationships?limit=1", relationshipsCursor);
        foreign("/api/v1/actors/" + a.slug() + "/relationships?limit=1&status=confirmed", relationshipsCursor);

        fixture.change("actor", c.id(), "updated", null, java.time.Instant.now());
        fixture.change("actor", c.id(), "updated", null, java.time.Instant.now());
        String changesCursor = next("/api/v1/changes?limit=1&entity=actor&since=2000-01-01T00:00:00Z");
        foreign("/api/v1/changes?limit=1&entity=event&since=2000-01-01T00:00:00Z", changesCursor);
    }

    /** The next cursor of the first page of {@code path}. */
    private static String next(String path) {
        String next = given().when().get(path).then().statusCode(200).extract().path("next");
        org.assertj.core.api.Assertions.assertThat(next).as("next of %s", path).isNotNull();
        return next;
    }

    private static void foreign(String path, String cursor) {
        given().queryParam("cursor", cursor).when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor")).body("detail", not(containsString("Exception")));
    }

    @Test
    void unknownFormatsAre400AndUnacceptableMediaTypes406() {
        given().queryParam("format", "pdf").when().get("/api/v1/actors/{a}/timeline", a.slug())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("format")).body("detail", containsString("timelinejs"));
        given().queryParam("format", "xlsx").when().get("/api/v1/events").then().statusCode(400);
        given().header("Accept", "application/pdf").when().get("/api/v1/actors/{a}/timeline", a.slug())
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void searchTextIsNeverSqlOr500() {
        for (String q : List.of("'; drop table events; --", "&&|!!(", ":*", "\"unbalanced")) {
            given().queryParam("q", q).when().get("/api/v1/events").then().statusCode(200);
        }
    }
}
