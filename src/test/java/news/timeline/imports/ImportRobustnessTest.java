package news.timeline.imports;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static news.timeline.imports.ImportFixtures.event;
import static news.timeline.imports.ImportFixtures.events;
import static news.timeline.imports.ImportFixtures.newSource;
import static news.timeline.imports.ImportFixtures.post;
import static news.timeline.imports.ImportFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Interrupted uploads, bodies over the limit and background jobs (test profile: batches of 20, imports up to 2 MB). */
@QuarkusTest
class ImportRobustnessTest {

    @Inject
    AgroalDataSource db;

    private static byte[] file(int records, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < records; i++) {
            sb.append(event(prefix + i, "Event " + i, "2024-05-" + String.format("%02d", 1 + i % 28), "Alpha", "Beta")).append('\n');
        }
        return utf8(sb.toString());
    }

    @Test
    void aClientThatDisconnectsHalfwayLeavesWholeRecordsAndARerunCompletesIt() throws Exception {
        String source = newSource();
        byte[] body = file(200, "i");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ImportFixtures.PATH + "?source=" + source + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2 + 37); // stops inside a record
            out.flush();
            // the server streams whole records into batches while the connection is open; on a busy machine
            // (the language layer loading beside it) the first batch can take seconds, so wait for it
            waitUntilStoredAtLeastOne(source);
            waitUntilStable(source);
        }
        long stored = waitUntilStable(source);
        assertThat(stored).isGreaterThan(0).isLessThan(200);
        // nothing half stored: every stored event has both participants and its source
        assertThat(ImportFixtures.count(db, "select count(*) from events e where e.external_source = ? and "
                + "(select count(*) from event_participants p where p.event_id = e.id) <> 2", source)).isZero();
        assertThat(ImportFixtures.count(db, "select count(*) from events e where e.external_source = ? and "
                + "not exists (select 1 from event_sources s where s.event_id = e.id)", source)).isZero();

        post("application/x-ndjson", body, "source=" + source).statusCode(200)
                .body("received", equalTo(200)).body("unchanged", equalTo((int) stored)).body("created", equalTo(200 - (int) stored));
        assertThat(events(db, source)).isEqualTo(200);
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeReading() {
        String source = newSource();
        byte[] body = file(9000, "l"); // ~2.6 MB, limit 2 MB
        assertThat(body.length).isGreaterThan(2 * 1024 * 1024);
        post("application/x-ndjson", body, "source=" + source).statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413))
                .body("type", containsString("payload-too-large"));
        assertThat(events(db, source)).isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitStopsWithWholeRecordsStoredAndAProblem() throws Exception {
        String source = newSource();
        byte[] body = file(9000, "c");
        String response;
        // chunked: no Content-Length to refuse up front, so the limit is met while streaming
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ImportFixtures.PATH + "?source=" + source + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int off = 0; off < body.length; off += 16 * 1024) {
                int len = Math.min(16 * 1024, body.length - off);
                out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, off, len);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("stored before the limit");
        long stored = events(db, source);
        assertThat(stored).isGreaterThan(0).isLessThan(9000);
        assertThat(ImportFixtures.count(db, "select count(*) from events e where e.external_source = ? and "
                + "(select count(*) from event_participants p where p.event_id = e.id) <> 2", source)).isZero();
    }

    @Test
    void anAsyncImportIsAJobWithProgress() throws Exception {
        String source = newSource();
        byte[] body = file(150, "j");
        Response accepted = given().contentType("application/x-ndjson").body(body)
                .when().post(ImportFixtures.PATH + "?async=true&source=" + source);
        accepted.then().statusCode(202).header("Location", containsString("/api/v1/imports/")).body("id", notNullValue());
        String location = accepted.getHeader("Location");
        String state = "queued";
        for (int i = 0; i < 100 && !state.equals("succeeded") && !state.equals("failed"); i++) {
            Thread.sleep(100);
            state = given().when().get(location).then().statusCode(200).extract().path("state");
        }
        given().when().get(location).then().statusCode(200)
                .body("state", equalTo("succeeded")).body("recordsRead", equalTo(150)).body("stored", equalTo(150))
                .body("created", equalTo(150)).body("rejected", equalTo(0)).body("finishedAt", notNullValue());
        assertThat(events(db, source)).isEqualTo(150);
        given().when().get("/api/v1/imports/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private void waitUntilStoredAtLeastOne(String source) throws InterruptedException {
        for (int i = 0; i < 300 && events(db, source) == 0; i++) {
            Thread.sleep(100);
        }
    }

    private long waitUntilStable(String source) throws InterruptedException {
        long last = -1;
        int stableFor = 0;
        for (int i = 0; i < 100 && stableFor < 5; i++) {
            Thread.sleep(200);
            long now = events(db, source);
            stableFor = now == last ? stableFor + 1 : 0;
            last = now;
        }
        return last;
    }
}
