package news.timeline.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;
import news.timeline.chronology.Timeline;
import news.timeline.events.EventView;
import news.timeline.web.HistoricDates;
import news.timeline.extraction.temporal.DateValue;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * Knight Lab TimelineJS 3 JSON: a slide per event. Partial dates keep their precision (a month is {@code {year, month}}),
 * coarse dates get an {@code end_date}, every slide has a {@code display_date} and its event type as {@code group};
 * headline and text are HTML-escaped because TimelineJS renders them as HTML.
 */
@Provider
@Produces(Timeline.TIMELINEJS)
public class TimelineJsWriter extends TimelineWriter {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    void write(Timeline timeline, OutputStream out) throws IOException {
        ObjectNode root = json.createObjectNode();
        ObjectNode title = root.putObject("title");
        title.putObject("text").put("headline", Html.escape(timeline.title()))
                .put("text", Html.escape(timeline.actors().stream().map(a -> a.name()).collect(Collectors.joining(", "))));
        ArrayNode events = root.putArray("events");
        for (EventView e : timeline.items()) {
            ObjectNode slide = events.addObject();
            slide.put("unique_id", e.id().toString());
            DateValue d = e.date();
            slide.set("start_date", start(d));
            boolean open = HistoricDates.isOpen(e.endDate());
            if (!open && (!d.start().equals(d.end()) || e.endDate() != null)) {
                slide.set("end_date", end(e.endDate() != null ? e.endDate() : d));
            }
            // TimelineJS has no open span: an event still going on is its start, said to be ongoing
            slide.put("display_date", DisplayDate.of(d) + (open ? " – ongoing"
                    : e.endDate() != null ? " – " + DisplayDate.of(e.endDate()) : ""));
            slide.put("group", e.type().replace('_', ' '));
            ObjectNode text = slide.putObject("text");
            text.put("headline", Html.escape(e.title()));
            text.put("text", body(e));
        }
        if (timeline.next() != null) {
            root.put("next", timeline.next());
        }
        json.writeValue(out, root);
    }

    private ObjectNode start(DateValue d) {
        ObjectNode n = json.createObjectNode();
        LocalDate s = d.start();
        n.put("year", s.getYear());
        switch (d.precision()) {
            case MINUTE -> {
                String time = d.value().substring(11, 16);
                n.put("month", s.getMonthValue()).put("day", s.getDayOfMonth())
                        .put("hour", Integer.parseInt(time.substring(0, 2))).put("minute", Integer.parseInt(time.substring(3, 5)));
            }
            case DAY, WEEK -> n.put("month", s.getMonthValue()).put("day", s.getDayOfMonth());
            case MONTH, SEASON, QUARTER -> n.put("month", s.getMonthValue());
            default -> {
                // year, decade, century: the year alone
            }
        }
        n.put("display_date", DisplayDate.of(d));
        return n;
    }

    private ObjectNode end(DateValue d) {
        ObjectNode n = json.createObjectNode();
        LocalDate e = d.end();
        n.put("year", e.getYear());
        switch (d.precision()) {
            case MINUTE, DAY, WEEK -> n.put("month", e.getMonthValue()).put("day", e.getDayOfMonth());
            case MONTH, SEASON, QUARTER -> n.put("month", e.getMonthValue());
            default -> {
            }
        }
        return n;
    }

    private static String body(EventView e) {
        StringBuilder b = new StringBuilder();
        if (e.summary() != null) {
            b.append("<p>").append(Html.escape(e.summary())).append("</p>");
        }
        if (!e.participants().isEmpty()) {
            b.append("<p>").append(Html.escape(e.participants().stream().map(p -> p.actor().name()).collect(Collectors.joining(", "))))
                    .append("</p>");
        }
        if (e.place() != null && e.place().name() != null) {
            b.append("<p>").append(Html.escape(e.place().name())).append("</p>");
        }
        if (e.date().approximate()) {
            b.append("<p>(approximate date)</p>");
        }
        return b.toString();
    }
}
