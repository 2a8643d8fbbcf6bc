package news.timeline.imports;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** NDJSON lines mapped token by token into records, and the faults a line is reported for, without Quarkus. */
class NdjsonEventReaderTest {

    private static final String AGREEMENT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final String ARTICLE = "0b5f6a3e-2f0e-4a53-9d7c-1c0c4f1e9a11";

    @Test
    void anExportedEventReadsWithItsObjectsAndIgnoredFields() throws IOException {
        String line = "{\"id\":\"3f1e0b1c-0000-4000-8000-000000000001\",\"externalSource\":\"wire\",\"externalId\":\"e-1\","
                + "\"type\":\"meeting\",\"title\":\"Talks\",\"summary\":\" \",\"date\":{\"value\":\"2024-06\",\"precision\":\"month\","
                + "\"approximate\":true},\"endDate\":\"2024-07-02\",\"place\":{\"name\":\"Geneva\",\"extra\":[1,{\"a\":2}]},"
                + "\"participants\":[{\"actor\":{\"name\":\"Kim Jong Un\",\"kind\":\"person\"},\"role\":\"host\"},\"Russia\","
                + "{\"actor\":\"russia\"},{\"actor\":{\"slug\":\"north-korea\"}}],"
                + "\"agreement\":{\"id\":\"" + AGREEMENT + "\",\"title\":\"Pact\"},"
                + "\"sources\":[\"https://a.example/1\",{\"articleId\":\"" + ARTICLE + "\",\"url\":\"https://b.example/2\","
                + "\"quote\":\"They met.\",\"start\":4,\"end\":13,\"ruleId\":\"r1\",\"extractorVersion\":\"1.0\"}],"
                + "\"confidence\":0.5,\"status\":\"extracted\",\"createdAt\":\"2024-06-01T00:00:00Z\",\"updatedAt\":{\"x\":[]}}";
        ImportRecord r = only(line);
        assertThat(r.externalSource()).isEqualTo("wire");
        assertThat(r.externalId()).isEqualTo("e-1");
        assertThat(r.type()).isEqualTo("meeting");
        assertThat(r.summary()).isNull();
        assertThat(r.date().value()).isEqualTo("2024-06");
        assertThat(r.date().approximate()).isTrue();
        assertThat(r.endDate().value()).isEqualTo("2024-07-02");
        assertThat(r.placeName()).isEqualTo("Geneva");
        assertThat(r.confidence()).isEqualTo(0.5f);
        assertThat(r.status()).isEqualTo("extracted");
        assertThat(r.agreementId()).isEqualTo(UUID.fromString(AGREEMENT));
        // "Russia" and "russia" are one actor reference: the second is dropped
        assertThat(r.participants()).extracting(p -> p.actor().key()).containsExactly("n:kim jong un", "n:russia", "s:north-korea");
        assertThat(r.participants()).extracting(ImportRecord.Participant::role).containsExactly("host", "participant", "participant");
        assertThat(r.participants().get(0).actor().kind()).isEqualTo("person");
        assertThat(r.sources()).hasSize(2);
        assertThat(r.sources().get(0).url()).isEqualTo("https://a.example/1");
        ImportRecord.Source s = r.sources().get(1);
        assertThat(s.articleId()).isEqualTo(UUID.fromString(ARTICLE));
        assertThat(s.quote()).isEqualTo("They met.");
        assertThat(s.start()).isEqualTo(4);
        assertThat(s.end()).isEqualTo(13);
        assertThat(s.ruleId()).isEqualTo("r1");
        assertThat(s.extractorVersion()).isEqualTo("1.0");
    }

    @Test
    void theIdStandsInForAMissingExternalIdAndDefaultsApply() throws IOException {
        ImportRecord r = only("{\"id\":\"x-9\",\"type\":\"visit\",\"title\":\"T\",\"date\":\"2024\",\"place\":\"Oslo\",\"confidence\":null}");
        assertThat(r.externalId()).isEqualTo("x-9");
        assertThat(r.externalSource()).isEqualTo("test");
        assertThat(r.placeName()).isEqualTo("Oslo");
        assertThat(r.confidence()).isEqualTo(1f);
        assertThat(r.status()).isEqualTo("confirmed");
        assertThat(r.participants()).isEmpty();
        assertThat(r.sources()).isEmpty();
    }

