package news.timeline.chronology;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.timeline.support.Api.post;
import static news.timeline.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The read side over data written through the public write API (actors, affiliations, events, delete, merge):
 * roll-up, "addedSince" and the change log a client syncs with.
 */
@QuarkusTest
class SyncThroughTheApiTest {

    @Test
    void writesShowInTimelinesAndTheChangeLog() throws InterruptedException {
        String nk = slug(unique("North Korea"), "country");
        String ru = slug(unique("Russia"), "country");
        String kim = slug(unique("Kim Jong-un"), "person");
        String shoigu = slug(unique("Sergei Shoigu"), "person");
        post("/api/v1/actors/" + kim + "/affiliations", Map.of("to", nk, "role", "leader", "validFrom", "2011-12-17")).statusCode(201);
        post("/api/v1/actors/" + shoigu + "/affiliations", Map.of("to", ru, "role", "secretary", "validFrom", "2024-05-12")).statusCode(201);
        String meeting = event("meeting", "Kim Jong-un meets Sergei Shoigu", "2024-09-13", kim, shoigu);
        String early = event("meeting", "Shoigu before his post", "2023-01-05", kim, shoigu);

        given().when().get("/api/v1/relationships/{a}/{b}/timeline", nk, ru)
                .then().statusCode(200).body("items.id", contains(meeting));

        Instant before = Instant.now();
        Thread.sleep(20);
        given().contentType(ContentType.JSON).body(Map.of("title", "Kim Jong-un and Sergei Shoigu meet in Pyongyang"))
                .when().patch("/api/v1/events/" + meeting).then().statusCode(200);
        given().when().delete("/api/v1/events/" + early).then().statusCode(204);

        given().queryParam("actor", kim).queryParam("addedSince", before.toString()).when().get("/api/v1/events")
                .then().statusCode(200).body("items.id", contains(meeting));
        given().queryParam("since", before.toString()).queryParam("limit", 1000).when().get("/api/v1/changes")
                .then().statusCode(200)
                .body("items.findAll { it.action == 'deleted' }.id", hasItem(early))
                .body("items.findAll { it.action == 'updated' }.id", hasItem(meeting))
                .body("items.findAll { it.action == 'deleted' }.id", not(hasItem(meeting)));
    }

    private static String slug(String name, String kind) {
        return post("/api/v1/actors", Map.of("name", name, "kind", kind)).statusCode(201).extract().path("slug");
    }

    private static String event(String type, String title, String date, String... actors) {
        return post("/api/v1/events", Map.of("type", type, "title", title, "date", date,
                "participants", List.of(actors).stream().map(a -> Map.of("actor", a)).toList()))
                .statusCode(201).extract().path("id");
    }
}
