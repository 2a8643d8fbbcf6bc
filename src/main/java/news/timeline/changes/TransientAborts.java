package news.timeline.changes;

import java.sql.SQLException;
import java.util.Set;

/**
 * Transactions PostgreSQL aborts only because of what ran beside them: a deadlock (40P01) or a serialization failure
 * (40001). Run again, the same transaction succeeds, so a writer retries it a few times instead of answering the
 * client with an error it did not cause.
 */
public final class TransientAborts {

    /** SQLSTATE deadlock_detected and serialization_failure. */
    private static final Set<String> STATES = Set.of("40P01", "40001");

    /** Attempts in all, the first included, before the abort goes to the caller. */
    public static final int ATTEMPTS = 5;

    private TransientAborts() {
    }

    /** Waits a little longer after each aborted attempt, with jitter, so two retrying writers do not meet again. */
    public static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 50) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to run an aborted transaction again", e);
        }
    }

    /** True when {@code e} or one of its causes is such an abort. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && STATES.contains(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
