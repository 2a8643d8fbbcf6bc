package news.timeline.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import news.timeline.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint, fed broken bodies and valid bodies with one field at a time replaced by a wrong value: the
 * answer is never a 5xx, and every refusal is a problem+json. A sweep, not a list of known cases: it is how the NUL
 * character bug was found, and it keeps the next one of its kind from landing. A refusal names only fields the request
 * has, and a text field given a value of another JSON type is refused by its name (it used to be stored as its text).
 */
@QuarkusTest
class BadInputSweepTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bodies no endpoint can read. */
    private static final List<byte[]> BROKEN = List.of(utf8(""), utf8("null"), utf8("[]"), utf8("{}"), utf8("\"text\""),
            utf8("123"), utf8("true"), utf8("{\"a\":"), utf8("{\"a\":1}}"), utf8("[".repeat(5000)), utf8("{\"a\":1e999999}"),
            utf8("{\"a\":\"\\ud800\"}"), utf8("{\"a\":123456789012345678901234567890}"), junk());

    /** Values put in place of one field of a valid body. */
    private static final List<Object> WRONG = Arrays.asList(null, "", " ", "x".repeat(70_000), "\u0000", "\ud800", -1, 0, 1.5,
            1e308, Long.MAX_VALUE, true, List.of(), Map.of(), List.of(1), Map.of("a", 1), "2024-13-45", "2024-02-30", "0000-00-00",
            "-2024-01-01", "99999-01-01", "2024-W60", "2024-Q5", "NaN", "<script>", "../../etc/passwd");

    private final List<String> failures = new ArrayList<>();

    private String slug;
    private String other;
    private String eventId;
    private String otherEventId;
    private String agreementId;

    @BeforeEach
    void data() {
        slug = Api.actorSlug(Api.unique("Sweepland"), "country");
        other = Api.actorSlug(Api.unique("Otherland"), "country");
        eventId = Api.post("/api/v1/events", event()).statusCode(201).extract().path("id");
        otherEventId = Api.post("/api/v1/events", event()).statusCode(201).extract().path("id");
        agreementId = Api.post("/api/v1/agreements", agreement()).statusCode(201).extract().path("id");
    }

    @Test
    void noWriteEndpointAnswers5xxOrAnUntypedRefusal() throws Exception {
        Map<String, Map<String, Object>> posts = new LinkedHashMap<>();
        posts.put("/api/v1/actors", Map.of("name", Api.unique("Newland"), "kind", "country", "aliases", List.of("NL"),
                "description", "d", "isoCode", "NLX", "wikidataId", "Q42"));
        posts.put("/api/v1/events", event());
        posts.put("/api/v1/agreements", agreement());
        posts.put("/api/v1/articles", Map.of("title", "Sweep", "publishedAt", "2024-09-14", "url", "https://example.org/a",
                "body", "Sweepland and Otherland signed a trade agreement on Friday in Geneva."));
        posts.put("/api/v1/analyze", Map.of("text", "They met on Friday.", "referenceDate", "1998-02-27"));
        // an actor of its own: a junk "into" may name an actor the sweep created ("NaN"), and the merge then succeeds
        posts.put("/api/v1/actors/" + Api.actorSlug(Api.unique("Mergeland"), "country") + "/merge", Map.of("into", "no-such-actor"));
        posts.put("/api/v1/actors/" + slug + "/affiliations", Map.of("to", other, "role", "minister", "validFrom", "2020-01-01",
                "validTo", "2021-01-01"));
        posts.put("/api/v1/events/" + eventId + "/sources", Map.of("url", "https://example.org/s", "quote", "q", "start", 0,
                "end", 1, "ruleId", "r", "extractorVersion", "v"));
        posts.put("/api/v1/review/merge-suggestions/dismissals", Map.of("event", eventId, "other", otherEventId, "reason", "not the same"));
        Map<String, Map<String, Object>> puts = new LinkedHashMap<>();
        puts.put("/api/v1/events/" + eventId, event());
        puts.put("/api/v1/agreements/" + agreementId, agreement());
        puts.put("/api/v1/actors/" + slug, Map.of("name", "Sweepland", "kind", "country"));

        int requests = 0;
        for (var e : posts.entrySet()) {
            requests += sweep("POST", e.getKey(), e.getValue());
        }
        for (var e : puts.entrySet()) {
            requests += sweep("PUT", e.getKey(), e.getValue());
        }
        for (String path : List.of("/api/v1/events/" + eventId, "/api/v1/actors/" + slug, "/api/v1/agreements/" + agreementId)) {
            for (byte[] body : BROKEN) {
                check("PATCH", path, body, "application/merge-patch+json");
                requests++;
            }
            for (Object wrong : WRONG) {
                Map<String, Object> patch = new LinkedHashMap<>();
                patch.put("status", wrong);
                patch.put("date", wrong);
                check("PATCH", path, JSON.writeValueAsBytes(patch), "application/merge-patch+json");
                requests++;
            }
        }
        assertThat(requests).isGreaterThan(1000);
        assertThat(failures).as("answers that were a 5xx or a refusal without problem+json").isEmpty();
    }

    /** The broken bodies, then the valid body with each field (and each first nested field) replaced in turn. */
    private int sweep(String method, String path, Map<String, Object> valid) throws Exception {
        int n = 0;
        for (byte[] body : BROKEN) {
            java.util.Set<String> named = new java.util.HashSet<>(valid.keySet());
            named.add("a"); // the broken bodies' own field
            namesOnlyItsFields(method, path, body, check(method, path, body, "application/json"), named);
            n++;
        }
        check(method, path, utf8("<x/>"), "application/xml");
        n++;
        for (List<Object> field : fields(valid, List.of())) {
            for (Object wrong : WRONG) {
                byte[] body = JSON.writeValueAsBytes(replace(valid, field, wrong));
                Response r = check(method, path, body, "application/json");
                n++;
                namesOnlyItsFields(method, path, body, r, valid.keySet());
                // a text field given a number, a boolean, a list or an object is refused by its name, never read as text
                if (at(valid, field) instanceof String && wrong != null && !(wrong instanceof String)
                        && !(r.statusCode() == 400 && r.jsonPath().getList("errors.field").contains(name(field)))) {
                    failures.add(method + " " + path + " " + name(field) + "=" + wrong + " -> " + r.statusCode()
                            + " without an error naming " + name(field) + ": " + r.asString());
                }
            }
        }
        return n;
    }

    private Response check(String method, String path, byte[] body, String contentType) {
        Response r = given().contentType(contentType).body(body).when().request(method, path);
        int status = r.statusCode();
        String type = String.valueOf(r.contentType());
        if (status >= 500 || status >= 400 && !type.startsWith("application/problem+json")) {
            String shown = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            failures.add(method + " " + path + " " + shown + " -> " + status + " " + type);
        }
        return r;
    }

    /** Every field a refusal names is one the request has (not a Java parameter such as submit.submission). */
    private void namesOnlyItsFields(String method, String path, byte[] body, Response r, java.util.Set<String> fields) {
        if (r.statusCode() != 400 || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            return;
        }
        List<String> named = r.jsonPath().getList("errors.field");
        for (String field : named == null ? List.<String>of() : named) {
            if (!fields.contains(field.split("[.\\[]", 2)[0])) {
                failures.add(method + " " + path + " " + new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8)
                        + " -> names a field the request does not have: " + field);
            }
        }
    }

    /** participants[0].actor */
    private static String name(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object p : path) {
            if (p instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(p);
            }
        }
        return sb.toString();
    }

    private static Object at(Object node, List<Object> path) {
        Object n = node;
        for (Object p : path) {
            n = p instanceof Integer i ? ((List<?>) n).get(i) : ((Map<?, ?>) n).get(p);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> fields(Object node, List<Object> at) {
        List<List<Object>> out = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                List<Object> p = new ArrayList<>(at);
                p.add(key);
                out.add(p);
                out.addAll(fields(map.get(key), p));
            }
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            List<Object> p = new ArrayList<>(at);
            p.add(0);
            out.add(p);
            out.addAll(fields(list.get(0), p));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object replace(Object node, List<Object> path, Object value) {
        if (path.isEmpty()) {
            return value;
        }
        Object head = path.get(0);
        List<Object> rest = path.subList(1, path.size());
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put(head, replace(map.get(head), rest, value));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<Object>) node);
        int i = (Integer) head;
        copy.set(i, replace(copy.get(i), rest, value));
        return copy;
    }

    private Map<String, Object> event() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "meeting");
        e.put("title", "Sweep talks");
        e.put("summary", "s");
        e.put("date", "2024-06-01");
        e.put("endDate", "2024-06-03");
        e.put("confidence", 0.5);
        e.put("status", "confirmed");
        e.put("place", Map.of("name", "Geneva"));
        e.put("participants", List.of(Map.of("actor", slug, "role", "host")));
        return e;
    }

    private Map<String, Object> agreement() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", Api.unique("Sweep accord"));
        a.put("kind", "accord");
        a.put("status", "signed");
        a.put("aliases", List.of("SA"));
        a.put("clauses", List.of("c"));
        a.put("signed", "2024-06-02");
        a.put("effective", "2024-07");
        a.put("parties", List.of(Map.of("actor", slug, "role", "party")));
        return a;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] junk() {
        byte[] b = new byte[512];
        new Random(7).nextBytes(b);
        return b;
    }
}
