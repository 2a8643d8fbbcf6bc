package news.timeline.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code application/json}: an array of event objects, read element by element with a streaming parser so the
 * array is never held whole. A syntax error ends the read (JSON cannot resynchronise); what came before stays.
 */
final class JsonArrayEventReader implements RecordReader {

    private final JsonParser parser;
    private final ObjectMapper json;
    private final NativeEventMapper mapper;
    private boolean started;
    private boolean done;

    JsonArrayEventReader(InputStream in, ObjectMapper json, NativeEventMapper mapper) throws IOException {
        this.parser = json.getFactory().createParser(in);
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public Item next() throws IOException {
        if (done) {
            return null;
        }
        long line = parser.currentLocation().getLineNr();
        try {
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first == null) {
                    done = true;
                    return null;
                }
                if (first != JsonToken.START_ARRAY) {
                    done = true;
                    return Item.rejected(1, "expected a JSON array of events");
                }
            }
            JsonToken t = parser.nextToken();
            line = parser.currentLocation().getLineNr();
            if (t == JsonToken.END_ARRAY || t == null) {
                done = true;
                return t == null ? Item.rejected(line, "truncated JSON: the array is not closed") : null;
            }
            // the element is read whole first, so a record the mapper refuses halfway leaves the parser at the next one
            JsonNode node = json.readTree(parser);
            try (JsonParser element = node.traverse(json)) {
                return Item.of(mapper.map(element, line));
            } catch (RecordProblem p) {
                return Item.rejected(line, p.getMessage());
            }
        } catch (CharConversionException e) {
            done = true;
            return Item.rejected(line, "not valid UTF-8; the rest of the array cannot be read");
        } catch (JsonProcessingException e) {
            done = true;
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            String why = e.getOriginalMessage();
            if (why != null && why.startsWith("Invalid UTF-8") && e.getLocation() != null && e.getLocation().getByteOffset() > 0) {
                // counted from 1, like a line's bytes in the NDJSON and CSV reports (the parser stands just past it)
                return Item.rejected(at, "not valid UTF-8 (byte " + e.getLocation().getByteOffset()
                        + " of the body); the rest of the array cannot be read");
            }
            int cut = why.indexOf('\n');
            return Item.rejected(at, "malformed JSON, the rest of the array cannot be read: " + (cut > 0 ? why.substring(0, cut) : why));
        }
    }
}
