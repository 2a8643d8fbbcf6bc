package news.timeline.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import news.timeline.support.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 18, item 4: dates before year 1 (ISO 8601 expanded years, astronomical numbering) and open ends, stored by
 * the API and by imports, read back in order through every list and format, and exported and imported unchanged.
 */
@QuarkusTest
class HistoricDatesTest {

    private static final List<String> IN_ORDER = List.of("-0500", "-0044-03-15", "0001", "2024");

    private static String event(String type, String title, Object date, Object endDate, String... actors) {
        Map<String, Object> e = new java.util.HashMap<>();
        e.put("type", type);
        e.put("title", title);
        e.put("date", date);
        if (endDate != null) {
            e.put("endDate", endDate);
        }
        e.put("participants", java.util.Arrays.stream(actors).map(a -> Map.of("actor", a)).toList());
        return Api.post("/api/v1/events", e).statusCode(201).extract().path("id");
    }

    /** Two actors and five events: 500 BC... (astronomical years), one still going on. */
    private static String[] historicPair() {
        String rome = Api.actorSlug(Api.unique("Rome"), "country");
        String gaul = Api.actorSlug(Api.unique("Gaul"), "country");
        event("military_action", "2024 event", "2024", null, rome, gaul);
        event("meeting", "Year 1", "0001", null, rome, gaul);
        event("attack", "Ides of March", "-0044-03-15", null, rome, gaul);
        event("other", "Year -500", "-0500", null, rome, gaul);
        event("negotiation", "Still going on", "2023-05", Map.of("open", true), rome, gaul);
        return new String[] {rome, gaul};
    }

    @Test
    void storedAndReadBackInOrderAsJson() {
        String[] p = historicPair();
        String id = event("statement", "Caesar speaks", "-0044-03-14", null, p[0]);
        given().when().get("/api/v1/events/{id}", id).then().statusCode(200)
                .body("date.value", equalTo("-0044-03-14"))
                .body("date.precision", equalTo("day"))
                .body("date.start", equalTo("-0044-03-14"));
        given().when().get("/api/v1/relationships/{a}/{b}/timeline", p[0], p[1]).then().statusCode(200)
                .body("items.date.value", contains("-0500", "-0044-03-15", "0001", "2023-05", "2024"))
                .body("items[0].date.start", equalTo("-0500-01-01"))
                .body("items[0].date.end", equalTo("-0500-12-31"))
                .body("items[3].endDate.open", equalTo(true))
                .body("items[3].endDate.value", equalTo(".."));
        // ranges before year 1, at any precision
        given().queryParam("from", "-0100").queryParam("to", "0001-06").when().get("/api/v1/relationships/{a}/{b}/timeline", p[0], p[1])
                .then().statusCode(200).body("items.date.value", contains("-0044-03-15", "0001"));
        given().queryParam("to", "-0044-03").when().get("/api/v1/actors/{a}/timeline", p[0])
                .then().statusCode(200).body("items.date.value", contains("-0500", "-0044-03-14", "-0044-03-15"));
        // paging keeps the order across year 0
        String next = given().queryParam("limit", 2).when().get("/api/v1/relationships/{a}/{b}/timeline", p[0], p[1])
                .then().statusCode(200).body("items.date.value", contains("-0500", "-0044-03-15")).extract().path("next");
        given().queryParam("limit", 2).queryParam("cursor", next).when().get("/api/v1/relationships/{a}/{b}/timeline", p[0], p[1])
                .then().statusCode(200).body("items.date.value", contains("0001", "2023-05"));
        // the summary counts by astronomical year
        given().when().get("/api/v1/relationships/{a}/{b}", p[0], p[1]).then().statusCode(200)
                .body("byPeriod.period", contains("-0500", "-0044", "0001", "2023", "2024"))
                .body("first.date.value", equalTo("-0500"));
        // the events list too
        given().queryParam("actor", p[1]).queryParam("from", "-0600").queryParam("to", "0000")
                .when().get("/api/v1/events").then().statusCode(200)
                .body("items.date.value", contains("-0500", "-0044-03-15"));
    }

    @Test
    void everyFormatWritesThem() {
        String[] p = historicPair();
        String path = "/api/v1/relationships/{a}/{b}/timeline";
        JsonPath tl = given().queryParam("format", "timelinejs").when().get(path, p[0], p[1]).then().statusCode(200)
                .extract().jsonPath();
        assertThat(tl.<Integer>getList("events.start_date.year")).containsExactly(-500, -44, 1, 2023, 2024);
        assertThat(tl.getInt("events[1].start_date.month")).isEqualTo(3);
        assertThat(tl.getInt("events[1].start_date.day")).isEqualTo(15);
        assertThat(tl.getString("events[1].display_date")).isEqualTo("15 March 45 BC");
        assertThat(tl.getString("events[3].display_date")).isEqualTo("May 2023 – ongoing");
        assertThat(tl.getString("events[3].end_date")).isNull();

        JsonPath vis = given().queryParam("format", "vis").when().get(path, p[0], p[1]).then().statusCode(200).extract().jsonPath();
        assertThat(vis.<String>getList("items.start")).containsExactly("-000500-01-01", "-000044-03-15", "0001-01-01", "2023-05-01", "2024-01-01");
        assertThat(vis.getString("items[1].type")).isEqualTo("point");
        assertThat(vis.getString("items[0].end")).isEqualTo("-000499-01-01");
        assertThat(vis.getString("items[3].className")).contains("open-ended");
        assertThat(vis.getString("items[3].end")).isGreaterThan("2026");

        String csv = given().queryParam("format", "csv").when().get(path, p[0], p[1]).then().statusCode(200).extract().asString();
        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).contains("-0500,year,-0500-01-01,-0500-12-31");
        assertThat(rows.get(1)).contains("-0044-03-15,day,-0044-03-15,-0044-03-15");
        assertThat(rows.get(3)).contains(",..,");

