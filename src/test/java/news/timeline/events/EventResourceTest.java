package news.timeline.events;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static news.timeline.support.Api.actor;
import static news.timeline.support.Api.post;
import static news.timeline.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class EventResourceTest {

    private static final String EVENTS = "/api/v1/events";

    private static Map<String, Object> event(String title, Object date, Object... participants) {
        Map<String, Object> e = new HashMap<>();
        e.put("type", "meeting");
        e.put("title", title);
        e.put("date", date);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Object p : participants) {
            ps.add(Map.of("actor", p));
        }
        e.put("participants", ps);
        return e;
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    @Test
    void createsAndReadsAnEvent() {
        String kim = actor(unique("Kim"), "person");
        String shoigu = actor(unique("Shoigu"), "person");
        String kimSlug = given().get("/api/v1/actors/" + kim).then().extract().path("slug");
        String title = unique("Kim meets Shoigu");
        Map<String, Object> body = new HashMap<>(Map.of("type", "meeting", "title", title, "date", "2024-09-13",
                "place", Map.of("name", "Pyongyang"), "confidence", 0.9, "summary", "talks",
                "participants", List.of(Map.of("actor", kimSlug), Map.of("actor", shoigu, "role", "visitor")),
                "sources", List.of(Map.of("url", "https://example.com/a", "quote", "During their talks on Friday", "start", 512, "end", 540,
                        "ruleId", "meeting.meets", "extractorVersion", "1"))));
        String location = post(EVENTS, body).statusCode(201)
                .header("Location", containsString("/api/v1/events/"))
                .body("title", equalTo(title))
                .body("type", equalTo("meeting"))
                .body("date.value", equalTo("2024-09-13"))
                .body("date.precision", equalTo("day"))
                .body("date.start", equalTo("2024-09-13"))
                .body("date.end", equalTo("2024-09-13"))
                .body("date.approximate", equalTo(false))
                .body("place.name", equalTo("Pyongyang"))
                .body("confidence", equalTo(0.9f))
                .body("status", equalTo("confirmed"))
                .body("participants.actor.id", containsInAnyOrder(kim, shoigu))
                .body("participants.find { it.actor.id == '" + shoigu + "' }.role", equalTo("visitor"))
                .body("participants.find { it.actor.id == '" + kim + "' }.role", equalTo("participant"))
                .body("sources[0].quote", equalTo("During their talks on Friday"))
                .body("sources[0].start", equalTo(512))
                .body("sources[0].end", equalTo(540))
                .body("agreement", nullValue())
                .extract().header("Location");
        given().get(location).then().statusCode(200).header("ETag", notNullValue())
                .body("title", equalTo(title)).body("participants", hasSize(2)).body("sources", hasSize(1));
    }

    @Test
    void acceptsEveryDatePrecisionAndDateObjects() {
        String title = unique("dated");
        post(EVENTS, event(title, "2024-06")).statusCode(201)
                .body("date.precision", equalTo("month")).body("date.start", equalTo("2024-06-01")).body("date.end", equalTo("2024-06-30"));
        post(EVENTS, event(title, "2024-Q2")).statusCode(201)
                .body("date.precision", equalTo("quarter")).body("date.start", equalTo("2024-04-01")).body("date.end", equalTo("2024-06-30"));
        post(EVENTS, event(title, "2024-W37")).statusCode(201)
                .body("date.precision", equalTo("week")).body("date.start", equalTo("2024-09-09")).body("date.end", equalTo("2024-09-15"));
        post(EVENTS, event(title, "2024")).statusCode(201).body("date.precision", equalTo("year"));
        post(EVENTS, event(title, "2024-09-13T14:30+02:00")).statusCode(201)
                .body("date.precision", equalTo("minute")).body("date.value", equalTo("2024-09-13T12:30Z"));
        post(EVENTS, event(title, Map.of("value", "2024-06", "approximate", true))).statusCode(201)
                .body("date.value", equalTo("2024-06")).body("date.approximate", equalTo(true));
        // a date object as the service answers it can be sent back
        post(EVENTS, event(title, Map.of("value", "2024-06", "precision", "month", "start", "2024-06-01", "end", "2024-06-30", "approximate", false)))
                .statusCode(201).body("date.precision", equalTo("month"));
        post(EVENTS, with(event(title, "2024-09-13"), "endDate", "2024-09-15")).statusCode(201)
                .body("endDate.value", equalTo("2024-09-15"));
    }

    @Test
    void impossibleDatesAreClearErrors() {
        String title = unique("impossible");
        post(EVENTS, event(title, "2024-02-30")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", containsString("2024-02-30"))
                .body("errors[0].message", containsString("not a real date"));
        post(EVENTS, event(title, "2024-13")).statusCode(400).body("errors[0].field", equalTo("date"));
        post(EVENTS, event(title, "2024-W54")).statusCode(400).body("errors[0].message", containsString("week 54"));
        post(EVENTS, event(title, "next Tuesday")).statusCode(400).body("errors[0].message", containsString("ISO 8601"));
        post(EVENTS, event(title, Map.of("value", "2024-06", "precision", "day"))).statusCode(400)
                .body("errors[0].message", containsString("does not match"));
        post(EVENTS, event(title, Map.of("value", "2024-06", "when", "x"))).statusCode(400)
                .body("errors[0].message", containsString("unknown field 'when'"));
        post(EVENTS, event(title, 20240613)).statusCode(400).body("errors[0].field", equalTo("date"));
        post(EVENTS, with(event(title, "2024-09-13"), "endDate", "2024-09-01")).statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
        post(EVENTS, with(event(title, "2024-09-13"), "date", null)).statusCode(400).body("errors[0].field", equalTo("date"));
        assertNotStored(title);
    }

    @Test
    void invalidFieldsAreListedWithTheAllowedValues() {
        String title = unique("invalid");
        Map<String, Object> bad = new HashMap<>(event(title, "2024-09-13"));
        bad.put("type", "party");
        bad.put("status", "maybe");
        bad.put("confidence", 1.5);
        post(EVENTS, bad).statusCode(400)
                .body("errors.field", containsInAnyOrder("confidence", "status", "type"))
                .body("errors.find { it.field == 'type' }.message", containsString("meeting, visit, statement"))
                .body("errors.find { it.field == 'status' }.message", equalTo("must be one of: extracted, confirmed, rejected"));
        post(EVENTS, Map.of("title", title)).statusCode(400).body("errors.field", containsInAnyOrder("date", "type"));
        post(EVENTS, event("   ", "2024")).statusCode(400).body("errors[0].field", equalTo("title"));
        assertNotStored(title);
    }

    @Test
    void overLongStringsWrongTypesAndUnknownFieldsAreRejected() {
        String title = unique("long");
        post(EVENTS, event("T" + "x".repeat(500), "2024")).statusCode(400)
                .body("errors[0].field", equalTo("title")).body("errors[0].message", containsString("500"));
        post(EVENTS, with(event(title, "2024"), "place", Map.of("name", "p".repeat(301)))).statusCode(400)
                .body("errors[0].field", equalTo("place.name"));
        String a = actor(unique("Role player"), "person");
        post(EVENTS, with(event(title, "2024"), "participants", List.of(Map.of("actor", a, "role", "r".repeat(33))))).statusCode(400)
                .body("errors[0].field", equalTo("participants[0].role"));
        post(EVENTS, with(event(title, "2024"), "sources", List.of(Map.of("quote", "q", "ruleId", "r".repeat(101))))).statusCode(400)
                .body("errors[0].field", equalTo("sources[0].ruleId"));
        post(EVENTS, with(event(title, "2024"), "confidence", "high")).statusCode(400)
                .body("errors[0].field", equalTo("confidence")).body("errors[0].message", containsString("number"));
        post(EVENTS, with(event(title, "2024"), "participants", "everyone")).statusCode(400)
                .body("errors[0].field", equalTo("participants"));
        post(EVENTS, with(event(title, "2024"), "agreementId", "not-a-uuid")).statusCode(400)
                .body("errors[0].field", equalTo("agreementId"));
        post(EVENTS, with(event(title, "2024"), "colour", "red")).statusCode(400)
                .body("errors[0].field", equalTo("colour")).body("errors[0].message", equalTo("unknown field"));
        given().contentType(ContentType.JSON).body("{\"title\": \"" + title + "\", ]").post(EVENTS).then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/malformed-json"));
        assertNotStored(title);
    }

    @Test
    void referencesMustExist() {
        String title = unique("dangling");
        post(EVENTS, event(title, "2024", "no-such-actor-anywhere")).statusCode(400)
                .body("errors[0].field", equalTo("participants[0].actor"))
                .body("errors[0].message", containsString("no-such-actor-anywhere"));
        post(EVENTS, with(event(title, "2024"), "agreementId", UUID.randomUUID().toString())).statusCode(400)
                .body("errors[0].field", equalTo("agreementId"));
        post(EVENTS, with(event(title, "2024"), "sources", List.of(Map.of("articleId", UUID.randomUUID().toString())))).statusCode(400)
                .body("errors[0].field", equalTo("sources[0].articleId"));
        post(EVENTS, with(event(title, "2024"), "sources", List.of(Map.of("start", 10, "end", 5)))).statusCode(400)
                .body("errors[0].field", equalTo("sources[0].end"));
        assertNotStored(title);
    }

    @Test
    void putReplacesPatchSetsStatusAndDeleteRemoves() {
        String a = actor(unique("A"), "country");
        String b = actor(unique("B"), "country");
        String id = post(EVENTS, event(unique("first"), "2024-06", a)).statusCode(201).extract().path("id");
        String title = unique("replaced");
        given().contentType(ContentType.JSON).body(Map.of("type", "visit", "title", title, "date", "2024-07-02",
                        "participants", List.of(Map.of("actor", b)), "status", "extracted", "confidence", 0.5))
                .put(EVENTS + "/" + id).then().statusCode(200)
                .body("type", equalTo("visit")).body("title", equalTo(title)).body("date.value", equalTo("2024-07-02"))
                .body("participants.actor.id", equalTo(List.of(b))).body("status", equalTo("extracted")).body("confidence", equalTo(0.5f));
        given().contentType(ContentType.JSON).body(Map.of("status", "rejected")).patch(EVENTS + "/" + id).then().statusCode(200)
                .body("status", equalTo("rejected")).body("title", equalTo(title)).body("participants.actor.id", equalTo(List.of(b)));
        given().contentType(ContentType.JSON).body(Map.of("status", "approved")).patch(EVENTS + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().contentType(ContentType.JSON).body(Map.of("date", "2024-02-30")).patch(EVENTS + "/" + id).then().statusCode(400);
        given().get(EVENTS + "/" + id).then().body("status", equalTo("rejected")).body("date.value", equalTo("2024-07-02"));
        given().delete(EVENTS + "/" + id).then().statusCode(204);
        given().get(EVENTS + "/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void staleVersionIsAConflict() {
        String id = post(EVENTS, event(unique("versioned"), "2024")).statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("title", "v1", "version", 0)).patch(EVENTS + "/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("title", "v2", "version", 0)).patch(EVENTS + "/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        given().get(EVENTS + "/" + id).then().header("ETag", containsString("1")).body("title", equalTo("v1"));
    }

    @Test
    void addsSources() {
        String id = post(EVENTS, event(unique("sourced"), "2024")).statusCode(201).extract().path("id");
        post(EVENTS + "/" + id + "/sources", Map.of("url", "https://example.com/b", "quote", "q", "start", 1, "end", 2))
                .statusCode(201).body("sources", hasSize(1)).body("sources[0].url", equalTo("https://example.com/b"));
        post(EVENTS + "/" + id + "/sources", Map.of("start", 3, "end", 2)).statusCode(400).body("errors[0].field", equalTo("end"));
        post(EVENTS + "/" + UUID.randomUUID() + "/sources", Map.of("quote", "q")).statusCode(404);
    }

    @Test
    void unknownEventsAre404Problems() {
        String missing = UUID.randomUUID().toString();
        given().get(EVENTS + "/" + missing).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(missing));
        given().contentType(ContentType.JSON).body(event("x", "2024")).put(EVENTS + "/" + missing).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("status", "confirmed")).patch(EVENTS + "/" + missing).then().statusCode(404);
        given().delete(EVENTS + "/" + missing).then().statusCode(404);
        given().get(EVENTS + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listsChronologicallyAndPagesToTheEnd() {
        String tag = unique("chrono");
        // same start day: finer precision first
        String month = post(EVENTS, event(tag + " month", "1901-06")).statusCode(201).extract().path("id");
        String day = post(EVENTS, event(tag + " day", "1901-06-01")).statusCode(201).extract().path("id");
        String year = post(EVENTS, event(tag + " year", "1901")).statusCode(201).extract().path("id");
        String later = post(EVENTS, event(tag + " later", "1901-07-04")).statusCode(201).extract().path("id");
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = given().queryParam("limit", 3);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var page = req.get(EVENTS).then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            assertThat(ids.size()).isLessThanOrEqualTo(3);
            all.addAll(ids);
            cursor = page.path("next");
            pages++;
        } while (cursor != null && pages < 10000);
        assertThat(cursor).isNull();
        assertThat(all).doesNotHaveDuplicates();
        assertThat(all).containsSubsequence(year, day, month, later);
        given().queryParam("cursor", "bm9wZQ").get(EVENTS).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("limit", "many").get(EVENTS).then().statusCode(400).contentType("application/problem+json");
    }

    private static void assertNotStored(String title) {
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            var req = given().queryParam("limit", 1000);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var page = req.get(EVENTS).then().statusCode(200).extract();
            titles.addAll(page.path("items.title"));
            cursor = page.path("next");
        } while (cursor != null);
        assertThat(titles).noneMatch(t -> t.contains(title));
    }
}
