package news.timeline.events;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Participants and sources reference their event, and participants their actor, through per-statement checks (V043)
 * instead of foreign keys: the same guarantees, checked against the real database, including the lock that
 * keeps a concurrent delete out.
 */
@QuarkusTest
class EventReferencesTest {

    @Inject
    DataSource db;

    @Test
    void aParticipantOrSourceOfAMissingEventIsRefusedAndNothingIsStored() throws SQLException {
        UUID missing = UUID.randomUUID();
        UUID actor = actor();
        try (Connection c = db.getConnection()) {
            assertThatThrownBy(() -> participant(c, missing, actor))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"))
                    .hasMessageContaining(missing.toString());
            assertThatThrownBy(() -> source(c, missing))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
        }
        assertThat(count("select count(*) from event_participants where event_id = ?", missing)).isZero();
        assertThat(count("select count(*) from event_sources where event_id = ?", missing)).isZero();
    }

    @Test
    void oneMissingEventAmongManyRowsRefusesTheWholeStatement() throws SQLException {
        UUID event = event();
        UUID missing = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into event_sources (id, event_id, url, created_at) select gen_random_uuid(), e, 'https://x.example', now() "
                        + "from unnest(?::uuid[]) e")) {
            ps.setArray(1, c.createArrayOf("uuid", new Object[] {event, missing, event}));
            assertThatThrownBy(ps::executeUpdate)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
        }
        assertThat(count("select count(*) from event_sources where event_id = ?", event)).isZero();
    }

    @Test
    void movingARowToAMissingEventIsRefused() throws SQLException {
        UUID event = event();
        try (Connection c = db.getConnection()) {
            source(c, event);
            try (PreparedStatement ps = c.prepareStatement("update event_sources set event_id = ? where event_id = ?")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, event);
                assertThatThrownBy(ps::executeUpdate)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
            }
        }
        assertThat(count("select count(*) from event_sources where event_id = ?", event)).isEqualTo(1);
    }

    @Test
    void deletingEventsDeletesTheirParticipantsAndSources() throws SQLException {
        UUID kept = event();
        UUID gone = event();
        UUID actor = actor();
        try (Connection c = db.getConnection()) {
            participant(c, kept, actor);
            participant(c, gone, actor);
            source(c, kept);
            source(c, gone);
            try (PreparedStatement ps = c.prepareStatement("delete from events where id = ?")) {
                ps.setObject(1, gone);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        assertThat(count("select count(*) from event_participants where event_id = ?", gone)).isZero();
        assertThat(count("select count(*) from event_sources where event_id = ?", gone)).isZero();
        assertThat(count("select count(*) from event_participants where event_id = ?", kept)).isEqualTo(1);
        assertThat(count("select count(*) from event_sources where event_id = ?", kept)).isEqualTo(1);
    }

    @Test
    void anEventReferencedByAnOpenTransactionCannotBeDeletedUntilItEnds() throws SQLException {
        UUID event = event();
        // another transaction's event: locked until the writer commits
        deleteWaitsForTheWriter(c -> source(c, event), "delete from events where id = ?", event);
        // the delete came after the commit, so the committed source went with its event: nothing is left orphaned
        assertThat(count("select count(*) from event_sources where event_id = ?", event)).isZero();
    }

    @Test
    void anEventDeletedWhileAnotherTransactionAddsToItLeavesNoOrphan() throws SQLException {
        UUID event = event();
        try (Connection deleter = db.getConnection(); Connection writer = db.getConnection()) {
            deleter.setAutoCommit(false);
            try (PreparedStatement ps = deleter.prepareStatement("delete from events where id = ?")) {
                ps.setObject(1, event);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (Statement s = writer.createStatement()) {
                s.execute("set lock_timeout = '300ms'");
            }
            try {
                // the writer waits for the deleter's lock on the event; it cannot add to it meanwhile
                assertThatThrownBy(() -> source(writer, event))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55P03"));
                deleter.commit();
                // once the delete is committed, the event is gone and the reference is refused
                assertThatThrownBy(() -> source(writer, event))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
            } finally {
                try (Statement s = writer.createStatement()) {
                    s.execute("reset lock_timeout");
                }
                deleter.setAutoCommit(true);
            }
        }
        assertThat(count("select count(*) from event_sources where event_id = ?", event)).isZero();
    }

    @Test
    void aParticipationOfAMissingActorIsRefusedAndMovingOneToAMissingActorToo() throws SQLException {
        UUID event = event();
        UUID actor = actor();
        UUID missing = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            assertThatThrownBy(() -> participant(c, event, missing))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"))
                    .hasMessageContaining(missing.toString());
            participant(c, event, actor);
            try (PreparedStatement ps = c.prepareStatement("update event_participants set actor_id = ? where actor_id = ?")) {
                ps.setObject(1, missing);
                ps.setObject(2, actor);
                assertThatThrownBy(ps::executeUpdate)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
                UUID other = actor();
                ps.setObject(1, other);
                assertThat(ps.executeUpdate()).isEqualTo(1); // a merge moves participations to an existing actor
            }
        }
        assertThat(count("select count(*) from event_participants where event_id = ?", event)).isEqualTo(1);
        assertThat(count("select count(*) from event_participants where actor_id = ?", missing)).isZero();
    }

    @Test
    void deletingAnActorDeletesItsParticipations() throws SQLException {
        UUID event = event();
        UUID gone = actor();
        UUID kept = actor();
        try (Connection c = db.getConnection()) {
            participant(c, event, gone);
            participant(c, event, kept);
            try (PreparedStatement ps = c.prepareStatement("delete from actors where id = ?")) {
                ps.setObject(1, gone);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        assertThat(count("select count(*) from event_participants where actor_id = ?", gone)).isZero();
        assertThat(count("select count(*) from event_participants where actor_id = ?", kept)).isEqualTo(1);
    }

    @Test
    void anActorReferencedByAnOpenTransactionCannotBeDeletedUntilItEnds() throws SQLException {
        UUID event = event();
        UUID actor = actor();
        deleteWaitsForTheWriter(c -> participant(c, event, actor), "delete from actors where id = ?", actor);
        assertThat(count("select count(*) from event_participants where actor_id = ?", actor)).isZero();
    }

    private interface Write {
        void run(Connection c) throws SQLException;
    }

    /**
     * While a transaction that wrote a reference is open, deleting the referenced row waits (and here times out);
     * once it has committed, the delete goes through.
     */
    private void deleteWaitsForTheWriter(Write write, String delete, UUID id) throws SQLException {
        try (Connection writer = db.getConnection(); Connection deleter = db.getConnection()) {
            writer.setAutoCommit(false);
            write.run(writer);
            try (Statement s = deleter.createStatement()) {
                s.execute("set lock_timeout = '300ms'");
            }
            try (PreparedStatement ps = deleter.prepareStatement(delete)) {
                ps.setObject(1, id);
                assertThatThrownBy(ps::executeUpdate)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55P03"));
                writer.commit();
                assertThat(ps.executeUpdate()).isEqualTo(1);
            } finally {
                try (Statement s = deleter.createStatement()) {
                    s.execute("reset lock_timeout");
                }
                writer.setAutoCommit(true);
            }
        }
    }

    @Test
    void eventsCannotBeTruncatedWithoutTheirParticipantsAndSources() throws SQLException {
        UUID event = event();
        try (Connection c = db.getConnection()) {
            source(c, event);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // event_search and search_queue are named too, so only the reference check can refuse it
                assertThatThrownBy(() -> s.execute("truncate events, event_search, search_queue"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        assertThat(count("select count(*) from events where id = ?", event)).isEqualTo(1);
    }

    private UUID actor() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into actors (id, kind, slug, name, created_at, updated_at) values (?, 'person', ?, 'Reference Test', now(), now())")) {
            ps.setObject(1, id);
            ps.setString(2, "reference-test-" + id);
            ps.executeUpdate();
        }
        return id;
    }

    private UUID event() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into events (id, type, title, "
                + "date_value, date_precision, date_start, date_end, date_approximate, confidence, status, created_at, updated_at) "
                + "values (?, 'meeting', 'Reference test', '2024-06', 'month', '2024-06-01', '2024-06-30', false, 1, 'confirmed', now(), now())")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        return id;
    }

    private static void participant(Connection c, UUID event, UUID actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into event_participants (event_id, actor_id, role, event_start, "
                + "event_end, precision_rank) values (?, ?, 'participant', '2024-06-01', '2024-06-30', 3)")) {
            ps.setObject(1, event);
            ps.setObject(2, actor);
            ps.executeUpdate();
        }
    }

    private static void source(Connection c, UUID event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into event_sources (id, event_id, url, created_at) values (?, ?, 'https://x.example', now())")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, event);
            ps.executeUpdate();
        }
    }

    private long count(String sql, UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