        String ics = given().queryParam("format", "ics").when().get(path, p[0], p[1]).then().statusCode(200).extract().asString();
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(4);   // 0001, 2023-05 (ongoing) and 2024
        assertThat(ics).contains("DTSTART;VALUE=DATE:00010101").contains("X-TIMELINE-OMITTED:2 events before year 1")
                .contains("ongoing");

        XmlPath atom = new XmlPath(given().queryParam("format", "atom").when().get(path, p[0], p[1]).then().statusCode(200)
                .extract().asString());
        assertThat(atom.getList("feed.entry.title")).containsExactly("Year -500", "Ides of March", "Year 1", "Still going on", "2024 event");
        assertThat(atom.getString("feed.entry[1].summary")).startsWith("-0044-03-15");
        assertThat(atom.getString("feed.entry[3].summary")).contains("ongoing");
    }

    @Test
    void importedExportedAndImportedAgainUnchanged() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String source = "hist" + s;
        String rome = Api.actorSlug(Api.unique("Rome"), "country");
        StringBuilder body = new StringBuilder();
        int n = 0;
        for (String date : IN_ORDER) {
            body.append("{\"externalId\":\"h").append(n++).append("\",\"type\":\"other\",\"title\":\"at ").append(date)
                    .append("\",\"date\":\"").append(date).append("\",\"participants\":[\"").append(rome).append("\"]}\n");
        }
        body.append("{\"externalId\":\"open\",\"type\":\"negotiation\",\"title\":\"ongoing\",\"date\":{\"value\":\"-0044-Q1\"},")
                .append("\"endDate\":{\"open\":true},\"participants\":[\"").append(rome).append("\"]}\n");
        body.append("{\"externalId\":\"bad\",\"type\":\"other\",\"title\":\"too early\",\"date\":\"-5000\",\"participants\":[\"")
                .append(rome).append("\"]}\n");
        given().contentType("application/x-ndjson").body(body.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("source", source).when().post("/api/v1/imports/events").then().statusCode(200)
                .body("created", equalTo(5)).body("rejected", equalTo(1))
                .body("errors[0].message", containsString("4713 BC"));
        given().when().get("/api/v1/actors/{a}/timeline", rome).then().statusCode(200)
                .body("items.date.value", contains("-0500", "-0044-Q1", "-0044-03-15", "0001", "2024"))
                .body("items[1].endDate.open", equalTo(true))
                .body("items[1].date.end", equalTo("-0044-03-31"));

        byte[] export = given().queryParam("source", source).when().get("/api/v1/exports/events.ndjson").then().statusCode(200)
                .extract().asByteArray();
        String text = new String(export, StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(5);
        assertThat(text).contains("\"start\":\"-0044-03-15\"").contains("\"endDate\":{\"value\":\"..\",\"open\":true}");
        given().contentType("application/x-ndjson").body(export).when().post("/api/v1/imports/events").then().statusCode(200)
                .body("received", equalTo(5)).body("unchanged", equalTo(5)).body("created", equalTo(0)).body("updated", equalTo(0));
        // and the CSV form of an event list reads back too
        given().contentType("text/csv").body(("externalId,type,title,date,endDate,participants\n"
                        + "c1,other,csv before,-0044-03-15,..," + rome + "\n").getBytes(StandardCharsets.UTF_8))
                .queryParam("source", source).when().post("/api/v1/imports/events").then().statusCode(200)
                .body("created", equalTo(1));
    }

    @Test
    void badDatesAreProblemsNamingTheField() {
        String rome = Api.actorSlug(Api.unique("Rome"), "country");
        Api.post("/api/v1/events", Map.of("type", "other", "title", "x", "date", "-0044-13-01",
                        "participants", List.of(Map.of("actor", rome))))
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("-0044-13-01"));
        Api.post("/api/v1/events", Map.of("type", "other", "title", "x", "date", Map.of("open", true),
                        "participants", List.of(Map.of("actor", rome))))
                .statusCode(400).body("errors.field", hasItem("date"));
        Api.post("/api/v1/events", Map.of("type", "other", "title", "x", "date", "+2024"))
                .statusCode(400);
        Api.post("/api/v1/agreements", Map.of("name", Api.unique("Open treaty"), "kind", "treaty", "expiry", Map.of("open", true)))
                .statusCode(400).body("errors.field", hasItem("expiry"));
        Api.post("/api/v1/agreements", Map.of("name", Api.unique("Old treaty"), "kind", "treaty", "signed", "-0500-06"))
                .statusCode(201).body("signed.start", equalTo("-0500-06-01"));
        given().queryParam("from", "..").when().get("/api/v1/events").then().statusCode(400).body("errors.field", hasItem("from"));
        given().queryParam("from", "-99999").when().get("/api/v1/events").then().statusCode(400).body("errors.field", hasItem("from"));
        given().contentType(ContentType.JSON).when().get("/api/v1/actors/{a}/timeline", rome).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("next", nullValue());
    }
}
