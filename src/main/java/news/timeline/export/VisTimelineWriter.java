package news.timeline.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;
import news.timeline.chronology.Timeline;
import news.timeline.events.EventView;
import news.timeline.web.HistoricDates;

import java.time.Clock;
import java.time.LocalDate;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.extraction.temporal.Precision;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * vis-timeline {@code DataSet} input: {@code items} and {@code groups}. A day (or minute) is a {@code point}; a coarser
 * date is a {@code range} over the days it covers (vis ends are exclusive, so the day after the last). Groups are event
 * types. {@code content} is HTML-escaped (vis renders it as HTML).
 */
@Provider
@Produces(Timeline.VIS)
public class VisTimelineWriter extends TimelineWriter {

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    VisTimelineWriter(Clock clock) {
        this.clock = clock;
    }

    @Override
    void write(Timeline timeline, OutputStream out) throws IOException {
        ObjectNode root = json.createObjectNode();
        ArrayNode items = root.putArray("items");
        Map<String, String> groups = new LinkedHashMap<>();
        for (EventView e : timeline.items()) {
            ObjectNode item = items.addObject();
            DateValue d = e.date();
            item.put("id", e.id().toString());
            item.put("content", Html.escape(e.title()));
            item.put("title", Html.escape(DisplayDate.of(d)));
            item.put("group", e.type());
            groups.putIfAbsent(e.type(), e.type().replace('_', ' '));
            boolean open = HistoricDates.isOpen(e.endDate());
            DateValue last = e.endDate() != null && !open ? e.endDate() : d;
            boolean point = (d.precision() == Precision.DAY || d.precision() == Precision.MINUTE) && e.endDate() == null;
            // dates go out in ECMAScript's form, whose years before 0 have six digits (-000044-03-15)
            if (point) {
                item.put("type", "point");
                item.put("start", d.precision() == Precision.MINUTE ? d.value().replace("Z", ":00Z") : HistoricDates.scriptDay(d.start()));
            } else {
                item.put("type", "range");
                item.put("start", HistoricDates.scriptDay(d.start()));
                // vis-timeline has no open range: one still going on reaches today, marked "open-ended"
                LocalDate end = open ? LocalDate.now(clock).plusDays(1) : last.end().plusDays(1);
                item.put("end", HistoricDates.scriptDay(end.isAfter(d.start()) ? end : d.start().plusDays(1)));
            }
            item.put("className", "precision-" + d.precision().apiName() + (d.approximate() ? " approximate" : "")
                    + (open ? " open-ended" : ""));
        }
        ArrayNode g = root.putArray("groups");
        groups.forEach((id, label) -> g.addObject().put("id", id).put("content", Html.escape(label)));
        root.put("next", timeline.next());
        json.writeValue(out, root);
    }
}
