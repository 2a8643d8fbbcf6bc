package news.timeline.events;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import news.timeline.actors.ActorSummary;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.JsonSetup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The hand-written event serializer writes byte for byte what Jackson's record serializer would. */
class EventViewSerializerTest {

    /** Turns the class's {@code @JsonSerialize} off again, so Jackson falls back to its reflective record serializer. */
    @JsonSerialize(using = JsonSerializer.None.class)
    private interface Reflective {
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper().findAndRegisterModules();
        new JsonSetup().customize(m);
        return m;
    }

    private final ObjectMapper fast = mapper();
    private final ObjectMapper reflective = mapper().addMixIn(EventView.class, Reflective.class);

    @Test
    void theComparisonIsBetweenTwoSerializers() throws Exception {
        assertTrue((Object) fast.getSerializerProviderInstance().findValueSerializer(EventView.class) instanceof EventViewSerializer);
        assertFalse((Object) reflective.getSerializerProviderInstance().findValueSerializer(EventView.class) instanceof EventViewSerializer);
    }

    @Test
    void fullEventIsWrittenAsTheRecordSerializerWritesIt() throws Exception {
        EventView e = new EventView(UUID.randomUUID(), "meeting", "Kim \"and\" Shoigu meet — in Pyongyang",
                "A summary\nwith a line break and a tab\t.", DateValue.parse("2024-09-13"), DateValue.parse("2024-Q4").withApproximate(true),
                new EventView.Place("Pyongyang"),
                List.of(new EventView.Participant(new ActorSummary(UUID.randomUUID(), "kim-jong-un", "Kim Jong-un", "person"), "participant"),
                        new EventView.Participant(new ActorSummary(UUID.randomUUID(), "sergei-shoigu", "Sergei Shoigu", "person"), "host")),
                new EventView.AgreementRef(UUID.randomUUID(), "Treaty on Comprehensive Strategic Partnership"),
                List.of(new EventView.Source(UUID.randomUUID(), "https://news.example/a?b=1&c=2", "Quote with émojis 🙂 and <tags>",
                        12, 80, "event.meeting.v1", "extract-1.2", UUID.randomUUID())),
                EventView.confidence(0.59f), "confirmed", "gdelt:1234",
                Instant.parse("2024-09-14T09:45:00.123456Z"), Instant.parse("2024-09-14T10:00:00Z"));
        String written = fast.writeValueAsString(e);
        assertEquals(reflective.writeValueAsString(e), written);
        assertNotEquals(-1, written.indexOf("\"confidence\":0.59,"), written);
    }

    @Test
    void emptyAndMissingPartsAreWrittenAsTheRecordSerializerWritesThem() throws Exception {
        EventView e = new EventView(null, "statement", "t", null, DateValue.parse("199"), null, null, List.of(), null,
                List.of(new EventView.Source(null, null, null, null, null, null, null, null)), 1.0, "extracted", null, null, null);
        assertEquals(reflective.writeValueAsString(e), fast.writeValueAsString(e));
        EventView nullLists = new EventView(UUID.randomUUID(), "x", "y", null, DateValue.parse("2024-09-13T14:30Z"), null, null,
                null, null, null, 0.0, "rejected", null, Instant.EPOCH, Instant.EPOCH);
        assertEquals(reflective.writeValueAsString(nullLists), fast.writeValueAsString(nullLists));
    }

    @Test
    void eventsInsideOtherRecordsUseIt() throws Exception {
        record Page(List<EventView> items, String next) {
        }
        EventView e = new EventView(UUID.randomUUID(), "meeting", "t", null, DateValue.parse("2024-06"), null, null, List.of(), null,
                List.of(), 0.5, "confirmed", "ext", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"));
        Page p = new Page(List.of(e, e), "abc");
        assertEquals(reflective.writeValueAsString(p), fast.writeValueAsString(p));
    }
}
