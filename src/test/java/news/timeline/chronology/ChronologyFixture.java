package news.timeline.chronology;

import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.extraction.temporal.DateValue;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Builds the data a test needs straight in the tables the read side reads (actors, affiliations, events with their
 * participants' date mirror, sources, change log). Every name gets a per-test suffix so tests never share data.
 */
@ApplicationScoped
public class ChronologyFixture {

    public record Actor(UUID id, String slug, String name) {
    }

    private final DataSource dataSource;

    ChronologyFixture(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public Actor actor(String kind, String name, String suffix) {
        UUID id = UUID.randomUUID();
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + suffix;
        exec("insert into actors (id, kind, slug, name, created_at, updated_at) values (?, ?, ?, ?, now(), now())",
                id, kind, slug, name);
        return new Actor(id, slug, name);
    }

    public void affiliate(Actor member, Actor to, String validFrom, String validTo) {
        exec("insert into actor_affiliations (id, actor_id, affiliated_to, role, valid_from, valid_to, created_at) values (?, ?, ?, 'member', ?, ?, now())",
                UUID.randomUUID(), member.id(), to.id(), validFrom == null ? null : LocalDate.parse(validFrom),
                validTo == null ? null : LocalDate.parse(validTo));
    }

    public UUID event(String type, String title, String date, Actor... participants) {
        return event(type, title, DateValue.parse(date), "confirmed", Instant.now(), participants);
    }

    public UUID event(String type, String title, DateValue d, String status, Instant updatedAt, Actor... participants) {
        UUID id = UUID.randomUUID();
        exec("""
                insert into events (id, type, title, summary, date_value, date_precision, date_start, date_end, date_approximate,
                                    place_name, confidence, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Pyongyang', 0.9, ?, ?, ?)""",
                id, type, title, "Summary of " + title, d.value(), d.precision().apiName(), d.start(), d.end(), d.approximate(),
                status, updatedAt.atOffset(ZoneOffset.UTC), updatedAt.atOffset(ZoneOffset.UTC));
        for (Actor a : participants) {
            exec("insert into event_participants (event_id, actor_id, role, event_start, event_end, precision_rank) values (?, ?, 'participant', ?, ?, ?)",
                    id, a.id(), d.start(), d.end(), (short) d.precision().rank());
        }
        exec("insert into event_sources (id, event_id, url, quote, start_offset, end_offset, created_at) values (?, ?, ?, ?, 0, 10, now())",
                UUID.randomUUID(), id, "https://news.example/" + id, "Quote about " + title);
        return id;
    }

    public void change(String entity, UUID id, String action, UUID mergedInto, Instant at) {
        exec("insert into changes (entity, entity_id, action, merged_into, changed_at) values (?, ?, ?, ?, ?)",
                entity, id, action, mergedInto, at.atOffset(ZoneOffset.UTC));
    }

    private void exec(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
