package news.timeline.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.timeline.support.Api.actor;
import static news.timeline.support.Api.post;
import static news.timeline.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * An empty {@code Accept} (or empty entries in one) is no preference: the fuzz harness found that
 * {@code GET /api/v1/events?status=rejected} with {@code Accept: } answered 500 ("Failed to parse media type").
 */
@QuarkusTest
class BlankAcceptTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anEmptyAcceptIsNoPreferenceNotA500() throws Exception {
        String a = actor(unique("Blank accept"), "country");
        String title = unique("Blank accept event");
        post("/api/v1/events", Map.of("type", "meeting", "title", title, "date", "2024-05-01", "status", "rejected",
                "participants", List.of(Map.of("actor", a)))).statusCode(201);

        // REST Assured sends the header as given, empty value included
        given().header("Accept", "").queryParam("status", "rejected").queryParam("actor", a).get("/api/v1/events")
                .then().statusCode(200).contentType(startsWith("application/json")).body("items[0].title", equalTo(title));
        given().header("Accept", " , text/csv").queryParam("status", "rejected").queryParam("actor", a).get("/api/v1/events")
                .then().statusCode(200).contentType(startsWith("text/csv"));
        given().header("Accept", "").get("/api/v1/actors/" + a + "/timeline").then().statusCode(200);

        // and byte for byte as the fuzz harness sent it: "Accept: " with nothing after it
        RawHttp.Answer raw = new RawHttp(root.getHost(), root.getPort()).send("GET",
                "/api/v1/events?status=rejected&actor=" + a, Map.of("Accept", ""), null);
        assertThat(raw.status()).as(raw.text()).isEqualTo(200);
        assertThat(raw.text()).contains(title);

        // what was refused stays refused: an Accept no writer matches is a 406
        given().header("Accept", "image/png").get("/api/v1/events").then().statusCode(406);
    }
}
