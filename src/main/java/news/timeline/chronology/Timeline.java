package news.timeline.chronology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import news.timeline.actors.ActorSummary;
import news.timeline.events.EventView;

import java.net.URI;
import java.util.List;

/**
 * A page of a chronology: the actors it is about (none for a plain event list), its events in order, and the
 * cursor of the next page. {@code title} names it for the formats that need one (feeds, calendars, widgets).
 */
public record Timeline(@JsonIgnore String title,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ActorSummary> actors,
                       List<EventView> items,
                       String next,
                       @JsonIgnore URI self,
                       @JsonIgnore URI nextLink) {

    /** The media types a chronology renders as; {@code export} has one writer for each but JSON. */
    public static final String JSON = "application/json";
    public static final String TIMELINEJS = "application/vnd.timelinejs+json";
    public static final String VIS = "application/vnd.vis-timeline+json";
    public static final String CSV = "text/csv";
    public static final String ICS = "text/calendar";
    public static final String ATOM = "application/atom+xml";

    Timeline withLinks(URI self, URI nextLink) {
        return new Timeline(title, actors, items, next, self, nextLink);
    }

    /**
     * A weak validator for conditional GET: the page's events with their last change, the actors shown in it, and
     * the next cursor. Cheap on purpose (a deep hash of every record cost more than the page's SQL): an event's
     * edits, sources and participants move its {@code updatedAt}; actors are covered by id and name.
     */
    public String fingerprint() {
        long h = 1125899906842597L;
        for (ActorSummary a : actors) {
            h = 31 * h + a.id().hashCode();
            h = 31 * h + a.name().hashCode();
        }
        for (EventView e : items) {
            h = 1099511628211L * h + e.id().getMostSignificantBits() ^ e.id().getLeastSignificantBits();
            h = 31 * h + (e.updatedAt() == null ? 0 : e.updatedAt().getEpochSecond() * 1_000_000_000L + e.updatedAt().getNano());
            for (EventView.Participant p : e.participants()) {
                h = 31 * h + p.actor().id().hashCode();
                h = 31 * h + p.actor().name().hashCode();
            }
            h = 31 * h + e.sources().size();
        }
        h = 31 * h + (next == null ? 0 : next.hashCode());
        return Long.toUnsignedString(h, 36) + "-" + items.size();
    }


}