    @Test
    void eachFieldOfTheWrongKindIsNamed() throws IOException {
        String head = "{\"externalId\":\"k\",\"type\":\"visit\",\"title\":\"T\",\"date\":\"2024\",";
        assertThat(problem(head + "\"colour\":1}")).isEqualTo("colour: unknown field");
        assertThat(problem(head + "\"title\":{\"en\":\"T\"}}")).isEqualTo("title: must be a string");
        assertThat(problem(head + "\"confidence\":\"high\"}")).isEqualTo("confidence: must be a number");
        assertThat(problem(head + "\"participants\":{}}")).isEqualTo("participants: must be an array");
        assertThat(problem(head + "\"participants\":[3]}")).isEqualTo("participants[0]: must be an object or an actor name");
        assertThat(problem(head + "\"participants\":[\"A\",{\"role\":\"host\"}]}")).isEqualTo("participants[1].actor: is required");
        assertThat(problem(head + "\"participants\":[{\"actor\":\"A\",\"side\":1}]}")).isEqualTo("participants[0].side: unknown field");
        assertThat(problem(head + "\"participants\":[{\"actor\":{\"nom\":\"A\"}}]}")).isEqualTo("participants[0].actor.nom: unknown field");
        assertThat(problem(head + "\"participants\":[{\"actor\":{\"id\":\"nope\"}}]}")).isEqualTo("participants[0].actor.id: 'nope' is not a UUID");
        assertThat(problem(head + "\"participants\":[\" \"]}")).isEqualTo("participants[0]: is empty");
        assertThat(problem(head + "\"sources\":[true]}")).isEqualTo("sources[0]: must be an object or a URL");
        assertThat(problem(head + "\"sources\":[{\"start\":1.5}]}")).isEqualTo("sources[0].start: must be an integer");
        assertThat(problem(head + "\"sources\":[{\"end\":99999999999}]}")).isEqualTo("sources[0].end: must be an integer");
        assertThat(problem(head + "\"sources\":[{\"page\":2}]}")).isEqualTo("sources[0].page: unknown field");
        assertThat(problem(head + "\"agreement\":{\"title\":\"x\"}}")).isEqualTo("agreement.id: is required");
        assertThat(problem(head + "\"place\":[\"Oslo\"]}")).isEqualTo("place: must be a name or an object");
        assertThat(problem(head.replace("\"2024\"", "{\"precision\":\"year\"}") + "\"status\":\"extracted\"}"))
                .isEqualTo("date.value: is required");
        assertThat(problem(head.replace("\"2024\"", "[2024]") + "\"status\":\"extracted\"}"))
                .isEqualTo("date: must be a date string or a date object");
        assertThat(problem("{\"externalId\":\"k\",\"type\":\"visit\",\"title\":\"T\"}")).isEqualTo("date: is required");
        assertThat(problem("[1,2]")).isEqualTo("expected a JSON object");
        assertThat(problem("{\"id\":{\"a\":1},\"type\":\"visit\",\"title\":\"T\",\"date\":\"2024\"}")).isEqualTo("id: must be a string");
    }

    @Test
    void brokenJsonIsTheFirstFaultEvenAfterARefusedFieldAndTrailingValuesAreRefused() throws IOException {
        List<RecordReader.Item> items = read("{\"colour\":1,\"type\":\"visit\" oops}\n"
                + "{\"externalId\":\"a\",\"type\":\"visit\",\"title\":\"T\",\"date\":\"2024\"} {\"externalId\":\"b\"}\n"
                + "{\"colour\":1,\"externalId\":\"c\",\"title\":\"Cu");
        assertThat(items).extracting(RecordReader.Item::line).containsExactly(1L, 2L, 3L);
        assertThat(items.get(0).problem()).startsWith("malformed JSON: ");
        assertThat(items.get(1).problem()).isEqualTo("malformed JSON: more than one value on the line");
        assertThat(items.get(2).problem()).startsWith("truncated or malformed JSON on the last line: ");
    }

    private static ImportRecord only(String line) throws IOException {
        List<RecordReader.Item> items = read(line + "\n");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).problem()).isNull();
        return items.get(0).record();
    }

    private static String problem(String line) throws IOException {
        List<RecordReader.Item> items = read(line + "\n");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).record()).isNull();
        return items.get(0).problem();
    }

    private static List<RecordReader.Item> read(String body) throws IOException {
        NdjsonEventReader reader = new NdjsonEventReader(new LineReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 1 << 20),
                new JsonFactory(), new NativeEventMapper("test"));
        List<RecordReader.Item> out = new ArrayList<>();
        for (RecordReader.Item item = reader.next(); item != null; item = reader.next()) {
            out.add(item);
        }
        return out;
    }
}
