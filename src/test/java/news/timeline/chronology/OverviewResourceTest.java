package news.timeline.chronology;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.timeline.support.Api.actor;
import static news.timeline.support.Api.post;
import static news.timeline.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** GET /api/v1/overview on the shared test database (the empty database: ui/FirstPageE2ETest). */
@QuarkusTest
class OverviewResourceTest {

    @Test
    void latestEventsComeFirstRejectedOnesNeverAndListsAreOrdered() {
        String a = actor(unique("Overview country"), "country");
        String late = unique("Overview late");
        String rejected = unique("Overview rejected");
        post("/api/v1/events", event(late, "2998-12-30", a, "extracted")).statusCode(201);
        post("/api/v1/events", event(unique("Overview early"), "2998-01-02", a, "extracted")).statusCode(201);
        post("/api/v1/events", event(rejected, "2998-12-31", a, "rejected")).statusCode(201);

        JsonPath o = given().queryParam("limit", 50).get("/api/v1/overview").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(o.getLong("counts.events")).isGreaterThanOrEqualTo(2);
        assertThat(o.getLong("counts.actors")).isGreaterThanOrEqualTo(1);
        assertThat(o.getLong("counts.articles")).isGreaterThanOrEqualTo(0);
        List<String> titles = o.getList("latestEvents.title");
        assertThat(titles).hasSizeLessThanOrEqualTo(50).first().isEqualTo(late);
        assertThat(titles).doesNotContain(rejected);
        List<String> starts = o.getList("latestEvents.date.start");
        assertThat(starts).isSortedAccordingTo((x, y) -> LocalDate.parse(y).compareTo(LocalDate.parse(x)));
        assertThat(o.getList("latestEvents[0].participants.actor.id")).containsExactly(a);
        List<Integer> counts = o.getList("activeActors.events", Integer.class);
        assertThat(counts).isNotEmpty().isSortedAccordingTo((x, y) -> Integer.compare(y, x));
        assertThat(o.getList("activeActors.actor.slug")).doesNotContainNull();

        given().get("/api/v1/overview").then().statusCode(200).body("latestEvents.size()", equalTo(
                Math.min(10, titles.size())));
    }

    @Test
    void aLimitOutside1To50IsA400NamingIt() {
        for (String bad : List.of("0", "51", "-1", "ten", "1.5", "99999999999")) {
            given().queryParam("limit", bad).get("/api/v1/overview").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].message", containsString("between 1 and 50"));
        }
    }

    private static Map<String, Object> event(String title, String date, String actor, String status) {
        return Map.of("type", "meeting", "title", title, "date", date, "status", status,
                "participants", List.of(Map.of("actor", actor, "role", "participant")));
    }
}
