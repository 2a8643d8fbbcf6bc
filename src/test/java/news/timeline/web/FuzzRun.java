package news.timeline.web;

import io.restassured.http.ContentType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz harness itself, apart from what it runs against (see {@link FuzzTest} for the test application and
 * {@link PackagedServiceFuzzTest} for a service already running, such as the packaged jar): generated bad requests
 * over every endpoint ({@link FuzzRequests}); no answer is a 5xx, no answer or log record carries a stack trace, and
 * a refused request (any 4xx) leaves every table exactly as it was: the row count and a hash of the rows of each
 * table, the change log included. REST Assured's base URI must point at the service before {@link #run}.
 */
final class FuzzRun {

    /** The service under test: its HTTP address, its database, and what its log said since the last call. */
    interface Service {

        String host();

        int port();

        Connection database() throws SQLException;

        /** Brings the search index up to date now if the harness can (in process), or does nothing (it is waited for). */
        void catchUpSearch() throws SQLException;

        /** Log records with a stack trace, or ERROR records, since the last call. */
        List<String> newLogProblems() throws Exception;

        /** Where the log is read from, for the report. */
        String logDescription();
    }

    private final Service service;
    private final int requestCount;
    private final long seed;
    private final Path reportFile;
    private final List<String> logProblems = new ArrayList<>();

    FuzzRun(Service service, int requestCount, long seed, Path reportFile) {
        this.service = service;
        this.requestCount = requestCount;
        this.seed = seed;
        this.reportFile = reportFile;
    }

    /** Log problems (with the request that preceded them) seen during the run. */
    List<String> logProblems() {
        return List.copyOf(logProblems);
    }

    /** Sends the requests and asserts what the class says; writes the report whatever happens. */
    void run() throws Exception {
        long readyBy = System.nanoTime() + 600_000_000_000L;
        while (given().get("/q/health/ready").statusCode() != 200) {
            assertThat(System.nanoTime()).as("the service ready within 10 minutes").isLessThan(readyBy);
            Thread.sleep(1000); // an article request meanwhile would wait for the models, not fail; a 503 would be noise
        }
        FuzzRequests.Known known = seedData();
        List<String> tables = tables();
        RawHttp http = new RawHttp(service.host(), service.port());
        FuzzRequests requests = new FuzzRequests(seed, known);
        service.newLogProblems(); // what start-up logged is not the fuzzing's

        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> serverErrors = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int refused = 0;
        Map<String, String> before = settled(tables);
        try {
            for (int i = 0; i < requestCount; i++) {
                FuzzRequests.Request r = requests.next();
                RawHttp.Answer a;
                try {
                    a = http.send(r.method(), r.target(), r.headers(), r.body());
                } catch (java.io.IOException e) {
                    failures.add("#" + i + " " + r.method() + " " + abbreviate(r.target()) + " (" + r.label() + "): no answer: " + e);
                    before = settled(tables);
                    continue;
                }
                byStatus.merge(a.status(), 1, Integer::sum);
                for (String p : service.newLogProblems()) {
                    logProblems.add("after #" + i + " " + r.method() + " " + abbreviate(r.target()) + " (" + r.label() + "): " + p);
                }
                if (a.status() == 201 || (a.status() == 200 && r.method().equals("POST"))) {
                    requests.learn(r.target(), a.text());
                }
                String what = "#" + i + " " + r.method() + " " + abbreviate(r.target()) + " (" + r.label() + ") -> " + a.status();
                if (a.status() >= 500) {
                    serverErrors.merge(r.label(), 1, Integer::sum);
                    failures.add(what + ": " + abbreviate(a.text()));
                }
                String text = a.text();
                if (text.contains("\tat ") || text.contains("Exception") || text.contains("org.postgresql")
                        || text.contains("SQLState")) {
                    failures.add(what + ": the answer shows internals: " + abbreviate(text));
                }
                if (a.status() >= 400 && a.status() < 500) {
                    refused++;
                    Map<String, String> after = snapshot(tables);
                    if (!after.equals(before)) {
                        failures.add(what + ": a refused request changed " + difference(before, after));
                        before = settled(tables);
                    }
                } else if (r.writes() || a.status() == 202) {
                    before = settled(tables);
                }
            }
            for (String p : service.newLogProblems()) {
                logProblems.add("after the last request: " + p);
            }
        } finally {
            report(byStatus, serverErrors, refused, failures, logProblems);
        }
        assertThat(failures).as("requests answered 5xx, showing internals or changing data while refused").isEmpty();
        assertThat(logProblems).as("log records with a stack trace, or ERROR records").isEmpty();
        assertThat(byStatus.keySet()).as("statuses").allMatch(s -> s < 500);
    }

