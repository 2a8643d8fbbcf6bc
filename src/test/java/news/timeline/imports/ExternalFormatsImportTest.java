package news.timeline.imports;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import static news.timeline.imports.ImportFixtures.count;
import static news.timeline.imports.ImportFixtures.post;
import static news.timeline.imports.ImportFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The GDELT and ACLED samples in src/test/resources/imports, written from the projects' published layouts. */
@QuarkusTest
class ExternalFormatsImportTest {

    @Inject
    AgroalDataSource db;

    @Test
    void gdeltExportImportsWithCameoTypesAndRerunsUnchanged() throws IOException {
        byte[] sample = resource("gdelt-2.0-sample.export.CSV");
        post("text/tab-separated-values", sample, "format=gdelt").statusCode(200)
                .body("format", equalTo("gdelt")).body("received", equalTo(8)).body("rejected", equalTo(0));
        post("text/plain", sample, "format=gdelt").statusCode(200).body("unchanged", equalTo(8));

        assertThat(type("gdelt", "1178395201")).isEqualTo("visit");             // 042 make a visit
        assertThat(type("gdelt", "1178395202")).isEqualTo("agreement_signed");  // 057 sign formal agreement
        assertThat(type("gdelt", "1178395203")).isEqualTo("accusation");        // 112 accuse
        assertThat(type("gdelt", "1178395204")).isEqualTo("military_action");   // 190 fight
        assertThat(type("gdelt", "1178395205")).isEqualTo("statement");         // 0231 appeal (root 02)
        assertThat(type("gdelt", "1178395206")).isEqualTo("sanction");          // 163 impose sanctions
        assertThat(type("gdelt", "1178395207")).isEqualTo("protest");           // 1431 (root 14)
        assertThat(type("gdelt", "1178395208")).isEqualTo("threat");            // 138 (root 13)
        assertThat(count(db, "select count(*) from events where external_source = 'gdelt' and external_id = '1178395201' "
                + "and date_value = '2024-06-19' and date_precision = 'day' and status = 'extracted' "
                + "and place_name like 'Pyongyang%' and title = 'Make a visit: Russia → North Korea'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from event_sources s join events e on e.id = s.event_id where e.external_source = 'gdelt' "
                + "and e.external_id = '1178395201' and s.url like 'https://www.reuters.com/%'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from event_participants p join events e on e.id = p.event_id "
                + "join actors a on a.id = p.actor_id where e.external_source = 'gdelt' and e.external_id = '1178395201' "
                + "and ((a.name = 'Russia' and a.kind = 'country' and p.role = 'initiator') "
                + "or (a.name = 'North Korea' and a.kind = 'country' and p.role = 'target'))")).isEqualTo(2);
        // a body tied to its country: Nigerian police, not all police
        assertThat(count(db, "select count(*) from actors where name = 'Police (NGA)' and kind = 'organization'")).isEqualTo(1);
    }

    @Test
    void gdeltBadRowsAreRejectedAlone() throws IOException {
        String good = new String(resource("gdelt-2.0-sample.export.CSV"), java.nio.charset.StandardCharsets.UTF_8).split("\n")[0];
        String[] cols = good.split("\t", -1);
        String[] badDate = cols.clone();
        badDate[0] = "9178395201";
        badDate[1] = "20241345";
        String[] badCode = cols.clone();
        badCode[0] = "9178395202";
        badCode[26] = "999";
        String body = String.join("\t", Arrays.copyOf(cols, 40)) + "\n" + String.join("\t", badDate) + "\n"
                + String.join("\t", badCode) + "\n" + good.substring(0, good.length() / 2);
        post("text/plain", utf8(body), "format=gdelt").statusCode(200)
                .body("received", equalTo(4)).body("rejected", equalTo(4))
                .body("errors[0].message", containsString("expected 61 tab-separated columns"))
                .body("errors[1].message", containsString("SQLDATE: '20241345' is not a real date"))
                .body("errors[2].message", containsString("CAMEO"))
                .body("errors[3].message", containsString("truncated line"));
    }

