package news.timeline.export;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import news.timeline.chronology.Timeline;
import news.timeline.events.EventView;
import news.timeline.web.HistoricDates;
import news.timeline.extraction.temporal.DateValue;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * RFC 5545 iCalendar via ical4j: each event is an all-day VEVENT over the days its date covers (DTEND is exclusive,
 * so the day after the last). A month-precision event spans the month, which is what the source supports.
 */
@Provider
@Produces(Timeline.ICS)
public class ICalendarWriter extends TimelineWriter {

    @Override
    void write(Timeline timeline, OutputStream out) throws IOException {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//timeline//chronology//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", timeline.title()));
        int before = 0;
        for (EventView e : timeline.items()) {
            DateValue d = e.date();
            if (d.start().getYear() < 1) {
                // RFC 5545 dates have four-digit years from 0001: such an event has no calendar form
                before++;
                continue;
            }
            boolean open = HistoricDates.isOpen(e.endDate());
            DateValue last = e.endDate() != null && !open ? e.endDate() : d;
            // still going on: no DTEND past the start; the description says it is ongoing
            VEvent event = new VEvent(d.start(), last.end().plusDays(1), e.title());
            Instant stamp = e.updatedAt() != null ? e.updatedAt() : Instant.EPOCH;
            event.replace(new DtStamp(stamp));
            event.add(new Uid(e.id() + "@timeline"));
            event.add(new Categories(e.type()));
            event.add(new Description(description(e)));
            if (e.place() != null && e.place().name() != null) {
                event.add(new Location(e.place().name()));
            }
            calendar.add(event);
        }
        if (before > 0) {
            calendar.add(new XProperty("X-TIMELINE-OMITTED", before + " events before year 1, which iCalendar cannot date"));
        }
        // CalendarOutputter closes the writer it is given; flushing that closed writer afterwards threw "Stream
        // closed" and the container logged the failure twice, after the client already had the whole calendar
        Writer w = new FilterWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
        new CalendarOutputter(false).output(calendar, w);
        w.flush();
    }

    private static String description(EventView e) {
        StringBuilder b = new StringBuilder();
        b.append("Date: ").append(e.date().value()).append(" (").append(e.date().precision().apiName())
                .append(e.date().approximate() ? ", approximate" : "").append(')');
        if (HistoricDates.isOpen(e.endDate())) {
            b.append(", ongoing");
        }
        if (e.summary() != null) {
            b.append("\n").append(e.summary());
        }
        if (!e.participants().isEmpty()) {
            b.append("\nParticipants: ").append(e.participants().stream().map(p -> p.actor().name()).collect(Collectors.joining(", ")));
        }
        return b.toString();
    }
}
