package news.timeline.articles;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The service with its language layer: readiness, roles read off the parse, names in any script arriving whole. */
@QuarkusTest
class ExtractionServiceTest {

    static JsonPath analyze(String text, String referenceDate) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text, "referenceDate", referenceDate))
                .post("/api/v1/analyze").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void readinessIsUpOnceTheModelsAreIn() {
        // an analysis waits for the models; after it readiness must say they are ready
        analyze("The talks resumed on Friday.", "1998-02-27");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'extraction' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'extraction' }.data.state", equalTo("ready"));
    }

    @Test
    void aSpeakerNamedOnlyByTheParseMakesAStatementWithItsInitiator() {
        JsonPath r = analyze("Incumbent Governor Kayode Fayemi on Sunday congratulated Ayodele Fayose on his victory.\n\n"
                + "\"The people have spoken,\" Fayemi told reporters in Ado-Ekiti.", "2014-06-23");
        List<Map<String, Object>> statements = r.getList("events.findAll { it.type == 'statement' }");
        assertThat(statements).as("statement events in %s", r.prettify()).hasSize(1);
        assertThat(r.getString("events.find { it.type == 'statement' }.date.value")).isEqualTo("2014-06-22");
        assertThat(r.getString("events.find { it.type == 'statement' }.participants.find { it.role == 'initiator' }.actor.name"))
                .isEqualTo("Kayode Fayemi");
        assertThat(r.getString("events.find { it.type == 'statement' }.participants.find { it.role == 'target' }.actor.name"))
                .isEqualTo("Ayodele Fayose");
        assertThat(r.getList("actors.name", String.class)).contains("Kayode Fayemi", "Ayodele Fayose").doesNotContain("Fayemi");
    }

    @Test
    void namesInOtherScriptsArriveWhole() {
        // the names must come back as sent (LanguageLayerPosixLocaleTest runs the extractor under LANG=C)
        String text = "Vietnamese Prime Minister Phạm Minh Chính met Chinese Premier Li Qiang in Hà Nội on Monday, "
                + "and Phạm Minh Chính said the two sides would expand trade. 🇻🇳 مرحبا";
        JsonPath r = analyze(text, "2024-10-15");
        List<String> names = r.getList("actors.name", String.class);
        assertThat(names).as(r.prettify()).contains("Phạm Minh Chính");
        // evidence offsets count code points of the text as sent
        int start = r.getInt("events[0].sources[0].start");
        int end = r.getInt("events[0].sources[0].end");
        int[] cps = text.codePoints().toArray();
        assertThat(new String(cps, start, end - start)).isEqualTo(r.getString("events[0].sources[0].quote"));
    }

    @Test
    void anOutletInADatelineIsNoActor() {
        JsonPath r = analyze("BEIRUT (Reuters) - Lebanon's parliament elected army chief Joseph Aoun as president on Thursday.",
                "2025-01-09");
        assertThat(r.getList("actors.name", String.class)).doesNotContain("Reuters");
        assertThat(r.getList("events.type", String.class)).as(r.prettify()).contains("election");
    }
}
