package news.timeline.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers so tests read as what they create, not how. Every name gets a unique suffix. */
public final class Api {

    private Api() {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** Creates an actor and answers its id. */
    public static String actor(String name, String kind) {
        return post("/api/v1/actors", Map.of("name", name, "kind", kind)).statusCode(201).extract().path("id");
    }

    /** Creates an actor and answers its slug. */
    public static String actorSlug(String name, String kind) {
        return post("/api/v1/actors", Map.of("name", name, "kind", kind)).statusCode(201).extract().path("slug");
    }
}
