package news.timeline.imports;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CopyRowsTest {

    @Test
    void valuesAreWrittenInCopyTextFormat() {
        CopyRows rows = new CopyRows("t (a, b, c, d, e, f)");
        UUID id = UUID.randomUUID();
        Instant t = Instant.parse("2024-09-14T09:45:00.123456Z");
        rows.add(id).add(null).add("tab\there, new\nline, back\\slash, é 🙂").add(LocalDate.of(2024, 9, 13)).add(t).add(0.5f).endRow();
        rows.add(new UUID(0, 0)).add(new UUID(-1, -1)).add("").add(7).add(t).add(Instant.EPOCH).endRow();
        assertThat(rows.rows()).isEqualTo(2);
        assertThat(rows.text()).isEqualTo(
                id + "\t\\N\ttab\\there, new\\nline, back\\\\slash, é 🙂\t2024-09-13\t2024-09-14T09:45:00.123456Z\t0.5\n"
                + "00000000-0000-0000-0000-000000000000\tffffffff-ffff-ffff-ffff-ffffffffffff\t\t7\t2024-09-14T09:45:00.123456Z\t1970-01-01T00:00:00Z\n");
    }

    @Test
    void idsAreWrittenAsTheirCanonicalForm() {
        for (int i = 0; i < 10_000; i++) {
            UUID id = UUID.randomUUID();
            CopyRows rows = new CopyRows("t (id)");
            rows.add(id).endRow();
            assertThat(rows.text()).isEqualTo(id + "\n");
        }
    }

    @Test
    void aClearedBufferStartsAgain() {
        CopyRows rows = new CopyRows("t (a, b)");
        rows.add("x".repeat(100_000)).add(1).endRow();
        rows.clear().add("y").add(2).endRow();
        assertThat(rows.rows()).isEqualTo(1);
        assertThat(rows.text()).isEqualTo("y\t2\n");
    }
}
