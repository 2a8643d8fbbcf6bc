package news.timeline.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.timeline.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.anyOf;

@QuarkusTest
class OpenApiTest {

    @Test
    void documentsEveryCrudEndpoint() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("tags.name", hasItems("Actors", "Events", "Agreements"))
                .body("paths.'/api/v1/actors'.post.summary", equalTo("Create an actor"))
                .body("paths.'/api/v1/actors/{actor}/merge'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/events/{id}'.patch.summary", notNullValue())
                .body("paths.'/api/v1/agreements/{id}'.delete.responses.'404'", notNullValue())
                .body("components.schemas.EventInput.properties.type.enum", hasItems("meeting", "military_action", "other"))
                .body("components.schemas.DateValue.oneOf.size()", equalTo(2));
    }

    @Test
    void documentsTheFlagsAndEnumsReadFromTheRawQuery() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/articles'.post.parameters.find { it.name == 'dryRun' }.schema.type", equalTo("boolean"))
                .body("paths.'/api/v1/imports/events'.post.parameters.name", hasItems("dryRun", "async", "onConflict", "format", "source"))
                .body("paths.'/api/v1/imports/events'.post.parameters.find { it.name == 'onConflict' }.schema.enum", hasItems("keep", "overwrite"))
                .body("paths.'/api/v1/actors/{actor}/timeline'.get.parameters.name", hasItems("includeAffiliated", "type", "status", "from"))
                .body("paths.'/api/v1/events'.get.parameters.find { it.name == 'includeAffiliated' }.schema.type", equalTo("boolean"))
                .body("paths.'/api/v1/changes'.get.parameters.name", hasItems("entity", "action", "since"));
    }

    @Test
    void documentsTheJournalistsQuestionsWithExamples() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/relationships/{actorA}/{actorB}'.get.responses.'200'.content.'application/json'.examples.size()", equalTo(1))
                .body("paths.'/api/v1/relationships/{actorA}/{actorB}'.get.parameters.name", hasItems("from", "to", "addedSince", "type", "includeAffiliated"))
                .body("paths.'/api/v1/actors/{actor}/relationships'.get.parameters.name", hasItems("from", "to", "addedSince", "type"))
                .body("paths.'/api/v1/actors/{actor}/relationships'.get.responses.'200'.content.'application/json'.examples.size()", equalTo(1))
                .body("paths.'/api/v1/digest'.get.parameters.name", hasItems("since", "actor", "format"))
                .body("paths.'/api/v1/digest'.get.responses.'200'.content.'application/json'.examples.size()", equalTo(1))
                .body("paths.'/api/v1/subscriptions'.post.responses.'201'.content.'application/json'.examples.size()", equalTo(1))
                .body("paths.'/api/v1/subscriptions/{id}'.get.responses.'200'.content.'application/json'.examples.size()", equalTo(1))
                .body("paths.'/api/v1/subscriptions/{id}/resume'.post.summary", notNullValue())
                .body("paths.'/api/v1/subscriptions'.post.requestBody.content.'application/json'.schema", notNullValue())
                .body("components.schemas.DateValue.description", containsString("-0044-03-15"));
    }
}
