package news.timeline.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The reading half of an NDJSON import on one thread: bytes to validated records (lines, UTF-8, JSON, the event
 * shape, actor keys), no database. One operation reads {@link #RECORDS} lines shaped like the import benchmark's
 * ({@code src/test/bench/imports/generate_events.py}), so records/s = RECORDS / time per operation.
 * <pre>
 * ./mvnw -o test-compile exec:exec -Pbench -Dbench=NdjsonReadBenchmark -Dbench.args="-f 1 -wi 3 -i 5 -t 1 -prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class NdjsonReadBenchmark {

    static final int RECORDS = 20_000;
    private static final String[] TYPES = {"meeting", "visit", "statement", "negotiation", "accusation", "aid", "report"};
    private static final String[] PLACES = {"Pyongyang", "Moscow", "Kyiv", "Geneva", null};

    private final ObjectMapper json = new ObjectMapper();
    private byte[] body;

    @Setup
    public void setUp() throws IOException {
        StringBuilder out = new StringBuilder();
        Random r = new Random(42);
        for (int i = 0; i < RECORDS; i++) {
            String a = String.format("Bench Actor %04d", r.nextInt(2000));
            String b = String.format("Bench Actor %04d", r.nextInt(2000));
            String place = PLACES[r.nextInt(PLACES.length)];
            out.append("{\"externalId\":\"bench-").append(i).append("\",\"type\":\"").append(TYPES[r.nextInt(TYPES.length)])
                    .append("\",\"title\":\"Meeting between ").append(a).append(" and ").append(b).append(" (").append(i)
                    .append(")\",\"summary\":\"Generated event ").append(i).append(" for the import benchmark; ")
                    .append("x".repeat(40 + r.nextInt(160))).append(".\",\"date\":\"20").append(15 + r.nextInt(10))
                    .append("-0").append(1 + r.nextInt(9)).append("-1").append(r.nextInt(10))
                    .append("\",\"participants\":[{\"actor\":{\"name\":\"").append(a).append("\",\"kind\":\"organization\"},\"role\":\"participant\"},")
                    .append("{\"actor\":{\"name\":\"").append(b).append("\",\"kind\":\"organization\"},\"role\":\"participant\"}],")
                    .append("\"sources\":[{\"url\":\"https://news.example.org/").append(i).append("\",\"quote\":\"Quote ").append(i)
                    .append(" from the article.\"}],\"confidence\":0.").append(50 + r.nextInt(50));
            if (place != null) {
                out.append(",\"place\":{\"name\":\"").append(place).append("\"}");
            }
            out.append("}\n");
        }
        body = out.toString().getBytes(StandardCharsets.UTF_8);
        System.out.printf("%n%d records, %d bytes%n", RECORDS, body.length);
    }

    @Benchmark
    public void read(Blackhole sink) throws IOException {
        RecordReader reader = new NdjsonEventReader(new LineReader(new ByteArrayInputStream(body), 1 << 20),
                json.getFactory(), new NativeEventMapper("bench"));
        for (RecordReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (item.record() == null) {
                throw new IllegalStateException(item.problem());
            }
            sink.consume(item.record());
        }
    }
}
