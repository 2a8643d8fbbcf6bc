package news.timeline.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows created together get neighbouring ids,
 * so a bulk load appends to the right edge of the id indexes instead of touching a random page for every row;
 * random v4 ids made PostgreSQL's COPY of imported events a fifth slower. The ids are as unique and as opaque
 * as v4 ids to clients; they are identifiers, not secrets, so the random part need not come from a
 * cryptographic generator (SecureRandom serializes threads on the system's entropy source).
 */
public final class TimeOrderedIds {

    /** Millisecond and 12-bit counter of the last id, so ids made in the same millisecond still ascend. */
    private static final AtomicLong LAST = new AtomicLong();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        long stamp = LAST.updateAndGet(last -> {
            long now = System.currentTimeMillis() << 12;
            return now > last ? now : last + 1;
        });
        long ms = stamp >>> 12;
        long counter = stamp & 0xfff;
        long high = (ms << 16) | 0x7000L | counter;
        long low = (ThreadLocalRandom.current().nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
