package news.timeline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import news.timeline.extraction.temporal.ReferenceTime;
import news.timeline.extraction.temporal.RuleBasedTimexTagger;
import news.timeline.extraction.temporal.Timex;
import news.timeline.extraction.temporal.TimexTagger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the time tagger on news text: one operation tags the whole corpus (each document against its
 * DCT), so MB/s = corpus size / score. The corpus is the TimeML training set ({@code corpus} parameter, a
 * directory of .tml files) or, when absent, the news sample embedded in the test resources.
 * <pre>
 * ./mvnw -o test-compile exec:exec -Pbench -Dbench=TimexTaggerBenchmark -Dbench.args="-f 1 -wi 3 -i 5 -t 1"
 * </pre>
 * The setup prints the corpus size; divide it by the reported time per operation for MB/s (wall clock). Each
 * iteration also prints the MB/s per core from the thread's CPU time, which stays meaningful on a busy machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TimexTaggerBenchmark {

    private static final Pattern TEXT = Pattern.compile("<TEXT>(.*?)</TEXT>", Pattern.DOTALL);
    private static final Pattern DCT = Pattern.compile("functionInDocument=\"CREATION_TIME\"[^>]*value=\"([0-9T:-]+)\"|value=\"([0-9T:-]+)\"[^>]*functionInDocument=\"CREATION_TIME\"");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    @Param({"../../shared/corpora/tempeval3-train"})
    public String corpus;

    private final List<String> texts = new ArrayList<>();
    private final List<ReferenceTime> references = new ArrayList<>();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private TimexTagger tagger;
    private long chars;
    private long cpuNanos;
    private long ops;

    @Setup(Level.Trial)
    public void load() throws IOException {
        tagger = RuleBasedTimexTagger.english();
        Path dir = Path.of(corpus);
        if (!Files.isDirectory(dir)) {
            dir = Path.of("/work/shared/corpora/tempeval3-train");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tml")).sorted().toList()) {
                    String xml = Files.readString(f, StandardCharsets.UTF_8);
                    Matcher t = TEXT.matcher(xml);
                    Matcher d = DCT.matcher(xml);
                    if (t.find()) {
                        texts.add(unescape(TAG.matcher(t.group(1)).replaceAll("")));
                        String dct = d.find() ? (d.group(1) != null ? d.group(1) : d.group(2)) : "2000-01-01";
                        references.add(ReferenceTime.parse(dct.length() > 10 ? dct.substring(0, 10) : dct));
                    }
                }
            }
        } else {
            try (var in = TimexTaggerBenchmark.class.getResourceAsStream("/bench/news-sample.txt")) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("no corpus at " + corpus + " and no embedded sample"));
                }
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                references.add(ReferenceTime.parse("1998-02-27"));
            }
        }
        chars = texts.stream().mapToLong(String::length).sum();
        long bytes = texts.stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.printf("%n[corpus] %d documents, %d characters, %d bytes (UTF-8) per operation%n", texts.size(), chars, bytes);
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    @Benchmark
    public void tagCorpus(Blackhole bh) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < texts.size(); i++) {
            List<Timex> found = tagger.tag(texts.get(i), references.get(i));
            bh.consume(found);
        }
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu0;
        ops++;
    }

    /**
     * On a shared machine wall-clock time includes waiting for a core; the CPU time of the tagging thread is the
     * per-core cost. Printed after each iteration next to JMH's wall-clock score.
     */
    @TearDown(Level.Iteration)
    public void reportCpu() {
        if (ops > 0) {
            double secondsPerOp = cpuNanos / 1e9 / ops;
            System.out.printf("  [cpu] %.1f ms/op of thread CPU time = %.2f MB/s per core%n", secondsPerOp * 1e3, chars / secondsPerOp / 1e6);
        }
        cpuNanos = 0;
        ops = 0;
    }
}
