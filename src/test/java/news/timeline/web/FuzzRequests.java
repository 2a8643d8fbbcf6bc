package news.timeline.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates requests a careless or hostile client sends, from a seed: every endpoint of the API, each path segment,
 * query parameter and body field given junk (wrong JSON types, boundary and impossible dates, huge and empty values,
 * invalid UTF-8 raw and percent-encoded, NULs), wrong content types and methods, cursors of other lists. About a
 * quarter are well formed, so that what the junk is compared against exists and keeps changing.
 */
final class FuzzRequests {

    /** One request; {@code label} names the endpoint template and the kind of junk, for the report. */
    record Request(String method, String target, Map<String, String> headers, byte[] body, String label) {

        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }
    }

    /** What exists, so that junk meets real ids as well as unknown ones. */
    record Known(List<String> actors, List<String> events, List<String> agreements, List<String> sources,
                 List<String> articles, List<String> cursors) {
    }

    private record Endpoint(String method, String path, List<String> params, String body) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/events", List.of("from", "to", "actor", "q", "addedSince", "cursor", "limit",
                    "format", "type", "status", "includeAffiliated"), null),
            new Endpoint("POST", "/api/v1/events", List.of(), "event"),
            new Endpoint("GET", "/api/v1/events/{E}", List.of(), null),
            new Endpoint("PUT", "/api/v1/events/{E}", List.of(), "event"),
            new Endpoint("PATCH", "/api/v1/events/{E}", List.of(), "eventPatch"),
            new Endpoint("DELETE", "/api/v1/events/{E}", List.of(), null),
            new Endpoint("POST", "/api/v1/events/{E}/sources", List.of(), "source"),
            new Endpoint("POST", "/api/v1/events/{E}/merge", List.of(), "mergeEvent"),
            new Endpoint("POST", "/api/v1/events/{E}/split", List.of(), "split"),
            new Endpoint("POST", "/api/v1/events/{E}/confirm", List.of(), "decision"),
            new Endpoint("POST", "/api/v1/events/{E}/reject", List.of(), "decision"),
            new Endpoint("GET", "/api/v1/actors", List.of("q", "kind", "cursor", "limit"), null),
            new Endpoint("POST", "/api/v1/actors", List.of(), "actor"),
            new Endpoint("GET", "/api/v1/actors/{A}", List.of(), null),
            new Endpoint("PUT", "/api/v1/actors/{A}", List.of(), "actor"),
            new Endpoint("PATCH", "/api/v1/actors/{A}", List.of(), "actorPatch"),
            new Endpoint("DELETE", "/api/v1/actors/{A}", List.of(), null),
            new Endpoint("POST", "/api/v1/actors/{A}/merge", List.of(), "mergeActor"),
            new Endpoint("GET", "/api/v1/actors/{A}/affiliations", List.of(), null),
            new Endpoint("POST", "/api/v1/actors/{A}/affiliations", List.of(), "affiliation"),
            new Endpoint("DELETE", "/api/v1/actors/{A}/affiliations/{U}", List.of(), null),
            new Endpoint("GET", "/api/v1/actors/{A}/timeline", List.of("from", "to", "q", "addedSince", "cursor", "limit",
                    "format", "type", "status", "includeAffiliated"), null),
            new Endpoint("GET", "/api/v1/actors/{A}/relationships", List.of("cursor", "limit", "status", "includeAffiliated"), null),
            new Endpoint("GET", "/api/v1/relationships/{A}/{A}/timeline", List.of("from", "to", "q", "addedSince", "cursor",
                    "limit", "format", "type", "status", "includeAffiliated"), null),
            new Endpoint("GET", "/api/v1/agreements", List.of("q", "kind", "status", "cursor", "limit"), null),
            new Endpoint("POST", "/api/v1/agreements", List.of(), "agreement"),
            new Endpoint("GET", "/api/v1/agreements/{G}", List.of(), null),
            new Endpoint("PUT", "/api/v1/agreements/{G}", List.of(), "agreement"),
            new Endpoint("DELETE", "/api/v1/agreements/{G}", List.of(), null),
            new Endpoint("GET", "/api/v1/articles", List.of("addedSince", "publishedFrom", "publishedTo", "q", "host",
                    "extractorVersion", "cursor", "limit"), null),
            new Endpoint("POST", "/api/v1/articles", List.of("dryRun"), "article"),
            new Endpoint("GET", "/api/v1/articles/{R}", List.of(), null),
            new Endpoint("DELETE", "/api/v1/articles/{R}", List.of(), null),
            new Endpoint("POST", "/api/v1/articles/{R}/reextract", List.of("dryRun"), null),
            new Endpoint("POST", "/api/v1/analyze", List.of(), "analyze"),
            new Endpoint("POST", "/api/v1/reextractions", List.of("includeCurrent", "addedSince", "publishedFrom",
                    "publishedTo", "q", "host", "extractorVersion"), null),
            new Endpoint("GET", "/api/v1/reextractions/{U}", List.of(), null),
            new Endpoint("GET", "/api/v1/review", List.of("order", "cursor", "limit"), null),
            new Endpoint("GET", "/api/v1/review/merge-suggestions", List.of("limit"), null),
            new Endpoint("POST", "/api/v1/review/merge-suggestions/dismissals", List.of(), "dismissal"),
            new Endpoint("GET", "/api/v1/review/merge-suggestions/dismissals", List.of("event", "cursor", "limit"), null),
            new Endpoint("GET", "/api/v1/review/merge-suggestions/dismissals/{U}", List.of(), null),
            new Endpoint("DELETE", "/api/v1/review/merge-suggestions/dismissals/{U}", List.of(), null),
            new Endpoint("GET", "/api/v1/changes", List.of("since", "entity", "action", "cursor", "limit"), null),
            new Endpoint("GET", "/api/v1/overview", List.of("limit"), null),
            new Endpoint("POST", "/api/v1/imports/events", List.of("format", "dryRun", "async", "onConflict"), "import"),
            new Endpoint("GET", "/api/v1/imports/{U}", List.of(), null),
            new Endpoint("GET", "/api/v1/exports/events.ndjson", List.of(), null));

    private static final List<String> EVENT_TYPES = List.of("meeting", "visit", "statement", "attack", "other");
    private static final List<String> DATES = List.of("2024-09-13", "2024", "2024-H1", "2024-Q2", "2024-06", "2024-W37",
            "2024-09-13T14:30Z", "0000-01-01", "0001-01-01", "0999-12-31", "1000-01-01", "2999-12-31", "3000-01-01",
            "9999-12-31", "+10000-01-01", "-0001-01-01", "2024-02-30", "2023-02-29", "2024-13", "2024-00", "2024-W54",
            "2024-W00", "2024-Q5", "2024-H3", "2024-09-14T09:45", "2024-09-14T25:00Z", "2024-09-14T09:45:00+18:01",
            "2024-09-14T09:45:00+10:00", "1970-01-01T00:00:00Z", "24-09-14", "2024/09/14", "14.09.2024", "today", "",
            " ", "2024-09-13 ", "２０２４-09-13");
    private static final List<String> QUERY_JUNK = List.of("", "yes", "1", "0", "-1", "true", "TRUE", "false", "null",
            "1001", "1000", "99999999999999999999", "1e3", "0x10", "NaN", "Infinity", "%00", "%ZZ", "%", "%C3%28",
            "%ED%A0%80", "%F8%88%80%80%80", "%FF%FE", "%C0%AF", "%E2%82", "a%00b", "%0D%0ASet-Cookie:x=1", "'; drop table events; --",
            "\\", "..%2F..%2F", "%2F", "json", "vis", "ics", "atom", "csv", "timelinejs", "xml", "gdelt", "acled",
            "extracted", "confirmed", "rejected", "meeting,attack", "person", "country", "treaty", "newest", "confidence",
            "event", "merged", "created", "skip", "update", "fail", "<script>", "😀", "Ω", "ｅｘｔｒａｃｔｅｄ");
    private static final List<String> SEGMENT_JUNK = List.of("", "%00", "a%00b", "%ZZ", "%C3%28", "%FF", "..", ".",
            "%2E%2E", "00000000-0000-0000-0000-000000000000", "not-a-uuid", "123", "-1", "a;b", "%20", "%F0%9F%98%80",
            "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ", "00000000-0000-0000-0000-00000000000", "{id}", "%7Bid%7D", "null");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json; charset=latin1", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/octet-stream", "application/x-ndjson", "text/csv",
            "application/*", "*/*", "application/problem+json", "json", "", "application/json;;;", "text/html");

    private final Random random;
    private final Known known;
    private int sequence;

    FuzzRequests(long seed, Known known) {
        this.random = new Random(seed);
        this.known = known;
    }

    /** The kinds of junk; a request gets none (a quarter of them), one or two, on an otherwise valid request. */
    private static final List<String> DIMENSIONS = List.of("method", "path", "query", "date", "cursor", "body",
            "content-type", "invalid-utf8", "accept", "body-shape", "huge", "unknown-param", "repeated", "conditional");

    private java.util.Set<String> dims = java.util.Set.of();

    Request next() {
        sequence++;
        Endpoint e = pick(ENDPOINTS);
        java.util.Set<String> chosen = new java.util.HashSet<>();
        if (!chance(4)) {
            chosen.add(pick(DIMENSIONS));
            if (chance(3)) {
                chosen.add(pick(DIMENSIONS));
            }
        }
        dims = chosen;
        List<String> junk = new ArrayList<>();
        String method = e.method();
        if (dims.contains("method")) {
            method = pick(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO"));
            junk.add("method");
        }
        String path = fillPath(e.path(), junk);
        String query = query(e.params(), junk);
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        if (e.body() != null || (dims.contains("body") && chance(3))) {
            String kind = e.body() == null ? pick(List.of("event", "actor", "article")) : e.body();
            body = body(kind, junk);
            String type = kind.equals("import") ? pick(List.of("application/x-ndjson", "text/csv", "application/json"))
                    : "application/json";
            if (dims.contains("content-type")) {
                type = pick(CONTENT_TYPES);
                junk.add("content-type");
            }
            if (!type.isEmpty()) {
                headers.put("Content-Type", type);
            }
        }
        if (dims.contains("accept")) {
            headers.put("Accept", pick(List.of("text/calendar", "application/atom+xml", "text/csv", "application/xml",
                    "image/png", "*/*", "application/json;q=0", "garbage", "")));
            junk.add("accept");
        }
        if (dims.contains("conditional")) {
            headers.put("If-None-Match", pick(List.of("*", "\"x\"", "W/\"1\"", "", "garbage\u00ff")));
            junk.add("if-none-match");
        }
        String label = e.method() + " " + e.path() + (junk.isEmpty() ? " (well formed)" : " [" + String.join(",", junk) + "]");
        return new Request(method, path + query, headers, body, label);
    }

    /** Ids an accepted request created, so that later junk meets them too. */
    void learn(String path, String answer) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer);
        if (!id.find()) {
            return;
        }
        String created = id.group(1);
        if (path.startsWith("/api/v1/actors")) {
            java.util.regex.Matcher slug = java.util.regex.Pattern.compile("\"slug\":\"([a-z0-9-]+)\"").matcher(answer);
            known.actors().add(slug.find() && chance(2) ? slug.group(1) : created);
        } else if (path.startsWith("/api/v1/events")) {
            known.events().add(created);
            java.util.regex.Matcher source = java.util.regex.Pattern.compile("\"sources\":\\[\\{[^}]*?\"id\":\"([0-9a-f-]{36})\"")
                    .matcher(answer);
            if (source.find()) {
                known.sources().add(source.group(1));
            }
        } else if (path.startsWith("/api/v1/agreements")) {
            known.agreements().add(created);
        } else if (path.startsWith("/api/v1/articles")) {
            java.util.regex.Matcher article = java.util.regex.Pattern.compile("\"article\":\\{\"id\":\"([0-9a-f-]{36})\"").matcher(answer);
            if (article.find()) {
                known.articles().add(article.group(1));
            }
        }
    }

    private String fillPath(String template, List<String> junk) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                out.append(template.substring(at));
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, at, open);
            String slot = template.substring(open + 1, close);
            String value;
            if (dims.contains("path") && chance(2)) {
                value = chance(8) ? "x".repeat(chance(2) ? 3000 : 70000) : pick(SEGMENT_JUNK);
                junk.add("path");
            } else if (dims.contains("huge") && chance(3)) {
                value = "x".repeat(chance(2) ? 3000 : 70000);
                junk.add("huge-path");
            } else {
                value = switch (slot) {
                    case "A" -> pickOr(known.actors(), UUID.randomUUID().toString());
                    case "E" -> pickOr(known.events(), UUID.randomUUID().toString());
                    case "G" -> pickOr(known.agreements(), UUID.randomUUID().toString());
                    case "R" -> pickOr(known.articles(), UUID.randomUUID().toString());
                    default -> chance(2) ? UUID.randomUUID().toString() : pickOr(known.events(), "x");
                };
            }
            out.append(value);
            at = close + 1;
        }
        return out.toString();
    }

    private String query(List<String> params, List<String> junk) {
        List<String> pairs = new ArrayList<>();
        for (String p : params) {
            if (!chance(3)) {
                continue;
            }
            String v;
            if (p.equals("cursor") && dims.contains("cursor")) {
                v = chance(3) ? encode(pickOr(known.cursors(), "x")) : pick(List.of("", "abc", "eyJ9", "%00", "AAAA",
                        encode(java.util.Base64.getUrlEncoder().encodeToString(("ev|x|" + sequence).getBytes(StandardCharsets.UTF_8)))));
                junk.add("cursor");
            } else if (dims.contains("query") && chance(2)) {
                v = pick(QUERY_JUNK);
                junk.add("query");
            } else if (dims.contains("date") && chance(2)) {
                v = encode(pick(DATES));
                junk.add("date");
            } else {
                v = valid(p);
                if (v == null) {
                    continue;
                }
            }
            pairs.add(p + "=" + v);
            if (dims.contains("repeated") && chance(2)) {
                pairs.add(p + "=" + pick(QUERY_JUNK));
                junk.add("repeated");
            }
        }
        if (dims.contains("unknown-param")) {
            pairs.add(pick(List.of("foo", "", "%00", "limit", "dryRun", "a%C3%28")) + "=" + pick(QUERY_JUNK));
            junk.add("unknown-param");
        }
        if (dims.contains("huge") && chance(2)) {
            pairs.add("q=" + "q".repeat(chance(2) ? 5000 : 100_000));
            junk.add("huge-query");
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A value the parameter documents (null: leave it out). */
    private String valid(String param) {
        return switch (param) {
            case "from", "publishedFrom" -> pick(List.of("2024-01-01", "2024-06", "2024", "1990-01-01"));
            case "to", "publishedTo" -> pick(List.of("2024-12-31", "2025-06", "2030"));
            case "addedSince", "since" -> encode(pick(List.of("2024-01-01T00:00:00Z", "2020-06-01T12:00:00+02:00")));
            case "limit" -> pick(List.of("1", "2", "10", "1000"));
            case "format" -> pick(List.of("json", "vis", "timelinejs", "csv", "ics", "atom", "ndjson"));
            case "type" -> pick(List.of("meeting", "attack", "meeting,visit"));
            case "status" -> pick(List.of("extracted", "confirmed", "rejected", "extracted,confirmed", "signed", "proposed"));
            case "kind" -> pick(List.of("person", "country", "treaty", "other"));
            case "includeAffiliated", "dryRun", "includeCurrent" -> pick(List.of("true", "false", "TRUE"));
            case "async" -> "false";
            case "q" -> pick(List.of("fuzz", "seed", "Fuzz seed", "\"fuzz seed\"", "-fuzz", "fuzz OR seed"));
            case "actor" -> encode(pickOr(known.actors(), "x"));
            case "host" -> "fuzz.example";
            case "extractorVersion" -> pick(List.of("1", "0.1.0"));
            case "entity" -> pick(List.of("event", "actor", "agreement", "article", "dismissal"));
            case "action" -> pick(List.of("created", "updated", "deleted", "merged"));
            case "order" -> pick(List.of("confidence", "newest"));
            case "onConflict" -> pick(List.of("keep", "overwrite"));
            default -> null;
        };
    }

    // ------------------------------------------------------------------ bodies

    private byte[] body(String kind, List<String> junk) {
        if (dims.contains("body-shape")) {
            junk.add("body-shape");
            return pick(List.of("", "null", "[]", "123", "\"text\"", "true", "{", "{\"a\":", "}{", "{}", "{} {}",
                    "{\"title\": \"x\",}", "\u0000", "\ufeff{}", "<xml/>", "a=b&c=d", "[{}]", "{\"\":1}"))
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (kind.equals("import")) {
            return importBody(junk);
        }
        Map<String, Object> fields = template(kind);
        int mutations = dims.contains("body") ? 1 + random.nextInt(3) : 0;
        List<String> names = new ArrayList<>(fields.keySet());
        for (int i = 0; i < mutations; i++) {
            int what = random.nextInt(10);
            if (what == 0 || names.isEmpty()) {
                fields.put(pick(List.of("unknown", "Title", "id", "createdAt", "", "__proto__")), junkValue());
                junk.add("unknown-field");
            } else if (what == 1) {
                fields.remove(pick(names));
                junk.add("missing-field");
            } else {
                String name = pick(names);
                fields.put(name, junkValue());
                junk.add(name + "-junk");
            }
        }
        byte[] json = Json.write(fields).getBytes(StandardCharsets.UTF_8);
        if (dims.contains("invalid-utf8")) {
            junk.add("invalid-utf8");
            return withBadBytes(json);
        }
        if (dims.contains("huge") && chance(40)) {
            junk.add("huge-body");
            return ("{\"title\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        return json;
    }

    /** A JSON value of any type, often not the field's: the junk a field gets. */
    private Object junkValue() {
        return switch (random.nextInt(16)) {
            case 0 -> null;
            case 1 -> random.nextInt(3) - 1;
            case 2 -> pick(List.of(1.5, -0.0, 1e308, 9.99e-300));
            case 3 -> new Json.Raw(pick(List.of("1e400", "-1e400", "123456789012345678901234567890", "0.1e-99999", "NaN")));
            case 4 -> random.nextBoolean();
            case 5 -> List.of();
            case 6 -> List.of(pick(List.of("x", "", "a\u0000b")), 1);
            case 7 -> Map.of();
            case 8 -> Map.of("value", pick(DATES), "approximate", pick(List.of("yes", true, 1)));
            case 9 -> "";
            case 10 -> "   ";
            case 11 -> "x".repeat(pick(List.of(301, 501, 2049, 20001, 200_000)));
            case 12 -> pick(List.of("a\u0000b", "\u0007", "\ud800", "\udfff", "😀", "\u202e", "\t"));
            case 13 -> pick(DATES);
            case 14 -> UUID.randomUUID().toString();
            default -> pick(QUERY_JUNK);
        };
    }

    private Map<String, Object> template(String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        String tag = "Fuzz " + sequence + " " + Integer.toHexString(random.nextInt());
        switch (kind) {
            case "event" -> {
                m.put("type", pick(EVENT_TYPES));
                m.put("title", tag);
                m.put("date", dims.contains("date") ? pick(DATES) : pick(DATES.subList(0, 7)));
                if (chance(2)) {
                    m.put("endDate", "2025-01-01");
                }
                m.put("participants", List.of(Map.of("actor", pickOr(known.actors(), "x"), "role", "participant")));
                if (chance(2)) {
                    m.put("sources", List.of(Map.of("url", "https://fuzz.example/" + sequence, "quote", tag + " quote",
                            "start", 0, "end", 5)));
                }
                if (chance(3)) {
                    m.put("place", Map.of("name", "Fuzzton"));
                }
                if (chance(3)) {
                    m.put("confidence", 0.5);
                }
                if (chance(3)) {
                    m.put("status", pick(List.of("extracted", "confirmed", "rejected")));
                }
                if (chance(4)) {
                    m.put("agreementId", pickOr(known.agreements(), UUID.randomUUID().toString()));
                }
            }
            case "eventPatch" -> {
                m.put(pick(List.of("title", "summary", "status", "type", "date")), switch (random.nextInt(3)) {
                    case 0 -> tag;
                    case 1 -> pick(List.of("extracted", "confirmed", "rejected"));
                    default -> pick(DATES.subList(0, 7));
                });
            }
            case "source" -> {
                m.put("url", "https://fuzz.example/s/" + sequence);
                m.put("quote", tag);
                m.put("start", 0);
                m.put("end", 3);
            }
            case "mergeEvent" -> m.put("into", pickOr(known.events(), UUID.randomUUID().toString()));
            case "split" -> m.put("sources", List.of(pickOr(known.sources(), UUID.randomUUID().toString())));
            case "decision" -> m.put("reason", tag);
            case "dismissal" -> {
                m.put("event", pickOr(known.events(), UUID.randomUUID().toString()));
                m.put("other", pickOr(known.events(), UUID.randomUUID().toString()));
                m.put("reason", tag);
            }
            case "actor" -> {
                m.put("name", tag);
                m.put("kind", pick(List.of("person", "country", "organization", "group", "other")));
                if (chance(3)) {
                    m.put("aliases", List.of(tag + " alias"));
                }
                if (chance(4)) {
                    m.put("slug", "fuzz-" + sequence);
                }
                if (chance(5)) {
                    m.put("isoCode", "FZ");
                }
                if (chance(5)) {
                    m.put("version", 0);
                }
            }
            case "actorPatch" -> m.put(pick(List.of("name", "kind", "description")), tag);
            case "mergeActor" -> m.put("into", pickOr(known.actors(), "x"));
            case "affiliation" -> {
                m.put("to", pickOr(known.actors(), "x"));
                m.put("role", "member");
                m.put("validFrom", "2020-01-01");
                if (chance(2)) {
                    m.put("validTo", pick(List.of("2019-01-01", "2021-01-01")));
                }
            }
            case "agreement" -> {
                m.put("name", tag);
                m.put("kind", pick(List.of("treaty", "accord", "deal", "other")));
                m.put("status", pick(List.of("signed", "proposed", "unknown")));
                m.put("signed", pick(DATES.subList(0, 7)));
                m.put("parties", List.of(Map.of("actor", pickOr(known.actors(), "x"), "role", "party")));
                if (chance(3)) {
                    m.put("clauses", List.of("mutual defense"));
                }
            }
            case "article" -> {
                m.put("title", tag);
                m.put(chance(5) ? "html" : "body", chance(5) ? "<html><body><p>" + tag + " met on Friday.</p></body></html>"
                        : tag + " said on Friday that talks with Fuzzland would resume.");
                m.put("publishedAt", dims.contains("date") ? pick(DATES) : pick(DATES.subList(0, 7)));
                if (chance(2)) {
                    m.put("url", pick(List.of("https://fuzz.example/a/" + sequence, "not a url", "ftp://x", "")));
                }
                if (chance(3)) {
                    m.put("source", "Fuzz Wire");
                }
            }
            case "analyze" -> {
                m.put("text", tag + " met on Friday.");
                m.put("referenceDate", dims.contains("date") ? pick(DATES) : "2024-09-14");
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return m;
    }

    private byte[] importBody(List<String> junk) {
        int lines = 1 + random.nextInt(4);
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            Map<String, Object> event = template("event");
            event.put("externalId", "fuzz-" + sequence + "-" + i);
            if (dims.contains("body") && chance(2)) {
                String name = pick(new ArrayList<>(event.keySet()));
                event.put(name, junkValue());
                junk.add("import-" + name);
            }
            if (dims.contains("date") && chance(2)) {
                event.put("date", Map.of("value", pick(DATES), "precision", pick(List.of("day", "month", "year", "week", "x"))));
                junk.add("import-precision");
            }
            ndjson.append(dims.contains("body-shape") && chance(2) ? pick(List.of("", "{", "null", "[1]", "garbage")) : Json.write(event)).append('\n');
        }
        byte[] body = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        if (chance(5)) {
            junk.add("csv");
            body = pick(List.of("externalId,type,title,date\nfz-" + sequence + ",meeting,Fuzz csv,2024-01-02\n",
                    "a,b,c\n\"unterminated,1\n", ",,,\n", "externalId,type,title,date\nx,meeting,\"a\"\"b\",2024-02-30\n"))
                    .getBytes(StandardCharsets.UTF_8);
        } else if (chance(6)) {
            junk.add("json-array");
            body = ("[" + ndjson.toString().trim().replace("\n", ",") + "]").getBytes(StandardCharsets.UTF_8);
        }
        if (dims.contains("invalid-utf8")) {
            junk.add("invalid-utf8");
            body = withBadBytes(body);
        }
        return body;
    }

    /** The bytes with an invalid UTF-8 sequence (or a raw NUL) put in somewhere, often inside a string. */
    private byte[] withBadBytes(byte[] json) {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf},
                {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {0x00}, {(byte) 0x80}};
        int at = json.length == 0 ? 0 : random.nextInt(json.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(json, at, json.length - at);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ helpers

    private boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pickOr(List<String> list, String otherwise) {
        return list.isEmpty() || chance(6) ? otherwise : pick(list);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A small JSON writer that can also put a number literal Jackson's writer would refuse (1e400). */
    static final class Json {

        record Raw(String literal) {
        }

        static String write(Object o) {
            StringBuilder b = new StringBuilder();
            write(b, o);
            return b.toString();
        }

        private static void write(StringBuilder b, Object o) {
            if (o == null) {
                b.append("null");
            } else if (o instanceof Raw r) {
                b.append(r.literal());
            } else if (o instanceof String s) {
                b.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '"' -> b.append("\\\"");
                        case '\\' -> b.append("\\\\");
                        case '\n' -> b.append("\\n");
                        default -> {
                            if (c < 0x20 || Character.isSurrogate(c)) {
                                b.append(String.format("\\u%04x", (int) c));
                            } else {
                                b.append(c);
                            }
                        }
                    }
                }
                b.append('"');
            } else if (o instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    write(b, String.valueOf(e.getKey()));
                    b.append(':');
                    write(b, e.getValue());
                }
                b.append('}');
            } else if (o instanceof List<?> l) {
                b.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    write(b, l.get(i));
                }
                b.append(']');
            } else {
                b.append(o);
            }
        }
    }
}