    @Test
    void acledExportMapsPrecisionTypesAndActors() throws IOException {
        byte[] sample = resource("acled-sample.csv");
        post("text/csv", sample, "format=acled").statusCode(200)
                .body("format", equalTo("acled")).body("received", equalTo(6)).body("rejected", equalTo(0));
        post("text/csv", sample, "format=acled").statusCode(200).body("unchanged", equalTo(6));

        assertThat(count(db, "select count(*) from events where external_source = 'acled' and external_id = 'SDN41235' "
                + "and type = 'military_action' and date_value = '2024-03-02' and date_precision = 'day' and status = 'confirmed'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from events where external_source = 'acled' and external_id = 'SDN41240' "
                + "and type = 'attack' and date_value = '2024-W10' and date_precision = 'week' "
                + "and date_start = date '2024-03-04' and date_end = date '2024-03-10'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from events where external_source = 'acled' and external_id = 'MEX77102' "
                + "and date_value = '2024-01' and date_precision = 'month' and summary like '%\nHe was released days later.'")).isEqualTo(1);
        assertThat(type("acled", "IND98213")).isEqualTo("protest");
        assertThat(type("acled", "SOM33019")).isEqualTo("agreement_other");
        assertThat(count(db, "select count(*) from event_participants p join events e on e.id = p.event_id "
                + "join actors a on a.id = p.actor_id where e.external_source = 'acled' and e.external_id = 'IND98213' "
                + "and p.role = 'associated' and a.name in ('Farmers (India)', 'SKM: Samyukt Kisan Morcha')")).isEqualTo(2);
        assertThat(count(db, "select count(*) from event_sources s join events e on e.id = s.event_id "
                + "where e.external_source = 'acled' and e.external_id = 'SDN41235'")).isEqualTo(2);
        assertThat(count(db, "select count(*) from actors where name = 'Military Forces of Sudan (2019-)' and kind = 'organization'"))
                .isEqualTo(1);
    }

    @Test
    void acledBadRowsAreRejectedAlone() {
        String header = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,notes\n";
        String body = header
                + "X1,2024-13-45,1,Protests,Peaceful protest,Protesters (Chile),,bad date\n"
                + "X2,2024-05-01,4,Protests,Peaceful protest,Protesters (Chile),,bad precision\n"
                + "X3,2024-05-01,1,Parades,,Protesters (Chile),,unknown type\n"
                + "X4,2024-05-01,1,Protests\n"
                + "X5,1 May 2024,1,Riots,Mob violence,Rioters (Chile),,\"good, with \"\"quotes\"\"\"\n"
                + "X6,2024-05-02,1,Protests,Peaceful protest,Protesters (Chile),,\"never closed\n";
        post("text/csv", utf8(body), "format=acled").statusCode(200)
                .body("received", equalTo(6)).body("rejected", equalTo(5))
                .body("errors[0].message", containsString("not a real date"))
                .body("errors[1].message", containsString("time_precision"))
                .body("errors[2].message", containsString("not an ACLED event type"))
                .body("errors[3].message", containsString("expected 8 columns"))
                .body("errors[4].message", containsString("truncated record"));
        assertThat(count(db, "select count(*) from events where external_source = 'acled' and external_id = 'X5' "
                + "and type = 'attack' and summary = 'good, with \"quotes\"'")).isEqualTo(1);
    }

    @Test
    void acledWithoutItsRequiredColumnsIsABadRequest() {
        post("text/csv", utf8("event_date,actor1\n2024-01-01,X\n"), "format=acled").statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("event_id_cnty"));
    }

    private String type(String source, String id) {
        return ImportFixtures.eventColumn(db, "type", source, id);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ExternalFormatsImportTest.class.getClassLoader().getResourceAsStream("imports/" + name)) {
            return in.readAllBytes();
        }
    }
}
