package news.timeline.agreements;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AgreementResourceTest {

    private static final String AGREEMENTS = "/api/v1/agreements";

    private static Map<String, Object> treaty(String name, Object... parties) {
        Map<String, Object> a = new HashMap<>();
        a.put("name", name);
        a.put("kind", "treaty");
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Object p : parties) {
            ps.add(Map.of("actor", p));
        }
        a.put("parties", ps);
        return a;
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    @Test
    void createsReadsReplacesAndDeletes() {
        String nk = actor(unique("North Korea"), "country");
        String ru = actor(unique("Russia"), "country");
        String name = unique("Treaty on Comprehensive Strategic Partnership");
        Map<String, Object> body = treaty(name, nk, ru);
        body.put("status", "signed");
        body.put("signed", "2024-06-19");
        body.put("effective", Map.of("value", "2024-12", "approximate", true));
        body.put("clauses", List.of("mutual defense"));
        body.put("aliases", List.of("NK-Russia pact"));
        String location = post(AGREEMENTS, body).statusCode(201)
                .header("Location", containsString("/api/v1/agreements/"))
                .body("name", equalTo(name)).body("kind", equalTo("treaty")).body("status", equalTo("signed"))
                .body("signed.value", equalTo("2024-06-19")).body("signed.precision", equalTo("day"))
                .body("effective.precision", equalTo("month")).body("effective.approximate", equalTo(true))
                .body("expiry", nullValue())
                .body("clauses", equalTo(List.of("mutual defense"))).body("aliases", equalTo(List.of("NK-Russia pact")))
                .body("parties.id", containsInAnyOrder(nk, ru))
                .body("parties[0].role", equalTo("party"))
                .extract().header("Location");
        given().get(location).then().statusCode(200).body("parties", hasSize(2)).body("version", equalTo(0));

        Map<String, Object> replaced = treaty(name + " (amended)", nk);
        replaced.put("kind", "accord");
        replaced.put("version", 0);
        given().contentType(ContentType.JSON).body(replaced).put(location).then().statusCode(200)
                .body("kind", equalTo("accord")).body("status", equalTo("unknown")).body("signed", nullValue())
                .body("parties.id", equalTo(List.of(nk))).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(replaced).put(location).then().statusCode(409)
                .contentType("application/problem+json");

        given().delete(location).then().statusCode(204);
        given().get(location).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void eventsLinkToAgreementsAndAreUnlinkedOnDelete() {
        String name = unique("Ceasefire");
        String id = post(AGREEMENTS, with(treaty(name), "kind", "ceasefire")).statusCode(201).extract().path("id");
        String event = post("/api/v1/events", Map.of("type", "agreement_signed", "title", unique("signing"), "date", "2024-06-19",
                "agreementId", id)).statusCode(201)
                .body("agreement.id", equalTo(id)).body("agreement.name", equalTo(name))
                .extract().path("id");
        given().delete(AGREEMENTS + "/" + id).then().statusCode(204);
        given().get("/api/v1/events/" + event).then().statusCode(200).body("agreement", nullValue());
    }

    @Test
    void pagesThroughTheListToTheEnd() {
        String tag = "pact" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(post(AGREEMENTS, treaty(tag + " " + i)).statusCode(201).extract().path("id"));
        }
        var first = given().queryParam("q", tag).queryParam("limit", 2).get(AGREEMENTS).then().statusCode(200)
                .body("items", hasSize(2)).extract();
        String next = first.path("next");
        assertThat(next).isNotNull();
        var second = given().queryParam("q", tag).queryParam("limit", 2).queryParam("cursor", next).get(AGREEMENTS).then()
                .statusCode(200).body("items", hasSize(1)).body("next", nullValue()).extract();
        List<String> ids = new ArrayList<>(first.<List<String>>path("items.id"));
        ids.addAll(second.path("items.id"));
        assertThat(ids).containsExactlyElementsOf(created);
        given().queryParam("q", tag).queryParam("kind", "deal").get(AGREEMENTS).then().body("items", empty());
        given().queryParam("status", "dead").get(AGREEMENTS).then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("cursor", "x").get(AGREEMENTS).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        // a cursor pages the list it came from: not another search, kind or status
        given().queryParam("q", tag + " 2").queryParam("cursor", next).get(AGREEMENTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        given().queryParam("q", tag).queryParam("status", "signed").queryParam("cursor", next).get(AGREEMENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void badInputIsRejectedAndNothingStored() {
        String name = unique("Bad pact");
        post(AGREEMENTS, with(treaty(name), "kind", "alliance")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", equalTo("must be one of: treaty, accord, agreement, deal, memorandum, ceasefire, framework, declaration, merger, other"));
        post(AGREEMENTS, with(treaty(name), "status", "dead")).statusCode(400).body("errors[0].message", containsString("in_force"));
        post(AGREEMENTS, with(treaty(name), "signed", "2024-02-30")).statusCode(400)
                .body("errors[0].field", equalTo("signed")).body("errors[0].message", containsString("2024-02-30"));
        post(AGREEMENTS, with(with(treaty(name), "effective", "2025"), "expiry", "2024")).statusCode(400)
                .body("errors[0].field", equalTo("expiry"));
        post(AGREEMENTS, treaty("N" + "x".repeat(500))).statusCode(400).body("errors[0].field", equalTo("name"));
        post(AGREEMENTS, with(treaty(name), "clauses", List.of("ok", ""))).statusCode(400).body("errors[0].field", equalTo("clauses[1]"));
        post(AGREEMENTS, treaty(name, "no-such-party")).statusCode(400).body("errors[0].field", equalTo("parties[0].actor"));
        post(AGREEMENTS, with(treaty(name), "parties", List.of(Map.of("actor", actor(unique("P"), "country"), "role", "r".repeat(65)))))
                .statusCode(400).body("errors[0].field", equalTo("parties[0].role"));
        post(AGREEMENTS, with(treaty(name), "signatories", List.of())).statusCode(400).body("errors[0].message", equalTo("unknown field"));
        post(AGREEMENTS, with(treaty(name), "clauses", "mutual defense")).statusCode(400).body("errors[0].field", equalTo("clauses"));
        post(AGREEMENTS, Map.of()).statusCode(400).body("errors.field", containsInAnyOrder("kind", "name"));
        given().queryParam("q", name).get(AGREEMENTS).then().body("items", empty());
    }

    @Test
    void unknownAgreementsAre404Problems() {
        String missing = UUID.randomUUID().toString();
        given().get(AGREEMENTS + "/" + missing).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(missing));
        given().contentType(ContentType.JSON).body(treaty("x")).put(AGREEMENTS + "/" + missing).then().statusCode(404);
        given().delete(AGREEMENTS + "/" + missing).then().statusCode(404);
    }
}
