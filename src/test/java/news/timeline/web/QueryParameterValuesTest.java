package news.timeline.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.timeline.support.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Boolean and enum query parameters take their documented values only: JAX-RS read {@code ?dryRun=yes} as false,
 * so a request meant as a dry run stored data. Every other value is a 400 naming the parameter, and a refused
 * request changes nothing.
 */
@QuarkusTest
class QueryParameterValuesTest {

    /** Not true or false: what careless clients send. */
    private static final List<String> NOT_BOOLEANS = List.of("yes", "1", "", "no", "0", "on", "tru", "true,false");

    @Test
    void articleDryRunIsTrueOrFalseAndARefusedSubmissionStoresNothing() {
        Map<String, String> article = article();
        for (String v : NOT_BOOLEANS) {
            refused(given().contentType(ContentType.JSON).body(article).post("/api/v1/articles?dryRun=" + v), "dryRun");
        }
        refused(given().contentType(ContentType.JSON).body(article).post("/api/v1/articles?dryRun=true&dryRun=false"), "dryRun");
        // the documented values, in any case
        given().contentType(ContentType.JSON).body(article).post("/api/v1/articles?dryRun=TRUE")
                .then().statusCode(200).body("article.id", nullValue()).body("article.status", equalTo("preview"));
        // nothing was stored by any of the requests above: the submission is new
        given().contentType(ContentType.JSON).body(article).post("/api/v1/articles?dryRun=False").then().statusCode(201);
    }

