package news.timeline.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.extraction.temporal.Precision;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the API's date object from JSON: either the ISO string ({@code "2024-06"}, {@code "2024-W37"}) or the
 * object the service answers with ({@code {"value": "2024-06", "approximate": true}}; {@code precision},
 * {@code start} and {@code end} may be echoed back but must agree with {@code value}). Impossible dates such as
 * {@code 2024-02-30} fail with a message naming the problem.
 */
@Singleton
public class DateJson implements ObjectMapperCustomizer {

    private static final Set<String> FIELDS = Set.of("value", "precision", "start", "end", "approximate", "open");

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("timeline-dates");
        module.addDeserializer(DateValue.class, new Reader());
        mapper.registerModule(module);
    }

    static final class Reader extends JsonDeserializer<DateValue> {

        @Override
        public DateValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node.isTextual()) {
                return parse(p, node.asText());
            }
            if (!node.isObject()) {
                throw fail(p, "a date is a string such as \"2024-06\" or an object {\"value\": \"2024-06\", \"approximate\": false}");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw fail(p, "unknown field '" + name + "' in a date object (allowed: value, precision, start, end, approximate, open)");
                }
            }
            JsonNode open = node.get("open");
            if (open != null && !open.isNull()) {
                if (!open.isBoolean()) {
                    throw fail(p, "'open' must be true or false");
                }
                JsonNode v = node.get("value");
                if (open.booleanValue() && (v == null || v.isNull() || HistoricDates.OPEN_VALUE.equals(v.asText()))) {
                    return HistoricDates.OPEN_END;
                }
                if (open.booleanValue()) {
                    throw fail(p, "an open end has no value but '..' (or none): {\"open\": true}");
                }
            }
            JsonNode value = node.get("value");
            if (value == null || !value.isTextual()) {
                throw fail(p, "a date object needs a string 'value' such as \"2024-06\"");
            }
            DateValue d = parse(p, value.asText());
            JsonNode approx = node.get("approximate");
            if (approx != null && !approx.isNull()) {
                if (!approx.isBoolean()) {
                    throw fail(p, "'approximate' must be true or false");
                }
                d = d.withApproximate(approx.booleanValue());
            }
            JsonNode precision = node.get("precision");
            if (precision != null && !precision.isNull()) {
                Precision given;
                try {
                    given = Precision.fromApiName(precision.asText());
                } catch (IllegalArgumentException e) {
                    throw fail(p, e.getMessage() + "; allowed: minute, day, week, month, season, quarter, year, decade, century");
                }
                if (given != d.precision()) {
                    throw fail(p, "precision '" + precision.asText() + "' does not match value '" + d.value() + "' ("
                            + d.precision().apiName() + ")");
                }
            }
            agree(p, node, "start", d.start());
            agree(p, node, "end", d.end());
            return d;
        }

        private static void agree(JsonParser p, JsonNode node, String field, LocalDate expected) throws JsonMappingException {
            JsonNode given = node.get(field);
            if (given == null || given.isNull()) {
                return;
            }
            try {
                if (given.isTextual() && LocalDate.parse(given.asText()).equals(expected)) {
                    return;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw fail(p, "'" + field + "' is derived from 'value' and must be " + expected + " (or left out)");
        }

        private static DateValue parse(JsonParser p, String raw) throws JsonMappingException {
            try {
                return HistoricDates.parse(raw);
            } catch (IllegalArgumentException e) {
                throw fail(p, e.getMessage());
            }
        }

        private static JsonMappingException fail(JsonParser p, String message) {
            return JsonMappingException.from(p, message, new IllegalArgumentException(message));
        }
    }
}
