package news.timeline.imports;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.timeline.imports.ImportFixtures.event;
import static news.timeline.imports.ImportFixtures.newSource;
import static news.timeline.imports.ImportFixtures.post;
import static news.timeline.imports.ImportFixtures.utf8;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An editor's change through the API is not lost to the next run of an import script: a record that would change an
 * event edited since its last import is rejected and the edit kept, unless the import says onConflict=overwrite.
 */
@QuarkusTest
class ImportKeepsEditsTest {

    @Inject
    AgroalDataSource db;

    private void patchTitle(String id, String title) {
        given().contentType("application/merge-patch+json").body(Map.of("title", title)).when().patch("/api/v1/events/{id}", id)
                .then().statusCode(200);
    }

    @Test
    void aChangedRecordDoesNotOverwriteAnEditUnlessAsked() {
        String source = newSource();
        String original = event("e1", "Talks in Hanoi", "2024-03-01", "Vietnam", "Laos") + "\n";
        post("application/x-ndjson", utf8(original), "source=" + source).statusCode(200).body("created", equalTo(1));
        String id = eventId(source, "e1");
        patchTitle(id, "Talks in Hanoi (corrected by the desk)");

        // the same file again: nothing to do, the edit stays
        post("application/x-ndjson", utf8(original), "source=" + source).statusCode(200).body("unchanged", equalTo(1));
        given().when().get("/api/v1/events/{id}", id).then().body("title", equalTo("Talks in Hanoi (corrected by the desk)"));

        // the upstream record changed: rejected with the reason, the edit stays
        String changed = original.replace("\"2024-03-01\"", "\"2024-03-02\"");
        post("application/x-ndjson", utf8(changed), "source=" + source).statusCode(200)
                .body("rejected", equalTo(1)).body("updated", equalTo(0))
                .body("errors[0].line", equalTo(1)).body("errors[0].message", containsString("edited"))
                .body("errors[0].message", containsString("onConflict=overwrite"));
        given().when().get("/api/v1/events/{id}", id).then()
                .body("title", equalTo("Talks in Hanoi (corrected by the desk)")).body("date.value", equalTo("2024-03-01"));

        // a dry run tells the same without writing
        post("application/x-ndjson", utf8(changed), "source=" + source + "&dryRun=true").statusCode(200).body("rejected", equalTo(1));

        // asked to: the record replaces the edit, and the next run is unchanged
        post("application/x-ndjson", utf8(changed), "source=" + source + "&onConflict=overwrite").statusCode(200)
                .body("updated", equalTo(1));
        given().when().get("/api/v1/events/{id}", id).then()
                .body("title", equalTo("Talks in Hanoi")).body("date.value", equalTo("2024-03-02"));
        post("application/x-ndjson", utf8(changed), "source=" + source).statusCode(200).body("unchanged", equalTo(1));
    }

    @Test
    void aRecordThatAnEditAlreadyMatchesIsUnchangedAndUneditedEventsStillUpdate() {
        String source = newSource();
        post("application/x-ndjson", utf8(event("e1", "Summit opens", "2024-05-01", "Chile") + "\n"
                + event("e2", "Summit closes", "2024-05-03", "Chile") + "\n"), "source=" + source).statusCode(200).body("created", equalTo(2));
        String id = eventId(source, "e1");
        patchTitle(id, "Summit opens in Santiago");

        // upstream made the same correction to e1, and changed e2 which nobody edited
        String next = (event("e1", "Summit opens", "2024-05-01", "Chile") + "\n"
                + event("e2", "Summit closes", "2024-05-03", "Chile") + "\n")
                .replace("\"title\":\"Summit opens\"", "\"title\":\"Summit opens in Santiago\"")
                .replace("\"title\":\"Summit closes\"", "\"title\":\"Summit closes early\"");
        post("application/x-ndjson", utf8(next), "source=" + source).statusCode(200)
                .body("unchanged", equalTo(1)).body("updated", equalTo(1)).body("rejected", equalTo(0));
        // the fingerprint was taken over: a later upstream change to e1 updates it again
        String later = next.replace("\"2024-05-01\"", "\"2024-05-02\"");
        post("application/x-ndjson", utf8(later), "source=" + source).statusCode(200).body("updated", equalTo(1));
        given().when().get("/api/v1/events/{id}", id).then().body("date.value", equalTo("2024-05-02"));
    }

    @Test
    void anUnknownConflictPolicyIsABadRequest() {
        post("application/x-ndjson", utf8(event("e1", "T", "2024-05-01", "Chile") + "\n"), "onConflict=merge").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("onConflict"));
    }

    private String eventId(String source, String externalId) {
        return ImportFixtures.eventColumn(db, "id", source, externalId);
    }
}