    @Test
    void importFlagsAndEnumsTakeTheirValuesOnlyAndARefusedImportStoresNothing() {
        String source = "q-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = ("{\"externalId\":\"q1\",\"type\":\"meeting\",\"title\":\"Flag test\",\"date\":\"2024-05-01\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        for (String v : NOT_BOOLEANS) {
            refused(importing(body, "source=" + source + "&dryRun=" + v), "dryRun");
            refused(importing(body, "source=" + source + "&async=" + v), "async");
        }
        for (String v : List.of("", "Keep", "replace", "overwrite,keep")) {
            refused(importing(body, "source=" + source + "&onConflict=" + v), "onConflict");
        }
        refused(importing(body, "source=" + source + "&onConflict=keep&onConflict=overwrite"), "onConflict");
        refused(importing(body, "source=" + source + "&format="), "format");
        importing(body, "source=" + source + "&dryRun=true&onConflict=keep").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(1));
        // nothing was stored: the record is new
        importing(body, "source=" + source + "&dryRun=false&async=false&onConflict=overwrite").then().statusCode(200)
                .body("created", equalTo(1)).body("unchanged", equalTo(0));
    }

    @Test
    void readFlagsAndEnumsTakeTheirValuesOnly() {
        String a = Api.actorSlug(Api.unique("Flagland"), "country");
        String b = Api.actorSlug(Api.unique("Otherflag"), "country");
        List<String> lists = List.of("/api/v1/actors/" + a + "/timeline", "/api/v1/relationships/" + a + "/" + b + "/timeline",
                "/api/v1/events?actor=" + a, "/api/v1/actors/" + a + "/relationships");
        for (String path : lists) {
            String sep = path.contains("?") ? "&" : "?";
            for (String v : NOT_BOOLEANS) {
                refused(given().get(path + sep + "includeAffiliated=" + v), "includeAffiliated");
            }
            given().get(path + sep + "includeAffiliated=FALSE").then().statusCode(200);
            refused(given().get(path + sep + "status="), "status");
            refused(given().get(path + sep + "status=confirmed,"), "status");
        }
        refused(given().get("/api/v1/events?type="), "type");
        refused(given().get("/api/v1/events?type=meeting,,visit"), "type");
        refused(given().get("/api/v1/events?format=ics&format=csv"), "format");
        given().get("/api/v1/events?format=csv&format=CSV").then().statusCode(200);
        refused(given().get("/api/v1/changes?entity="), "entity");
        refused(given().get("/api/v1/changes?action=created,"), "action");
        refused(given().get("/api/v1/actors?kind="), "kind");
        refused(given().get("/api/v1/agreements?status="), "status");
    }

    /** Junk for every query parameter of every list and submission: never a 5xx, every refusal a problem. */
    @Test
    void noQueryParameterValueIsA5xx() {
        String a = Api.actorSlug(Api.unique("Sweepflag"), "country");
        String b = Api.actorSlug(Api.unique("Sweepother"), "country");
        List<String> timeline = List.of("from", "to", "type", "q", "addedSince", "status", "includeAffiliated", "cursor", "limit",
                "format");
        Map<String, List<String>> gets = Map.of(
                "/api/v1/events", java.util.stream.Stream.concat(timeline.stream(), java.util.stream.Stream.of("actor")).toList(),
                "/api/v1/actors/" + a + "/timeline", timeline,
                "/api/v1/relationships/" + a + "/" + b + "/timeline", timeline,
                "/api/v1/actors/" + a + "/relationships", List.of("includeAffiliated", "status", "cursor", "limit"),
                "/api/v1/changes", List.of("since", "entity", "action", "cursor", "limit"),
                "/api/v1/actors", List.of("q", "kind", "cursor", "limit"),
                "/api/v1/agreements", List.of("q", "kind", "status", "cursor", "limit"),
                "/api/v1/exports/events.ndjson", List.of("source"));
        List<String> junk = List.of("", " ", "yes", "-1", "0", "99999999999999999999", "2024-13-45", "0000-01-01", "9999-12-31",
                "2024-09-14T09:45", "+12024-01-01", "true,false", ",", "\u00e9t\u00e9", "'; drop table events; --", "x".repeat(1000));
        List<String> failures = new java.util.ArrayList<>();
        for (String path : gets.keySet()) {
            for (String param : gets.get(path)) {
                for (String v : junk) {
                    check(failures, given().queryParam(param, v).get(path), "GET " + path + " " + param + "=" + v);
                }
            }
        }
        for (String v : junk) {
            Map<String, String> article = Map.of("publishedAt", v, "body", "They met last year, on Friday, and will meet next year.");
            check(failures, given().contentType(ContentType.JSON).body(article).post("/api/v1/articles?dryRun=true"), "publishedAt=" + v);
            check(failures, given().contentType(ContentType.JSON).body(Map.of("text", "They met last year, on Friday, in the 1990s.",
                    "referenceDate", v)).post("/api/v1/analyze"), "referenceDate=" + v);
            for (String param : List.of("format", "source", "dryRun", "async", "onConflict")) {
                check(failures, given().contentType("application/x-ndjson").body("{}\n".getBytes(StandardCharsets.UTF_8)).queryParam(param, v)
                        .queryParam("dryRun", "true").post("/api/v1/imports/events"), "import " + param + "=" + v);
            }
        }
        for (String v : List.of("0000-01-01", "0001-01-01T00:00Z", "1000-01-01", "2999-12-31T23:59:59.999999999+14:00", "9999-12-31")) {
            check(failures, given().contentType(ContentType.JSON).body(Map.of("text", "They met last year, on Friday, and will "
                    + "meet next year, in the next decade.", "referenceDate", v)).post("/api/v1/analyze"), "referenceDate=" + v);
        }
        org.assertj.core.api.Assertions.assertThat(failures).as("5xx or refusals without problem+json").isEmpty();
    }

    private static void check(List<String> failures, io.restassured.response.Response r, String what) {
        int status = r.statusCode();
        if (status >= 500 || status >= 400 && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(what + " -> " + status + " " + abbreviate(r.asString()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static io.restassured.response.Response importing(byte[] body, String query) {
        return given().contentType("application/x-ndjson").body(body).post("/api/v1/imports/events?" + query);
    }

    private static void refused(io.restassured.response.Response r, String field) {
        r.then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("detail", containsString(field));
    }

    private static Map<String, String> article() {
        return Map.of("title", "Flag test", "publishedAt", "2024-09-14",
                "body", "North Korean leader Kim Jong-un met Sergei Shoigu in Pyongyang on Friday. Ref " + UUID.randomUUID());
    }
}
