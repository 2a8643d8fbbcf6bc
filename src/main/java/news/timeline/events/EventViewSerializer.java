package news.timeline.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import news.timeline.actors.ActorSummary;
import news.timeline.extraction.temporal.DateValue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Writes an {@link EventView} field by field, with its names encoded once. Event pages are the service's hottest
 * output (a 100-event timeline page is about 100 KB of JSON), and Jackson's record serializer reaches every component
 * through reflection. The shape is exactly the one that serializer writes, component order and nulls included;
 * {@code EventViewSerializerTest} compares the two.
 */
public final class EventViewSerializer extends StdSerializer<EventView> {

    private static final SerializableString ID = name("id");
    private static final SerializableString TYPE = name("type");
    private static final SerializableString TITLE = name("title");
    private static final SerializableString SUMMARY = name("summary");
    private static final SerializableString DATE = name("date");
    private static final SerializableString END_DATE = name("endDate");
    private static final SerializableString PLACE = name("place");
    private static final SerializableString NAME = name("name");
    private static final SerializableString PARTICIPANTS = name("participants");
    private static final SerializableString ACTOR = name("actor");
    private static final SerializableString ALIASES = name("aliases");
    private static final SerializableString SLUG = name("slug");
    private static final SerializableString KIND = name("kind");
    private static final SerializableString ROLE = name("role");
    private static final SerializableString AGREEMENT = name("agreement");
    private static final SerializableString SOURCES = name("sources");
    private static final SerializableString ARTICLE_ID = name("articleId");
    private static final SerializableString URL = name("url");
    private static final SerializableString QUOTE = name("quote");
    private static final SerializableString START = name("start");
    private static final SerializableString END = name("end");
    private static final SerializableString RULE_ID = name("ruleId");
    private static final SerializableString EXTRACTOR_VERSION = name("extractorVersion");
    private static final SerializableString CONFIDENCE = name("confidence");
    private static final SerializableString STATUS = name("status");
    private static final SerializableString EXTERNAL_ID = name("externalId");
    private static final SerializableString CREATED_AT = name("createdAt");
    private static final SerializableString UPDATED_AT = name("updatedAt");
    private static final SerializableString VALUE = name("value");
    private static final SerializableString PRECISION = name("precision");
    private static final SerializableString APPROXIMATE = name("approximate");

    public EventViewSerializer() {
        super(EventView.class);
    }

    @Override
    public void serialize(EventView e, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject(e);
        g.writeFieldName(ID);
        uuid(g, e.id());
        g.writeFieldName(TYPE);
        g.writeString(e.type());
        g.writeFieldName(TITLE);
        g.writeString(e.title());
        g.writeFieldName(SUMMARY);
        g.writeString(e.summary());
        g.writeFieldName(DATE);
        date(g, e.date());
        g.writeFieldName(END_DATE);
        date(g, e.endDate());
        g.writeFieldName(PLACE);
        if (e.place() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeFieldName(NAME);
            g.writeString(e.place().name());
            g.writeEndObject();
        }
        g.writeFieldName(PARTICIPANTS);
        if (e.participants() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (EventView.Participant p : e.participants()) {
                g.writeStartObject();
                g.writeFieldName(ACTOR);
                actor(g, p.actor());
                g.writeFieldName(ROLE);
                g.writeString(p.role());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeFieldName(AGREEMENT);
        if (e.agreement() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeFieldName(ID);
            uuid(g, e.agreement().id());
            g.writeFieldName(NAME);
            g.writeString(e.agreement().name());
            g.writeEndObject();
        }
        g.writeFieldName(SOURCES);
        if (e.sources() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (EventView.Source s : e.sources()) {
                source(g, s);
            }
            g.writeEndArray();
        }
        g.writeFieldName(CONFIDENCE);
        g.writeNumber(e.confidence());
        g.writeFieldName(STATUS);
        g.writeString(e.status());
        g.writeFieldName(EXTERNAL_ID);
        g.writeString(e.externalId());
        g.writeFieldName(CREATED_AT);
        instant(g, e.createdAt());
        g.writeFieldName(UPDATED_AT);
        instant(g, e.updatedAt());
        g.writeEndObject();
    }

    private static void source(JsonGenerator g, EventView.Source s) throws IOException {
        g.writeStartObject();
        g.writeFieldName(ARTICLE_ID);
        uuid(g, s.articleId());
        g.writeFieldName(URL);
        g.writeString(s.url());
        g.writeFieldName(QUOTE);
        g.writeString(s.quote());
        g.writeFieldName(START);
        integer(g, s.start());
        g.writeFieldName(END);
        integer(g, s.end());
        g.writeFieldName(RULE_ID);
        g.writeString(s.ruleId());
        g.writeFieldName(EXTRACTOR_VERSION);
        g.writeString(s.extractorVersion());
        g.writeFieldName(ID);
        uuid(g, s.id());
        g.writeEndObject();
    }

    private static void actor(JsonGenerator g, ActorSummary a) throws IOException {
        if (a == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName(ID);
        uuid(g, a.id());
        g.writeFieldName(SLUG);
        g.writeString(a.slug());
        g.writeFieldName(NAME);
        g.writeString(a.name());
        g.writeFieldName(KIND);
        g.writeString(a.kind());
        if (a.aliases() != null) {
            g.writeFieldName(ALIASES);
            g.writeStartArray();
            for (String alias : a.aliases()) {
                g.writeString(alias);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void date(JsonGenerator g, DateValue d) throws IOException {
        if (d == null) {
            g.writeNull();
            return;
        }
        if (news.timeline.web.HistoricDates.isOpen(d)) {
            g.writeStartObject();
            g.writeFieldName(VALUE);
            g.writeString(d.value());
            g.writeBooleanField("open", true);
            g.writeEndObject();
            return;
        }
        g.writeStartObject();
        g.writeFieldName(VALUE);
        g.writeString(d.value());
        g.writeFieldName(PRECISION);
        g.writeString(d.precision().apiName());
        g.writeFieldName(START);
        day(g, d.start());
        g.writeFieldName(END);
        day(g, d.end());
        g.writeFieldName(APPROXIMATE);
        g.writeBoolean(d.approximate());
        g.writeEndObject();
    }

    private static void uuid(JsonGenerator g, UUID id) throws IOException {
        if (id == null) {
            g.writeNull();
        } else {
            g.writeString(id.toString());
        }
    }

    private static void day(JsonGenerator g, LocalDate day) throws IOException {
        g.writeString(day.toString());
    }

    private static void instant(JsonGenerator g, Instant t) throws IOException {
        if (t == null) {
            g.writeNull();
        } else {
            g.writeString(t.toString());
        }
    }

    private static void integer(JsonGenerator g, Integer i) throws IOException {
        if (i == null) {
            g.writeNull();
        } else {
            g.writeNumber(i.intValue());
        }
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }
}
