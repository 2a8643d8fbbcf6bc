package news.timeline.actors;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static news.timeline.support.Api.actor;
import static news.timeline.support.Api.post;
import static news.timeline.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ActorResourceTest {

    private static final String ACTORS = "/api/v1/actors";

    @Test
    void createsAndReadsAnActorByIdAndSlug() {
        String name = unique("Kim Jong-un");
        String location = post(ACTORS, Map.of("name", name, "kind", "person", "aliases", List.of("Kim Jong Un", "N. Korean leader"),
                "wikidataId", "Q56226", "description", "leader"))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/actors/"))
                .body("name", equalTo(name))
                .body("kind", equalTo("person"))
                .body("slug", equalTo(AliasNormalizer.slug(name)))
                .body("aliases", containsInAnyOrder("Kim Jong Un", "N. Korean leader"))
                .body("wikidataId", equalTo("Q56226"))
                .body("affiliation", nullValue())
                .body("version", equalTo(0))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String slug = given().get(location).then().statusCode(200).body("id", equalTo(id)).extract().path("slug");
        given().get(ACTORS + "/" + slug).then().statusCode(200).body("id", equalTo(id)).body("description", equalTo("leader"));
    }

    @Test
    void slugsAreMadeUniqueWithASuffix() {
        // one name, three kinds: three actors (a twin of one kind is a 409, see aNameThatFoldsToAKnownActorsIsAConflict)
        String name = unique("Sergei Shoigu");
        String base = AliasNormalizer.slug(name);
        assertThat(post(ACTORS, Map.of("name", name, "kind", "person")).statusCode(201).extract().<String>path("slug")).isEqualTo(base);
        assertThat(post(ACTORS, Map.of("name", name, "kind", "organization")).statusCode(201).extract().<String>path("slug")).isEqualTo(base + "-2");
        assertThat(post(ACTORS, Map.of("name", name, "kind", "group")).statusCode(201).extract().<String>path("slug")).isEqualTo(base + "-3");
    }

    @Test
    void aNameThatFoldsToAKnownActorsIsAConflict() {
        String name = unique("North Korea");
        String suffix = name.substring(name.length() - 8);
        String id = post(ACTORS, Map.of("name", name, "kind", "country", "aliases", List.of("DPRK " + suffix))).statusCode(201)
                .extract().path("id");
        String slug = given().get(ACTORS + "/" + id).then().extract().path("slug");
        // case, punctuation, spacing and a leading "the" do not make another actor; nor does an alias
        for (String twin : List.of(name.toLowerCase() + " ", "  NORTH-KOREA  " + suffix, "The North Korea, " + suffix, "Dprk " + suffix + ".")) {
            post(ACTORS, Map.of("name", twin, "kind", "country")).statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/duplicate"))
                    .body("detail", containsString(slug))
                    .body("existing.id", equalTo(id))
                    .body("existing.slug", equalTo(slug))
                    .body("existing.kind", equalTo("country"));
        }
        given().queryParam("q", suffix).get(ACTORS).then().body("items.id", contains(id));
        // another kind is another actor; a slug of the request's own is a deliberate namesake
        post(ACTORS, Map.of("name", name.toLowerCase(), "kind", "organization")).statusCode(201);
        post(ACTORS, Map.of("name", name.toLowerCase(), "kind", "country", "slug", "namesake-" + suffix)).statusCode(201);
        // renaming another actor into the name is refused the same way, and leaves it as it was
        String other = post(ACTORS, Map.of("name", unique("South Korea"), "kind", "country")).statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("name", name.toUpperCase())).patch(ACTORS + "/" + other)
                .then().statusCode(409).body("existing.id", equalTo(id));
        given().contentType(ContentType.JSON).body(Map.of("name", name + "!", "kind", "country")).put(ACTORS + "/" + other)
                .then().statusCode(409).body("existing.id", equalTo(id));
        given().get(ACTORS + "/" + other).then().body("name", startsWith("South Korea"));
        // an actor's own name, re-spelled, is no conflict with itself
        given().contentType(ContentType.JSON).body(Map.of("name", name.toUpperCase())).patch(ACTORS + "/" + id).then().statusCode(200);
        // and the rule is in the API's description
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/actors'.post.description", containsString("No twins"))
                .body("paths.'/api/v1/actors'.post.responses.'409'.description", containsString("existing"));
    }

    @Test
    void aGivenSlugThatIsTakenIsAConflict() {
        String slug = "russia-" + UUID.randomUUID().toString().substring(0, 8);
        post(ACTORS, Map.of("name", "Russia", "kind", "country", "slug", slug)).statusCode(201).body("slug", equalTo(slug));
        post(ACTORS, Map.of("name", "Russian Federation", "kind", "country", "slug", slug))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(slug));
        given().queryParam("q", "Russian Federation").get(ACTORS).then().body("items.slug", org.hamcrest.Matchers.not(hasItem(slug + "-2")));
    }

    @Test
    void putReplacesAndPatchChangesSomeFields() {
        String id = actor(unique("Pyongyang gov"), "organization");
        String name = unique("North Korea");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "country", "isoCode", "PRK", "aliases", List.of("DPRK")))
                .put(ACTORS + "/" + id)
                .then().statusCode(200)
                .body("name", equalTo(name)).body("kind", equalTo("country")).body("isoCode", equalTo("PRK"))
                .body("aliases", hasItem("DPRK"))
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("description", "a state in East Asia"))
                .patch(ACTORS + "/" + id)
                .then().statusCode(200)
                .body("name", equalTo(name)).body("isoCode", equalTo("PRK")).body("description", equalTo("a state in East Asia"));
        given().get(ACTORS + "/" + id).then().body("description", equalTo("a state in East Asia")).body("aliases", hasItem("DPRK"));
        // the old name stays findable as an alias
        given().queryParam("q", "DPRK").get(ACTORS).then().body("items.id", hasItem(id));
    }

    @Test
    void aStaleVersionIsAConflict() {
        String id = actor(unique("Versioned"), "group");
        given().contentType(ContentType.JSON).body(Map.of("name", "V2", "kind", "group", "version", 0)).put(ACTORS + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("name", "V3", "kind", "group", "version", 0)).put(ACTORS + "/" + id)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("stale"));
        given().get(ACTORS + "/" + id).then().body("name", equalTo("V2"));
    }

    @Test
    void writesAreOpenWhenNoKeysAreConfigured() {
        String id = post(ACTORS, Map.of("name", unique("Open"), "kind", "group")).statusCode(201).extract().path("id");
        given().header("X-API-Key", "anything").contentType(ContentType.JSON).body(Map.of("description", "open"))
                .patch(ACTORS + "/" + id).then().statusCode(200);
        given().delete(ACTORS + "/" + id).then().statusCode(204);
    }

    @Test
    void deleteRemovesTheActor() {
        String id = actor(unique("Short-lived"), "group");
        given().delete(ACTORS + "/" + id).then().statusCode(204);
        given().get(ACTORS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        given().delete(ACTORS + "/" + id).then().statusCode(404);
    }

    @Test
    void unknownActorsAre404Problems() {
        given().get(ACTORS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not found")).body("detail", startsWith("no actor"));
        given().get(ACTORS + "/no-such-actor-slug").then().statusCode(404).body("detail", containsString("no-such-actor-slug"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "person")).put(ACTORS + "/no-such-actor").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).patch(ACTORS + "/no-such-actor").then().statusCode(404);
        post(ACTORS + "/no-such-actor/merge", Map.of("into", "x")).statusCode(404);
    }

    @Test
    void pagesThroughAListToTheEnd() {
        String tag = "pagetest" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(actor(tag + " member " + i, "person"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = given().queryParam("q", tag).queryParam("limit", 2);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var page = req.get(ACTORS).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created); // name order = creation order here
        given().queryParam("q", tag).queryParam("kind", "country").get(ACTORS).then().body("items", empty()).body("next", nullValue());
        // a cursor pages the list it came from: not another search or kind
        String next = given().queryParam("q", tag).queryParam("limit", 2).get(ACTORS).then().extract().path("next");
        given().queryParam("q", tag + " member 3").queryParam("cursor", next).get(ACTORS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"))
                .body("errors[0].message", containsString("another list"));
        given().queryParam("q", tag).queryParam("kind", "person").queryParam("cursor", next).get(ACTORS).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().queryParam("q", tag).queryParam("limit", 3).queryParam("cursor", next).get(ACTORS).then().statusCode(200)
                .body("items.id", equalTo(created.subList(2, 5)));
    }

    @Test
    void listSearchesAliasesAccentAndCaseInsensitively() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = post(ACTORS, Map.of("name", "Volodymyr " + tag, "kind", "person", "aliases", List.of("Zelénskyy " + tag)))
                .statusCode(201).extract().path("id");
        given().queryParam("q", "ZELENSKYY " + tag).get(ACTORS).then().body("items.id", equalTo(List.of(id)));
    }

    @Test
    void pagingParametersAreValidated() {
        given().queryParam("limit", 0).get(ACTORS).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 1001).get(ACTORS).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "garbage!").get(ACTORS).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("kind", "planet").get(ACTORS).then().statusCode(400).body("errors[0].message", containsString("person, country"));
    }

    @Test
    void mergeMovesAliasesEventsAndAgreements() {
        String source = actor(unique("Kim Jong Un"), "person");
        String sourceName = given().get(ACTORS + "/" + source).then().extract().path("name");
        post(ACTORS + "/" + source + "/affiliations", Map.of("to", actor(unique("DPRK"), "country"), "role", "leader")).statusCode(201);
        String target = post(ACTORS, Map.of("name", unique("Kim Jong-un"), "kind", "person")).statusCode(201).extract().path("id");
        String other = actor(unique("Shoigu"), "person");
        String both = post("/api/v1/events", Map.of("type", "meeting", "title", "both", "date", "2024-09-13",
                "participants", List.of(Map.of("actor", source, "role", "host"), Map.of("actor", target), Map.of("actor", other))))
                .statusCode(201).extract().path("id");
        String onlySource = post("/api/v1/events", Map.of("type", "statement", "title", "only source", "date", "2024-09",
                "participants", List.of(Map.of("actor", source)))).statusCode(201).extract().path("id");
        String agreement = post("/api/v1/agreements", Map.of("name", unique("Pact"), "kind", "treaty",
                "parties", List.of(Map.of("actor", source), Map.of("actor", other)))).statusCode(201).extract().path("id");

        post(ACTORS + "/" + source + "/merge", Map.of("into", target))
                .statusCode(200)
                .body("id", equalTo(target))
                .body("aliases", hasItem(sourceName))
                .body("affiliation", notNullValue());

        given().get(ACTORS + "/" + source).then().statusCode(404);
        given().get("/api/v1/events/" + both).then()
                .body("participants.actor.id", containsInAnyOrder(target, other))
                .body("participants", hasSize(2));
        given().get("/api/v1/events/" + onlySource).then().body("participants.actor.id", equalTo(List.of(target)));
        given().get("/api/v1/agreements/" + agreement).then().body("parties.id", containsInAnyOrder(target, other));
        // the merged name now resolves to the target
        given().queryParam("q", sourceName).get(ACTORS).then().body("items.id", equalTo(List.of(target)));
    }

    @Test
    void mergeIntoItselfIsAConflictAndIntoNothingIsInvalid() {
        String id = actor(unique("Self"), "group");
        String slug = given().get(ACTORS + "/" + id).then().extract().path("slug");
        post(ACTORS + "/" + id + "/merge", Map.of("into", slug)).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("itself"));
        post(ACTORS + "/" + id + "/merge", Map.of("into", "no-such-target")).statusCode(400)
                .body("errors[0].field", equalTo("into"));
        post(ACTORS + "/" + id + "/merge", Map.of()).statusCode(400).body("errors[0].field", equalTo("into"));
        given().get(ACTORS + "/" + id).then().statusCode(200);
    }

    @Test
    void affiliationsOverTime() {
        String person = actor(unique("Minister"), "person");
        String country = actor(unique("Country"), "country");
        String old = actor(unique("Old party"), "organization");
        post(ACTORS + "/" + person + "/affiliations", Map.of("to", old, "validFrom", "1990-01-01", "validTo", "2000-12-31")).statusCode(201);
        String affId = post(ACTORS + "/" + person + "/affiliations", Map.of("to", country, "role", "foreign minister", "validFrom", "2020-01-01"))
                .statusCode(201)
                .header("Location", containsString("/affiliations/"))
                .body("to.id", equalTo(country)).body("role", equalTo("foreign minister")).body("validFrom", equalTo("2020-01-01"))
                .extract().path("id");
        given().get(ACTORS + "/" + person + "/affiliations").then().statusCode(200)
                .body("to.id", equalTo(List.of(old, country)));
        given().get(ACTORS + "/" + person).then().body("affiliation.id", equalTo(country));
        post(ACTORS + "/" + person + "/affiliations", Map.of("to", country, "validFrom", "2020-01-01", "validTo", "2019-01-01"))
                .statusCode(400).body("errors[0].field", equalTo("validTo"));
        post(ACTORS + "/" + person + "/affiliations", Map.of("to", person)).statusCode(400).body("errors[0].field", equalTo("to"));
        given().delete(ACTORS + "/" + person + "/affiliations/" + affId).then().statusCode(204);
        given().delete(ACTORS + "/" + person + "/affiliations/" + affId).then().statusCode(404);
        given().get(ACTORS + "/" + person).then().body("affiliation", nullValue());
    }

    // ------------------------------------------------------------------ bad input: clear 400s, nothing stored

    @Test
    void missingFieldsAreListedTogether() {
        post(ACTORS, Map.of("description", "nameless")).statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("errors.field", containsInAnyOrder("kind", "name"))
                .body("detail", equalTo("2 fields are invalid"));
    }

    @Test
    void unknownKindListsTheAllowedValues() {
        String name = unique("Planet Mars");
        post(ACTORS, Map.of("name", name, "kind", "planet")).statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", equalTo("must be one of: person, country, organization, group, other"));
        assertNotStored(name);
    }

    @Test
    void overLongStringsAreRejected() {
        String name = "N" + "x".repeat(300);
        post(ACTORS, Map.of("name", name, "kind", "person")).statusCode(400)
                .body("errors[0].field", equalTo("name")).body("errors[0].message", containsString("300"));
        String ok = unique("Alias owner");
        post(ACTORS, Map.of("name", ok, "kind", "person", "aliases", List.of("fine", "a".repeat(301)))).statusCode(400)
                .body("errors[0].field", equalTo("aliases[1]"));
        post(ACTORS, Map.of("name", ok, "kind", "person", "slug", "s".repeat(201))).statusCode(400)
                .body("errors.field", hasItem("slug"));
        assertNotStored(ok);
    }

    @Test
    void badSlugsIsoCodesAndWikidataIdsAreRejected() {
        String name = unique("Badly Slugged");
        post(ACTORS, Map.of("name", name, "kind", "person", "slug", "Not A Slug", "isoCode", "prk", "wikidataId", "423"))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("isoCode", "slug", "wikidataId"));
        post(ACTORS, Map.of("name", name, "kind", "person", "slug", UUID.randomUUID().toString())).statusCode(400)
                .body("errors[0].message", containsString("UUID"));
        post(ACTORS, Map.of("name", "   ", "kind", "person")).statusCode(400).body("errors[0].field", equalTo("name"));
        assertNotStored(name);
    }

    @Test
    void unknownFieldsMalformedJsonAndWrongTypesAreRejected() {
        String name = unique("Typo");
        post(ACTORS, Map.of("name", name, "kind", "person", "nmae", "x")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("nmae")).body("errors[0].message", equalTo("unknown field"));
        given().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"kind\": ").post(ACTORS).then()
                .statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed JSON"))
                .body("detail", org.hamcrest.Matchers.not(containsString("jackson")));
        post(ACTORS, Map.of("name", name, "kind", "person", "aliases", "single")).statusCode(400)
                .body("errors[0].field", equalTo("aliases"));
        post(ACTORS, Map.of("name", Map.of("first", "Kim"), "kind", "person")).statusCode(400)
                .body("errors[0].field", equalTo("name"));
        post(ACTORS, Map.of("name", name, "kind", "person", "version", "one")).statusCode(400)
                .body("errors[0].field", equalTo("version"));
        given().contentType(ContentType.JSON).post(ACTORS).then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("name=" + name).post(ACTORS).then().statusCode(415)
                .contentType("application/problem+json");
        assertNotStored(name);
    }

    @Test
    void invalidPatchIsRejectedAndChangesNothing() {
        String name = unique("Patched");
        String id = actor(name, "person");
        given().contentType(ContentType.JSON).body(Map.of("name", " ", "kind", "alien")).patch(ACTORS + "/" + id)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("kind", "name"));
        given().get(ACTORS + "/" + id).then().body("name", equalTo(name)).body("kind", equalTo("person")).body("version", equalTo(0));
    }

    private static void assertNotStored(String name) {
        given().queryParam("q", name).get(ACTORS).then().statusCode(200).body("items", empty());
    }
}
