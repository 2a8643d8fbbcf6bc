package news.timeline.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics registry keeps at most 100 {@code uri} tags: a request that no route took (refused by a filter before
 * routing, or matching nothing) must not bring a tag of its own, or a scan of junk paths would push out the real ones.
 */
@QuarkusTest
class MetricsUriTagTest {

    private static final Pattern URI = Pattern.compile("^http_server_requests_seconds_count\\{.*?uri=\"([^\"]*)\".*$", Pattern.MULTILINE);

    @Test
    void refusedAndUnmatchedRequestsShareBoundedTags() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            // refused before routing: NUL in the path, in the query; an empty write body; no route at all
            given().urlEncodingEnabled(false).get("/api/v1/actors/a%00b" + run + i).then().statusCode(400);
            given().urlEncodingEnabled(false).get("/api/v1/events" + "?q=" + run + i + "%00").then().statusCode(400);
            given().contentType("application/json").body(new byte[0]).post("/api/v1/actors/" + run + i + "/merge").then().statusCode(400);
            given().get("/no-such-page/" + run + i).then().statusCode(404);
        }
        given().get("/api/v1/actors/no-such-actor-" + run).then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = URI.matcher(metrics);
        List<String> uris = new java.util.ArrayList<>();
        while (m.find()) {
            uris.add(m.group(1));
        }
        assertThat(uris).as("uri tags").isNotEmpty().noneMatch(u -> u.contains(run));
        assertThat(uris).contains("UNKNOWN", "NOT_FOUND", "/api/v1/actors/{actor}");
        assertThat(Arrays.stream(metrics.split("\n")).filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("uri=\"UNKNOWN\""))
                .toList()).as("the refusals' series").anyMatch(l -> l.contains("status=\"400\""));
    }
}
