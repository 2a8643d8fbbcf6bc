package news.timeline.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import news.timeline.extraction.temporal.Precision;

import java.io.IOException;

/**
 * JSON conventions: ISO dates, lower-case precisions, unknown fields rejected (a typo is a 400, not silence), no NUL
 * character in any text (PostgreSQL cannot store one: it would be a 500 at the write).
 */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

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
        mapper.registerModule(module);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    /** Strings as Jackson reads them, refused with the field's path when they hold U+0000. */
    static final class TextWithoutNul extends JsonDeserializer<String> {

        static final String MESSAGE = "contains a NUL character (U+0000), which text cannot hold";

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && s.indexOf('\0') >= 0) {
                throw JsonMappingException.from(p, MESSAGE, new IllegalArgumentException(MESSAGE));
            }
            return s;
        }
    }
}