    /** Data for the junk to meet: actors, events with sources, an agreement, and cursors of real lists. */
    private FuzzRequests.Known seedData() {
        List<String> actors = new ArrayList<>();
        List<String> events = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            actors.add(given().contentType(ContentType.JSON).body(Map.of("name", "Fuzz seed actor " + seed + "-" + i + "-"
                    + System.nanoTime(), "kind", "country")).post("/api/v1/actors").then().statusCode(201).extract().path("slug"));
        }
        for (int i = 0; i < 4; i++) {
            var created = given().contentType(ContentType.JSON).body(Map.of("type", "meeting", "title", "Fuzz seed event " + i,
                            "date", "2024-0" + (i + 1) + "-15",
                            "participants", List.of(Map.of("actor", actors.get(0)), Map.of("actor", actors.get(1))),
                            "sources", List.of(Map.of("url", "https://fuzz.example/seed/" + i, "quote", "Seed quote " + i))))
                    .post("/api/v1/events").then().statusCode(201).extract();
            events.add(created.path("id"));
            sources.add(created.path("sources[0].id"));
        }
        String agreement = given().contentType(ContentType.JSON).body(Map.of("name", "Fuzz seed accord " + seed, "kind", "accord",
                        "parties", List.of(Map.of("actor", actors.get(0)), Map.of("actor", actors.get(1)))))
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");
        List<String> cursors = new ArrayList<>();
        for (String path : List.of("/api/v1/actors/" + actors.get(0) + "/timeline", "/api/v1/actors/" + actors.get(1) + "/timeline",
                "/api/v1/relationships/" + actors.get(0) + "/" + actors.get(1) + "/timeline", "/api/v1/events", "/api/v1/actors",
                "/api/v1/changes", "/api/v1/agreements", "/api/v1/review", "/api/v1/articles", "/api/v1/actors/" + actors.get(0) + "/relationships")) {
            String next = given().queryParam("limit", 1).get(path).then().statusCode(200).extract().path("next");
            if (next != null) {
                cursors.add(next);
            }
        }
        assertThat(cursors).as("cursors of real lists").hasSizeGreaterThan(4);
        return new FuzzRequests.Known(actors, events, new ArrayList<>(List.of(agreement)), sources, new ArrayList<>(), cursors);
    }

    // ------------------------------------------------------------------ the database, table by table

    private List<String> tables() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = service.database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public' "
                     + "and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        assertThat(out).contains("events", "actors", "changes", "articles", "event_sources");
        return out;
    }

    /** Per table: its row count and an order-independent hash of its rows' text. */
    private Map<String, String> snapshot(List<String> tables) throws SQLException {
        String sql = tables.stream().map(t -> "select '" + t + "', count(*), coalesce(sum(hashtext(x::text)::bigint), 0) from \""
                + t + "\" x").collect(Collectors.joining(" union all "));
        Map<String, String> out = new TreeMap<>();
        try (Connection c = service.database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2) + " rows #" + Long.toHexString(rs.getLong(3)));
            }
        }
        return out;
    }

    /**
     * The state once the effects of an accepted write have run their course: the search index caught up, no import
     * or re-extraction job queued or running, two snapshots in a row the same.
     */
    private Map<String, String> settled(List<String> tables) throws Exception {
        long until = System.nanoTime() + 120_000_000_000L;
        Map<String, String> last = null;
        while (System.nanoTime() < until) {
            service.catchUpSearch();
            if (!jobsRunning() && !searchQueued()) {
                Map<String, String> now = snapshot(tables);
                if (now.equals(last)) {
                    return now;
                }
                last = now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the database did not settle within 2 minutes");
    }

    private boolean jobsRunning() throws SQLException {
        try (Connection c = service.database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) from import_jobs where state in ('queued', 'running')) "
                     + "+ (select count(*) from reextraction_jobs where state in ('queued', 'running'))")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private boolean searchQueued() throws SQLException {
        try (Connection c = service.database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select exists (select 1 from search_queue)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> e.getKey() + " (" + before.get(e.getKey()) + " -> " + e.getValue() + ")").collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ report

    private void report(Map<Integer, Integer> byStatus, Map<String, Integer> serverErrors, int refused,
                               List<String> failures, List<String> log) throws Exception {
        int sent = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder md = new StringBuilder("# Fuzz run\n\nseed ").append(seed).append(", requests sent ").append(sent)
                .append(", refused (4xx, database compared before and after each) ").append(refused).append("\n\n| status | answers |\n|---|---|\n");
        byStatus.forEach((s, n) -> md.append("| ").append(s).append(" | ").append(n).append(" |\n"));
        md.append("\n5xx by request kind: ").append(serverErrors.isEmpty() ? "none" : serverErrors.toString()).append("\n");
        md.append("\nlog (").append(service.logDescription()).append("): records with a stack trace, or ERROR: ").append(log.size()).append("\n");
        log.stream().limit(20).forEach(t -> md.append("- ").append(t).append('\n'));
        md.append("\nfailures: ").append(failures.size()).append('\n');
        failures.stream().limit(200).forEach(f -> md.append("- ").append(f.replace('\n', ' ')).append('\n'));
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("[\\r\\n]+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "… (" + flat.length() + " chars)";
    }
}
