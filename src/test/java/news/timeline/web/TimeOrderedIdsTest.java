package news.timeline.web;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7AndAscendInTheOrderTheyWereMade() {
        UUID previous = TimeOrderedIds.next();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = TimeOrderedIds.next();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            // PostgreSQL orders uuids by their bytes, i.e. as unsigned numbers: the most significant half decides
            assertThat(Long.compareUnsigned(id.getMostSignificantBits(), previous.getMostSignificantBits())).isPositive();
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }

    @Test
    void theTimestampIsTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long ms = id.getMostSignificantBits() >>> 16;
        assertThat(ms).isBetween(before, System.currentTimeMillis() + 1000);
    }
}
