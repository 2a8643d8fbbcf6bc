package news.timeline.export;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import news.timeline.chronology.Digest;
import news.timeline.chronology.Timeline;
import news.timeline.events.EventView;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A digest as an RFC 4287 Atom feed: a first entry with the counts (its id changes with them, so a reader shows a
 * new one when something changed), then one entry per event shown, as {@link AtomFeedWriter} writes them.
 */
@Provider
@Produces(Timeline.ATOM)
public class DigestAtomWriter implements MessageBodyWriter<Digest> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Digest.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Digest d, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(d.title());
        feed.setUri(d.self() == null ? "urn:timeline:digest" : d.self().toString());
        feed.setAuthor("timeline");
        if (d.self() != null) {
            SyndLinkImpl self = new SyndLinkImpl();
            self.setHref(d.self().toString());
            self.setRel("self");
            feed.setLinks(List.of(self));
        }
        feed.setPublishedDate(Date.from(d.asOf()));
        List<SyndEntry> entries = new ArrayList<>();
        SyndEntry counts = new SyndEntryImpl();
        String text = counts(d);
        counts.setUri("urn:timeline:digest:" + d.since() + ":" + Integer.toUnsignedString(text.hashCode(), 36));
        counts.setTitle("Since " + d.since() + ": " + d.events().entered() + " new events, " + d.events().changed() + " changed");
        counts.setUpdatedDate(Date.from(d.asOf()));
        if (d.events().list() != null) {
            counts.setLink(d.events().list().toString());
        }
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(text);
        counts.setDescription(summary);
        entries.add(counts);
        for (EventView e : d.events().items()) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:uuid:" + e.id());
            entry.setTitle(e.title());
            if (e.updatedAt() != null) {
                entry.setUpdatedDate(Date.from(e.updatedAt()));
            }
            if (e.createdAt() != null) {
                entry.setPublishedDate(Date.from(e.createdAt()));
            }
            SyndCategoryImpl category = new SyndCategoryImpl();
            category.setName(e.type());
            entry.setCategories(List.of(category));
            e.sources().stream().map(EventView.Source::url).filter(u -> u != null).findFirst().ifPresent(entry::setLink);
            SyndContent c = new SyndContentImpl();
            c.setType("text");
            c.setValue(AtomFeedWriter.summary(e));
            entry.setDescription(c);
            entries.add(entry);
        }
        feed.setEntries(entries);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            new SyndFeedOutput().output(feed, w);
        } catch (FeedException e) {
            throw new IOException("cannot write the digest's Atom feed", e);
        }
        w.flush();
    }

    private static String counts(Digest d) {
        StringBuilder b = new StringBuilder();
        b.append("Events: ").append(d.events().entered()).append(" new, ").append(d.events().changed()).append(" changed");
        if (!d.events().byType().isEmpty()) {
            b.append(" (").append(d.events().byType().stream()
                    .map(t -> t.type() + " " + t.entered() + " new, " + t.changed() + " changed").collect(Collectors.joining("; ")))
                    .append(")");
        }
        b.append(".\n");
        for (Digest.ActorCount a : d.events().byActor()) {
            b.append(a.actor().name()).append(": ").append(a.entered()).append(" new");
            if (!a.byType().isEmpty()) {
                b.append(" (").append(a.byType().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))).append(")");
            }
            b.append(".\n");
        }
        b.append("Agreements: ").append(d.agreements().entered()).append(" new, ").append(d.agreements().changed()).append(" changed.\n");
        Digest.StatusChanges s = d.statusChanges();
        b.append("Decisions: ").append(s.confirmed()).append(" confirmed, ").append(s.rejected()).append(" rejected; ")
                .append(s.merged()).append(" merged");
        if (s.deleted() != null) {
            b.append(", ").append(s.deleted()).append(" deleted");
        }
        b.append(".\nNew actors: ").append(d.newActors().count());
        if (!d.newActors().items().isEmpty()) {
            b.append(" (").append(d.newActors().items().stream().map(a -> a.name()).collect(Collectors.joining(", "))).append(")");
        }
        return b.append('.').toString();
    }
}
