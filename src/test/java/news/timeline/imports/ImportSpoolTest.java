package news.timeline.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static news.timeline.imports.ImportFixtures.event;
import static news.timeline.imports.ImportFixtures.newSource;
import static news.timeline.imports.ImportFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Async imports keep their body in a spool file only while the job may read it (test spool: target/import-spool). */
@QuarkusTest
class ImportSpoolTest {

    @ConfigProperty(name = "timeline.imports.spool-directory")
    String spoolDirectory;

    @Inject
    ImportService imports;

    @Inject
    ImportJobs jobs;

    @Test
    void anUploadInterruptedMidwayLeavesNoSpoolFile() throws Exception {
        Path dir = Files.createDirectories(Path.of(spoolDirectory));
        Set<Path> before = uploads(dir);
        byte[] body = lines(2000, newSource());
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ImportFixtures.PATH + "?async=true HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 3);
            out.flush();
            // the spool file exists while the body streams in
            waitFor(() -> !difference(uploads(dir), before).isEmpty(), "the spool file to appear");
        }
        waitFor(() -> difference(uploads(dir), before).isEmpty(), "the interrupted upload's spool file to be deleted");
    }

    @Test
    void aFinishedJobLeavesNoSpoolFile() throws Exception {
        Path dir = Files.createDirectories(Path.of(spoolDirectory));
        Set<Path> before = uploads(dir);
        Response accepted = given().contentType("application/x-ndjson").body(lines(50, newSource()))
                .when().post(ImportFixtures.PATH + "?async=true");
        accepted.then().statusCode(202);
        String location = accepted.getHeader("Location");
        waitFor(() -> !"queued".equals(state(location)) && !"running".equals(state(location)), "the job to finish");
        given().when().get(location).then().body("state", equalTo("succeeded"));
        assertThat(difference(uploads(dir), before)).isEmpty();
    }

    @Test
    void atStartSpoolFilesOfJobsThatNoLongerRunAreRemoved() throws Exception {
        Path dir = Files.createDirectories(Path.of(spoolDirectory));
        // a job that finished (a stop between its end and the file's deletion left the file)
        Response accepted = given().contentType("application/x-ndjson").body(lines(5, newSource()))
                .when().post(ImportFixtures.PATH + "?async=true");
        String location = accepted.then().statusCode(202).extract().header("Location");
        waitFor(() -> "succeeded".equals(state(location)), "the job to succeed");
        Path finished = Files.writeString(dir.resolve(accepted.jsonPath().getString("id") + ".upload"), "{}\n");
        // a job still queued keeps its file
        UUID queuedId = UUID.randomUUID();
        jobs.create(queuedId, ImportFormat.NDJSON, false, Instant.now());
        Path queued = Files.writeString(dir.resolve(queuedId + ".upload"), "{}\n");
        // no job of this database: another service's file is kept while fresh, removed when a day old
        Path foreign = Files.writeString(dir.resolve(UUID.randomUUID() + ".upload"), "{}\n");
        Path abandoned = Files.writeString(dir.resolve(UUID.randomUUID() + ".upload"), "{}\n");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "not a spool file");

        imports.removeStaleSpoolFiles(); // what the start runs, after marking the last run's jobs failed

        assertThat(finished).doesNotExist();
        assertThat(abandoned).doesNotExist();
        assertThat(queued).exists();
        assertThat(foreign).exists();
        assertThat(unrelated).exists();
        Files.delete(queued);
        Files.delete(foreign);
        Files.delete(unrelated);
        jobs.finished(queuedId, new ImportTally("ndjson", false, 0).report(), "failed", "test", Instant.now());
    }

    private static byte[] lines(int n, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(event(prefix + "-" + i, "Spooled " + i, "2024-05-01", "Alpha", "Beta")).append('\n');
        }
        return utf8(sb.toString());
    }

    private static String state(String location) {
        return given().when().get(location).then().statusCode(200).extract().path("state");
    }

    private static Set<Path> uploads(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return new HashSet<>(files.filter(f -> f.getFileName().toString().endsWith(".upload")).toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Path> difference(Set<Path> a, Set<Path> b) {
        Set<Path> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
