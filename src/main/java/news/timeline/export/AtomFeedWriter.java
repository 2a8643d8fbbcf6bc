package news.timeline.export;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;
import news.timeline.chronology.Timeline;
import news.timeline.events.EventView;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4287 Atom via Rome: one entry per event, {@code updated} from the event's last change (poll with
 * {@code addedSince} for "what happened since"), a {@code next} link to the following page.
 */
@Provider
@Produces(Timeline.ATOM)
public class AtomFeedWriter extends TimelineWriter {

    @Override
    void write(Timeline timeline, OutputStream out) throws IOException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(timeline.title());
        feed.setUri(timeline.self() == null ? "urn:timeline:feed" : timeline.self().toString());
        feed.setAuthor("timeline");
        List<SyndLink> links = new ArrayList<>();
        if (timeline.self() != null) {
            links.add(link(timeline.self().toString(), "self"));
        }
        if (timeline.nextLink() != null) {
            links.add(link(timeline.nextLink().toString(), "next"));
        }
        feed.setLinks(links);
        Instant newest = Instant.EPOCH;
        List<SyndEntry> entries = new ArrayList<>();
        for (EventView e : timeline.items()) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:uuid:" + e.id());
            entry.setTitle(e.title());
            Instant updated = e.updatedAt() != null ? e.updatedAt() : Instant.EPOCH;
            newest = updated.isAfter(newest) ? updated : newest;
            entry.setUpdatedDate(Date.from(updated));
            if (e.createdAt() != null) {
                entry.setPublishedDate(Date.from(e.createdAt()));
            }
            SyndCategoryImpl category = new SyndCategoryImpl();
            category.setName(e.type());
            entry.setCategories(List.of(category));
            e.sources().stream().map(EventView.Source::url).filter(u -> u != null).findFirst()
                    .ifPresent(entry::setLink);
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(summary(e));
            entry.setDescription(summary);
            entries.add(entry);
        }
        feed.setPublishedDate(Date.from(newest));
        feed.setEntries(entries);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            new SyndFeedOutput().output(feed, w);
        } catch (FeedException e) {
            throw new IOException("cannot write the Atom feed", e);
        }
        w.flush();
    }

    private static SyndLink link(String href, String rel) {
        SyndLink l = new SyndLinkImpl();
        l.setHref(href);
        l.setRel(rel);
        return l;
    }

    static String summary(EventView e) {
        StringBuilder b = new StringBuilder(e.date().value());
        if (e.date().approximate()) {
            b.append(" (approximate)");
        }
        if (e.endDate() != null) {
            b.append(news.timeline.web.HistoricDates.isOpen(e.endDate()) ? " - ongoing" : " - " + e.endDate().value());
        }
        if (!e.participants().isEmpty()) {
            b.append(": ").append(e.participants().stream().map(p -> p.actor().name()).collect(Collectors.joining(", ")));
        }
        if (e.summary() != null) {
            b.append(". ").append(e.summary());
        }
        return b.toString();
    }
}
