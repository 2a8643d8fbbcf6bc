package news.timeline.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Reads need a key too: then so do the metrics, the OpenAPI document and Swagger UI (they tell what the service holds
 * and does); the health probes and the static page stay open. A 401 names the scheme in WWW-Authenticate.
 */
@QuarkusTest
@TestProfile(ReadKeyTest.ReadsNeedAKey.class)
class ReadKeyTest {

    public static class ReadsNeedAKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.api.keys", "read-key", "timeline.api.read-requires-key", "true", "timeline.extraction.mode", "off");
        }
    }

    private static final List<String> GUARDED = List.of("/q/metrics", "/q/openapi", "/q/openapi?format=json", "/q/swagger-ui/",
            "/q//metrics", "/q/health/../metrics", "/api/v1/events", "/api/v1/actors");

    @Test
    void everyReadButTheProbesAndThePageNeedsTheKey() {
        for (String path : GUARDED) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("ApiKey"))
                    .header("WWW-Authenticate", containsString("X-API-Key"))
                    .body("detail", containsString("X-API-Key"));
            given().urlEncodingEnabled(false).header("X-API-Key", "guess").get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().header("X-API-Key", "read-key").get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().header("X-API-Key", "read-key").get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("timeline API"))
                .body("info.description", containsString("TIMELINE_API_READ_REQUIRES_KEY"))
                .body("info.description", containsString("/q/health/ready"));
        given().header("X-API-Key", "read-key").get("/api/v1/events").then().statusCode(200);
        for (String open : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started")) {
            given().get(open).then().statusCode(200).body("status", equalTo("UP"));
        }
        given().get("/").then().statusCode(200).body(not(containsString("\"status\":401")));
    }

    @Test
    void aWriteWithoutAKeyNamesTheScheme() {
        given().contentType("application/json").body(Map.of("name", "Keyless", "kind", "person")).post("/api/v1/actors")
                .then().statusCode(401).header("WWW-Authenticate", containsString("X-API-Key"));
    }
}
