package news.timeline.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import news.timeline.extraction.temporal.Precision;

import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.LocalDate;

/**
 * JSON conventions: ISO dates, lower-case precisions, unknown fields rejected (a typo is a 400, not silence), no NUL
 * character in any text (PostgreSQL cannot store one: it would be a 500 at the write), and every value of the JSON
 * type its field has: a text field takes a JSON string only ({@code "body": 123} is not the text "123"), a number
 * field a number ({@code "start": "5"} and {@code "start": 1.5} are refused, not read as 5 and 1), a flag true or false.
 */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

    /** Last of all customizers: after Quarkus registers the java.time module, whose LocalDate reader would win otherwise. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("timeline");
        module.addSerializer(Precision.class, new JsonSerializer<>() {
            @Override
            public void serialize(Precision value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.apiName());
            }
        });
        module.addDeserializer(Precision.class, new JsonDeserializer<>() {
            @Override
            public Precision deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Precision.fromApiName(p.getValueAsString());
            }
        });
        module.addDeserializer(String.class, new TextWithoutNul());
        module.addDeserializer(LocalDate.class, new DayAsText());
        mapper.registerModule(module);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    /**
     * Strings as Jackson reads them, refused with the field's path when they hold U+0000 or are no JSON string at all
     * (Jackson would read a number or a boolean as its text, and an object's first scalar as the whole value).
     */
    static final class TextWithoutNul extends JsonDeserializer<String> {

        static final String MESSAGE = "contains a NUL character (U+0000), which text cannot hold";

        static final String NOT_TEXT = "must be a string";

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw JsonMappingException.from(p, NOT_TEXT, new IllegalArgumentException(NOT_TEXT));
            }
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && s.indexOf('\0') >= 0) {
                throw JsonMappingException.from(p, MESSAGE, new IllegalArgumentException(MESSAGE));
            }
            return s;
        }
    }

    /**
     * Days as ISO strings only: Jackson's own reader takes a number as a day since 1970 ({@code -1} is 1969-12-31)
     * and an empty array as no date at all.
     */
    static final class DayAsText extends JsonDeserializer<LocalDate> {

        static final String MESSAGE = "must be a date (YYYY-MM-DD)";

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw JsonMappingException.from(p, MESSAGE, new IllegalArgumentException(MESSAGE));
            }
            return LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
        }
    }
}
