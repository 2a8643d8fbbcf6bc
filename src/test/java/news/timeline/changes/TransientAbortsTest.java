package news.timeline.changes;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures a writer runs again: deadlocks and serialization failures, however deeply wrapped; nothing else. */
class TransientAbortsTest {

    @Test
    void deadlocksAndSerializationFailuresAreTransientWhereverTheyAreWrapped() {
        assertThat(TransientAborts.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientAborts.isTransient(new PersistenceException("flush",
                new RuntimeException(new SQLException("could not serialize access", "40001"))))).isTrue();
        SQLException batch = new SQLException("batch entry 3 failed", "XX000");
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(TransientAborts.isTransient(new PersistenceException(batch))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(TransientAborts.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientAborts.isTransient(new SQLException("no state"))).isFalse();
        assertThat(TransientAborts.isTransient(new IllegalStateException("boom"))).isFalse();
        assertThat(TransientAborts.isTransient(null)).isFalse();
    }
}
