package news.timeline.imports;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static io.restassured.RestAssured.given;
import static news.timeline.imports.ImportFixtures.event;
import static news.timeline.imports.ImportFixtures.events;
import static news.timeline.imports.ImportFixtures.newSource;
import static news.timeline.imports.ImportFixtures.post;
import static news.timeline.imports.ImportFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class NativeImportTest {

    @Inject
    AgroalDataSource db;

    @Test
    void ndjsonCreatesThenRerunIsUnchangedAndAChangeIsUpdated() {
        String source = newSource();
        String body = event("a1", "Kim meets Shoigu", "2024-09-13", "North Korea", "Russia") + "\n"
                + event("a2", "Putin visits Pyongyang", "2024-06", "Russia") + "\n"
                + event("a3", "Talks in Beijing", "2024-W37", "China", "North Korea") + "\n";
        post("application/x-ndjson", utf8(body), "source=" + source).statusCode(200)
                .body("received", equalTo(3)).body("created", equalTo(3)).body("updated", equalTo(0))
                .body("unchanged", equalTo(0)).body("rejected", equalTo(0)).body("errors", empty());
        assertThat(events(db, source)).isEqualTo(3);
        // participants mirror the event's dates; the change log has a row per created event
        assertThat(ImportFixtures.count(db, "select count(*) from event_participants p join events e on e.id = p.event_id "
                + "where e.external_source = ? and p.event_start = e.date_start and p.event_end = e.date_end", source)).isEqualTo(5);
        assertThat(ImportFixtures.count(db, "select count(*) from changes c join events e on e.id = c.entity_id "
                + "where e.external_source = ? and c.action = 'created'", source)).isEqualTo(3);

        post("application/x-ndjson", utf8(body), "source=" + source).statusCode(200)
                .body("received", equalTo(3)).body("unchanged", equalTo(3)).body("created", equalTo(0)).body("updated", equalTo(0));

        String changed = body.replace("Talks in Beijing", "Talks in Beijing end").replace("\"2024-W37\"", "\"2024-09-20\"");
        post("application/x-ndjson", utf8(changed), "source=" + source).statusCode(200)
                .body("updated", equalTo(1)).body("unchanged", equalTo(2));
        assertThat(ImportFixtures.count(db, "select count(*) from event_participants p join events e on e.id = p.event_id "
                + "where e.external_id = 'a3' and e.external_source = ? and p.event_start = date '2024-09-20' and p.precision_rank = 1", source))
                .isEqualTo(2);
        assertThat(ImportFixtures.count(db, "select count(*) from changes c join events e on e.id = c.entity_id "
                + "where e.external_source = ? and c.action = 'updated'", source)).isEqualTo(1);
        assertThat(events(db, source)).isEqualTo(3);
    }

    @Test
    void actorsResolveByIdSlugOrNameAndUnknownNamesAreCreatedOnce() {
        String source = newSource();
        String name = "Actor " + source;
        String body = event("b1", "First", "2024-01-02", name) + "\n" + event("b2", "Second", "2024-01-03", name.toUpperCase()) + "\n";
        post("application/x-ndjson", utf8(body), "source=" + source).statusCode(200).body("created", equalTo(2));
        assertThat(ImportFixtures.count(db, "select count(*) from actor_aliases where normalized = ?",
                news.timeline.actors.AliasNormalizer.normalize(name))).isEqualTo(1);
        String slug = news.timeline.actors.AliasNormalizer.slug(name);
        String bySlug = "{\"externalId\":\"b3\",\"type\":\"statement\",\"title\":\"By slug\",\"date\":\"2024\","
                + "\"participants\":[{\"actor\":{\"slug\":\"" + slug + "\"},\"role\":\"speaker\"}, \"" + slug + "\"]}\n";
        post("application/x-ndjson", utf8(bySlug), "source=" + source).statusCode(200).body("created", equalTo(1));
        assertThat(ImportFixtures.count(db, "select count(*) from event_participants p join events e on e.id = p.event_id "
                + "where e.external_id = 'b3' and e.external_source = ?", source)).isEqualTo(1);
        String unknownId = "{\"externalId\":\"b4\",\"type\":\"statement\",\"title\":\"By id\",\"date\":\"2024\","
                + "\"participants\":[{\"actor\":{\"id\":\"00000000-0000-0000-0000-000000000001\"}}]}\n";
        post("application/x-ndjson", utf8(unknownId), "source=" + source).statusCode(200)
                .body("rejected", equalTo(1)).body("errors[0].message", containsString("no actor with id"));
    }

    @Test
    void aDateObjectWhosePrecisionStartOrEndContradictsItsValueIsRejectedWithItsLine() {
        String source = newSource();
        String body = dated("d1", "{\"value\":\"2024-06\",\"precision\":\"month\",\"start\":\"2024-06-01\",\"end\":\"2024-06-30\"}") + "\n"
                + dated("d2", "{\"value\":\"2024-06-13\",\"precision\":\"month\"}") + "\n"
                + dated("d3", "{\"value\":\"2024-06\",\"start\":\"2024-06-02\"}") + "\n"
                + dated("d4", "{\"value\":\"2024\",\"end\":\"2024-06-30\"}") + "\n"
                + dated("d5", "{\"value\":\"2024-06\",\"precison\":\"month\"}") + "\n"
                + dated("d6", "{\"value\":\"2024-06-13\",\"precision\":\"DAY\",\"approximate\":true}") + "\n"
                + dated("d7", "{\"value\":\"2024-06-13\",\"approximate\":\"yes\"}") + "\n";
        post("application/x-ndjson", utf8(body), "source=" + source).statusCode(200)
                .body("received", equalTo(7)).body("created", equalTo(2)).body("rejected", equalTo(5))
                .body("errors.line", hasItems(2, 3, 4, 5, 7))
                .body("errors.find { it.line == 7 }.message", containsString("date.approximate: must be true or false"))
                .body("errors.find { it.line == 2 }.message", containsString("date.precision: 'month' does not match value '2024-06-13'"))
                .body("errors.find { it.line == 3 }.message", containsString("date.start"))
                .body("errors.find { it.line == 4 }.message", containsString("date.end"))
                .body("errors.find { it.line == 5 }.message", containsString("date.precison: unknown field"));
        assertThat(events(db, source)).isEqualTo(2);
        // endDate is read the same way
        post("application/x-ndjson", utf8("{\"externalId\":\"d7\",\"type\":\"meeting\",\"title\":\"Span\",\"date\":\"2024-06\","
                + "\"endDate\":{\"value\":\"2024-07\",\"precision\":\"year\"}}\n"), "source=" + source).statusCode(200)
                .body("rejected", equalTo(1)).body("errors[0].line", equalTo(1))
                .body("errors[0].message", containsString("endDate.precision"));
    }

    private static String dated(String externalId, String date) {
        return "{\"externalId\":\"" + externalId + "\",\"type\":\"meeting\",\"title\":\"Dated " + externalId + "\",\"date\":" + date + "}";
    }

    @Test
    void csvWithQuotedFieldsAndRoles() {
        String source = newSource();
        String csv = "externalId,type,title,summary,date,place,participants,sources,confidence\r\n"
                + "c1,agreement_signed,\"Treaty signed, at last\",\"Line one\nline two\",2024-06-19,Pyongyang,"
                + "\"signatory=Russia;signatory=North Korea\",https://example.org/c1,0.8\r\n"
                + "c2,visit,Visit,,2024-06,,Russia,,\r\n"
                + "c3,visit,Too few columns\r\n";
        post("text/csv", utf8(csv), "source=" + source).statusCode(200)
                .body("received", equalTo(3)).body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(5)).body("errors[0].message", containsString("columns"));
        assertThat(ImportFixtures.count(db, "select count(*) from events where external_source = ? and summary = ?", source,
                "Line one\nline two")).isEqualTo(1);
        assertThat(ImportFixtures.count(db, "select count(*) from event_participants p join events e on e.id = p.event_id "
                + "where e.external_source = ? and p.role = 'signatory'", source)).isEqualTo(2);
    }

    @Test
    void csvWithAnUnknownColumnIsABadRequest() {
        post("text/csv", utf8("externalId,type,titel\nx,visit,Oops\n"), "source=" + newSource()).statusCode(400)
                .contentType("application/problem+json").body("errors[0].message", containsString("titel"));
    }

    @Test
    void jsonArray() {
        String source = newSource();
        String body = "[\n" + event("j1", "One", "2024-02-01", "Japan") + ",\n" + event("j2", "Two", "2024-02-02", "Japan")
                + ",\n{\"externalId\":\"j3\",\"type\":\"nonsense\",\"title\":\"Bad\",\"date\":\"2024\"}\n]";
        post("application/json", utf8(body), "source=" + source).statusCode(200)
                .body("received", equalTo(3)).body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(4)).body("errors[0].message", containsString("not an event type"));
    }

    @Test
    void dryRunValidatesAndCountsButStoresNothing() {
        String source = newSource();
        String body = event("d1", "One", "2024-02-01", "Dry Land " + source) + "\n" + event("d2", "Two", "2024-13-45", "Japan") + "\n";
        post("application/x-ndjson", utf8(body), "dryRun=true&source=" + source).statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(1)).body("rejected", equalTo(1));
        assertThat(events(db, source)).isZero();
        assertThat(ImportFixtures.count(db, "select count(*) from actors where name = ?", "Dry Land " + source)).isZero();
        post("application/x-ndjson", utf8(body), "source=" + source).statusCode(200).body("created", equalTo(1));
    }

    @Test
    void badLinesAmongGoodOnesAreReportedAndTheGoodOnesStored() throws Exception {
        String source = newSource();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(utf8(event("g1", "Good one", "2024-03-01", "Chile") + "\n"));                             // 1
        body.write(utf8("{\"externalId\": \"x\", \"type\": \n"));                                             // 2 malformed
        body.write(utf8(event("g2", "Bad date", "2024-13-45", "Chile") + "\n"));                             // 3
        body.write(utf8(event("g3", "Caf", "2024-03-02", "Chile").replace("Caf", "Caf\u00e9")));             // 4 invalid UTF-8:
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});                                              //   bad sequence
        body.write(utf8("{\"externalId\":\"g4\",\"type\":\"visit\",\"title\":\"T\",\"date\":\"2024\",\"colour\":1}\n")); // 5
        body.write(utf8("\n"));                                                                               // 6 blank: skipped
        body.write(utf8("{\"type\":\"visit\",\"title\":\"No id\",\"date\":\"2024\"}\n"));                   // 7
        body.write(utf8(event("g5", "Good two", "2024-03-03", "Chile") + "\n"));                             // 8
        body.write(utf8("{\"externalId\":\"g6\",\"type\":\"visit\",\"title\":\"Cut"));                      // 9 truncated
        post("application/x-ndjson", body.toByteArray(), "source=" + source).statusCode(200)
                .body("received", equalTo(8)).body("created", equalTo(2)).body("rejected", equalTo(6))
                .body("errors.line", hasItems(2, 3, 4, 5, 7, 9))
                .body("errors.find { it.line == 2 }.message", startsWith("malformed JSON"))
                .body("errors.find { it.line == 3 }.message", containsString("not a real date"))
                .body("errors.find { it.line == 4 }.message", containsString("UTF-8"))
                .body("errors.find { it.line == 5 }.message", containsString("colour: unknown field"))
                .body("errors.find { it.line == 7 }.message", containsString("externalId: is required"))
                .body("errors.find { it.line == 9 }.message", containsString("truncated"));
        assertThat(events(db, source)).isEqualTo(2);
    }

    @Test
    void manyBadLinesAreCountedButTheListIsCapped() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            body.append("not json ").append(i).append('\n');
        }
        post("application/x-ndjson", utf8(body.toString()), "source=" + newSource()).statusCode(200)
                .body("rejected", equalTo(250)).body("errors.size()", equalTo(100)).body("errorsOmitted", equalTo(150));
    }

    @Test
    void theSameRecordTwiceInOneFileIsStoredOnceThenUpdated() {
        String source = newSource();
        String body = event("s1", "Before", "2024-04-01", "Peru") + "\n" + event("s1", "After", "2024-04-01", "Peru") + "\n";
        post("application/x-ndjson", utf8(body), "source=" + source).statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(1));
        assertThat(ImportFixtures.count(db, "select count(*) from events where external_source = ? and title = 'After'", source)).isEqualTo(1);
    }

    @Test
    void unsupportedMediaTypeAndUnknownFormatAreProblems() {
        given().contentType("text/plain").body(utf8("x")).post(ImportFixtures.PATH).then().statusCode(415)
                .contentType("application/problem+json");
        post("text/csv", utf8("x"), "format=xml").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"));
        post("application/x-ndjson", utf8("x"), "source=" + "Bad Source!").statusCode(400).body("errors[0].field", equalTo("source"));
    }

    @Test
    void anEmptyBodyIsABadRequestAndBlankLinesImportNothing() {
        post("application/x-ndjson", new byte[0], "source=" + newSource()).statusCode(400).contentType("application/problem+json");
        post("application/x-ndjson", utf8("\n\n"), "source=" + newSource()).statusCode(200).body("received", equalTo(0));
    }
}
