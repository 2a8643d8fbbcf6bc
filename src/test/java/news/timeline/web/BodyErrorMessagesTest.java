package news.timeline.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import news.timeline.support.Api;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A refused body is answered with the field at fault and the true fault: bytes that are no UTF-8, a raw control
 * character, a value of the wrong JSON type, a body that is no object. Never a Java parameter's name, never a
 * generic refusal further down the line (the 422 "no article text" that {@code "body": 123} used to get).
 */
@QuarkusTest
class BodyErrorMessagesTest {

    private static final String ARTICLE_HEAD = "{\"title\": \"T\", \"publishedAt\": \"2024-09-14\", \"body\": \"ab";

    @Test
    void invalidUtf8IsNamedWithItsByte() {
        byte[] body = bytes(ARTICLE_HEAD, 0xff, "c\"}");
        int position = ARTICLE_HEAD.length() + 1; // counted from 1, like the import reports
        send("POST", "/api/v1/articles", body).statusCode(400).body("type", endsWith("/invalid-utf8"))
                .body("detail", startsWith("the request body is not valid UTF-8 at byte " + position + " (in body)"))
                .body("errors[0].field", equalTo("body"));
        // a broken sequence (0xc3 needs a continuation byte) and bytes outside any field
        send("POST", "/api/v1/articles", bytes(ARTICLE_HEAD, 0xc3, "c\"}")).statusCode(400)
                .body("detail", startsWith("the request body is not valid UTF-8 at byte " + (position + 1)));
        send("POST", "/api/v1/actors", bytes("{\"name\": \"X\", ", 0xff, "\"kind\": \"country\"}")).statusCode(400)
                .body("type", endsWith("/invalid-utf8")).body("detail", startsWith("the request body is not valid UTF-8 at byte 15;"));
        send("POST", "/api/v1/events", bytes("{\"type\": \"meeting\", \"title\": \"T", 0xe9, "te\"}")).statusCode(400)
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void importsNameTheBadByteToo() {
        String head = "[{\"externalId\": \"utf8-1\", \"type\": \"meeting\", \"date\": \"2024-06-01\", \"title\": \"a";
        given().contentType("application/json").body(bytes(head, 0xff, "b\"}]")).post("/api/v1/imports/events?dryRun=true")
                .then().statusCode(200).body("rejected", equalTo(1))
                .body("errors[0].message", startsWith("not valid UTF-8 (byte " + (head.length() + 1) + " of the body)"));
        String line = "{\"externalId\": \"utf8-2\", \"type\": \"meeting\", \"date\": \"2024-06-01\", \"title\": \"a";
        given().contentType("application/x-ndjson").body(bytes(line, 0xff, "b\"}\n")).post("/api/v1/imports/events?dryRun=true")
                .then().statusCode(200).body("rejected", equalTo(1))
                .body("errors[0].message", startsWith("not valid UTF-8 (byte " + (line.length() + 1) + " of the line)"));
    }

    @Test
    void aRawNulOrControlCharacterIsNamedAsSuch() {
        send("POST", "/api/v1/articles", bytes(ARTICLE_HEAD, 0, "c\"}")).statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("contains a NUL character (U+0000), which text cannot hold"));
        send("POST", "/api/v1/articles", bytes(ARTICLE_HEAD, 9, "c\"}")).statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", startsWith("contains a raw control character (U+0009)"));
        send("POST", "/api/v1/articles", bytes("{\"title\": \"T\"", 0, ", \"body\": \"abc\"}")).statusCode(400)
                .body("type", endsWith("/malformed-json"))
                .body("detail", equalTo("the body is not valid JSON: a raw control character (U+0000) at byte 14"));
    }

    @Test
    void aValueOfTheWrongJsonTypeNamesItsFieldAndType() {
        Map<String, Object> article = Map.of("title", "T", "publishedAt", "2024-09-14", "body", 123);
        Api.post("/api/v1/articles", article).statusCode(400).body("detail", equalTo("body: must be a string"))
                .body("errors[0].field", equalTo("body"));
        Api.post("/api/v1/articles", Map.of("title", List.of("T"), "body", "Talks on Friday.", "publishedAt", "2024-09-14"))
                .statusCode(400).body("detail", equalTo("title: must be a string"));
        Api.post("/api/v1/analyze", Map.of("text", true, "referenceDate", "2024-09-14")).statusCode(400)
                .body("detail", equalTo("text: must be a string"));
        String name = Api.unique("Typeland");
        Api.post("/api/v1/actors", Map.of("name", name, "kind", "country", "aliases", List.of(1))).statusCode(400)
                .body("detail", equalTo("aliases[0]: must be a string"));
        Api.post("/api/v1/actors", Map.of("name", name, "kind", "country", "aliases", "one")).statusCode(400)
                .body("detail", equalTo("aliases: must be a list"));
        String slug = Api.actorSlug(name, "country");
        Api.post("/api/v1/actors/" + slug + "/merge", Map.of("into", 5)).statusCode(400).body("detail", equalTo("into: must be a string"));
        Api.post("/api/v1/events", Map.of("type", "meeting", "date", "2024-06-01", "title", "T", "confidence", "0.5"))
                .statusCode(400).body("detail", equalTo("confidence: must be a number"));
        Api.post("/api/v1/events", Map.of("type", "meeting", "date", "2024-06-01", "title", 7)).statusCode(400)
                .body("detail", equalTo("title: must be a string"));
        String event = Api.post("/api/v1/events", Map.of("type", "meeting", "date", "2024-06-01", "title", "T"))
                .statusCode(201).extract().path("id");
        for (Object start : List.of("5", 1.5)) {
            given().contentType("application/json").body(Map.of("url", "https://example.org/s", "quote", "q", "start", start, "end", 9))
                    .post("/api/v1/events/{id}/sources", event).then().statusCode(400).body("errors[0].field", equalTo("start"));
        }
        // nothing of the above was stored: no actor was named "5" or "true", the event has no source
        given().queryParam("q", name).get("/api/v1/actors").then().body("items.size()", equalTo(1));
        given().get("/api/v1/events/{id}", event).then().body("sources", empty());
    }

    @Test
    void aBodyThatIsNoObjectIsSaidSoWithoutAJavaName() {
        for (String path : List.of("/api/v1/articles", "/api/v1/analyze", "/api/v1/actors", "/api/v1/events", "/api/v1/agreements")) {
            for (String body : List.of("null", "[]", "\"text\"", "123", "true")) {
                send("POST", path, body.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                        .body("detail", equalTo("this call needs a JSON object as its request body"))
                        .body("errors", nullValue());
            }
        }
        Api.post("/api/v1/articles", Map.of("title", "T", "publishedAt", "2024-09-14")).statusCode(400)
                .body("errors[0].field", equalTo("body")).body("detail", not(startsWith("submit")));
    }

    private static ValidatableResponse send(String method, String path, byte[] body) {
        return given().contentType("application/json").body(body).when().request(method, path).then()
                .contentType("application/problem+json");
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }
}
