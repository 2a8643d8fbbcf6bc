package news.timeline.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** {@code application/x-ndjson}: one event object per line in the service's own shape; blank lines are skipped. */
final class NdjsonEventReader implements RecordReader {

    private final LineReader lines;
    private final ObjectMapper json;
    private final NativeEventMapper mapper;

    NdjsonEventReader(LineReader lines, ObjectMapper json, NativeEventMapper mapper) {
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
        JsonNode node;
        try {
            node = json.readTree(line.text());
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            int cut = why.indexOf('\n');
            why = cut > 0 ? why.substring(0, cut) : why;
            return Item.rejected(line.number(), line.lastWithoutNewline()
                    ? "truncated or malformed JSON on the last line: " + why
                    : "malformed JSON: " + why);
        }
        try {
            return Item.of(mapper.map(node, line.number()));
        } catch (RecordProblem p) {
            return Item.rejected(line.number(), p.getMessage());
        }
    }
}
