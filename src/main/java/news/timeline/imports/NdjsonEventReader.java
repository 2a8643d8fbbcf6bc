package news.timeline.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;

/**
 * {@code application/x-ndjson}: one event object per line in the service's own shape; blank lines are skipped. Each
 * line is mapped straight from the parser's tokens. A line is reported for its first fault in this order: broken
 * JSON (also after a field the mapper refused), a wrong field, content after the object.
 */
final class NdjsonEventReader implements RecordReader {

    private final LineReader lines;
    private final JsonFactory json;
    private final NativeEventMapper mapper;

    NdjsonEventReader(LineReader lines, JsonFactory json, NativeEventMapper mapper) {
        this.lines = lines;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public Item next() throws IOException {
        LineReader.Line line = lines.nextNonBlank();
        if (line == null) {
            return null;
        }
        if (line.problem() != null) {
            return Item.rejected(line.number(), line.problem());
        }
        try (JsonParser parser = json.createParser(line.text())) {
            ImportRecord record;
            try {
                record = mapper.map(parser, line.number());
            } catch (RecordProblem p) {
                while (parser.nextToken() != null) {
                    // the rest of the line still has to be JSON: a syntax error is the line's first fault
                }
                return Item.rejected(line.number(), p.getMessage());
            }
            if (parser.nextToken() != null) {
                return Item.rejected(line.number(), "malformed JSON: more than one value on the line");
            }
            return Item.of(record);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            int cut = why.indexOf('\n');
            why = cut > 0 ? why.substring(0, cut) : why;
            return Item.rejected(line.number(), line.lastWithoutNewline()
                    ? "truncated or malformed JSON on the last line: " + why
                    : "malformed JSON: " + why);
        }
    }
}
