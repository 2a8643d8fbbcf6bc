package news.timeline.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;
import news.timeline.chronology.Timeline;
import news.timeline.events.EventView;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV (CRLF line ends, a header row, quoting as needed), one row per event; many-valued cells use "; ". */
@Provider
@Produces(Timeline.CSV)
public class CsvEventWriter extends TimelineWriter {

    @JsonPropertyOrder({"id", "date", "precision", "start", "end", "approximate", "endDate", "type", "title", "summary", "place",
            "participants", "agreement", "status", "confidence", "sources", "createdAt", "updatedAt"})
    record Row(String id, String date, String precision, String start, String end, boolean approximate, String endDate,
               String type, String title, String summary, String place, String participants, String agreement, String status,
               double confidence, String sources, String createdAt, String updatedAt) {
    }

    private final ObjectWriter writer;

    public CsvEventWriter() {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = mapper.schemaFor(Row.class).withHeader().withLineSeparator("\r\n");
        writer = mapper.writer(schema);
    }

    @Override
    void write(Timeline timeline, OutputStream out) throws IOException {
        List<Row> rows = timeline.items().stream().map(CsvEventWriter::row).toList();
        writer.writeValue(out, rows);
    }

    private static Row row(EventView e) {
        return new Row(e.id().toString(), e.date().value(), e.date().precision().apiName(), e.date().start().toString(),
                e.date().end().toString(), e.date().approximate(), e.endDate() == null ? null : e.endDate().value(), e.type(),
                e.title(), e.summary(), e.place() == null ? null : e.place().name(),
                e.participants().stream().map(p -> p.actor().name()).collect(Collectors.joining("; ")),
                e.agreement() == null ? null : e.agreement().name(), e.status(), e.confidence(),
                e.sources().stream().map(s -> s.url()).filter(u -> u != null).collect(Collectors.joining("; ")),
                e.createdAt() == null ? null : e.createdAt().toString(), e.updatedAt() == null ? null : e.updatedAt().toString());
    }
}
