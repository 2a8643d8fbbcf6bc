package news.timeline.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;

/**
 * Articles of the editorial-loop tests. Each test invents two ministers no other test names, so the meeting they
 * hold is an event of that test alone, whatever the other tests store in the same database.
 */
final class EditorialFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Random RANDOM = new Random();
    private static final String[] ONSETS = {"b", "d", "k", "l", "m", "n", "r", "s", "t", "v"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u"};

    private EditorialFixture() {
    }

    /** A surname no one else has: three syllables, capitalized ("Ravokelin"). */
    static String surname() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append(ONSETS[RANDOM.nextInt(ONSETS.length)]).append(VOWELS[RANDOM.nextInt(VOWELS.length)]);
        }
        b.append("n");
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    /** Two invented ministers. */
    record Pair(String a, String b) {
        static Pair invent() {
            return new Pair("Talvor " + surname(), "Mardo " + surname());
        }
    }

    /** An article reporting that the pair met in Tallinn on Tuesday 12 March 2024, told in the words of {@code variant}. */
    static ObjectNode meeting(Pair p, int variant) {
        String body = switch (variant) {
            case 0 -> "Finnish Foreign Minister " + p.a() + " met Estonian Foreign Minister " + p.b() + " in Tallinn on Tuesday, "
                    + "the two ministries said. The ministers discussed energy cooperation and the security of the Baltic Sea.";
            default -> "Estonian Foreign Minister " + p.b() + " met Finnish Foreign Minister " + p.a() + " in Tallinn on Tuesday. "
                    + "According to officials, " + p.b() + " and " + p.a() + " talked about ferry links and power cables.";
        };
        ObjectNode in = JSON.createObjectNode();
        in.put("title", "Ministers meet in Tallinn " + variant);
        in.put("body", body + "\n\nRef " + UUID.randomUUID());
        in.put("publishedAt", "2024-03-14");
        return in;
    }

    /**
     * An article that only introduces the pair, so that later articles find them known. The first article to name
     * someone new also makes their countries participants of its events; later ones name the people alone, and an
     * event gains another article's source only when its participants are the same.
     */
    static JsonNode introduce(Pair p) {
        ObjectNode in = JSON.createObjectNode();
        in.put("title", "Two new foreign ministers");
        in.put("body", "Finnish Foreign Minister " + p.a() + " and Estonian Foreign Minister " + p.b()
                + " took office this year.\n\nRef " + UUID.randomUUID());
        in.put("publishedAt", "2024-01-10");
        return submit(in, 201);
    }

    static JsonNode submit(ObjectNode in, int status) {
        return read(given().contentType(ContentType.JSON).body(in.toString()).post("/api/v1/articles")
                .then().statusCode(status).extract().asString());
    }

    static JsonNode get(String path) {
        return read(given().get(path).then().statusCode(200).extract().asString());
    }

    static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The article's meeting of the pair (the event whose participants include both). */
    static JsonNode meetingOf(JsonNode answer, Pair p) {
        return list(answer.get("events")).stream().filter(e -> e.get("type").asText().equals("meeting")
                        && participants(e).containsAll(List.of(p.a(), p.b())))
                .findFirst().orElseThrow(() -> new AssertionError("no meeting of " + p + " in " + answer.get("events")));
    }

    static List<String> participants(JsonNode event) {
        List<String> names = new ArrayList<>();
        event.get("participants").forEach(x -> names.add(x.get("actor").get("name").asText()));
        return names;
    }
}
