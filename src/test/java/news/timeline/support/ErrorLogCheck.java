package news.timeline.support;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A green build and a quiet log mean the same thing: a handler on the root logger (JBoss LogManager, which the
 * service logs through in tests) collects every ERROR record, and each test fails when one was logged while it ran
 * that it did not declare with {@link ExpectedErrorLog}. Registered for every test class through
 * {@code META-INF/services} (quarkus-junit's {@code junit-platform.properties} turns extension autodetection on).
 *
 * <p>A record logged after a test's answer reached it (the container finishing a response, a background job)
 * may land after that test's check: the class's check after its last test catches it, and a record between classes
 * fails the next test, whose message names the thread and logger.
 */
public class ErrorLogCheck implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    /** What the check saw; {@code logger: message} is what {@link ExpectedErrorLog} patterns match. */
    record Seen(String logger, String message, String thread, String thrown) {

        String line() {
            return logger + ": " + message;
        }
    }

    static final Collector COLLECTOR = new Collector();

    /** Collects ERROR (and FATAL) records from any thread. */
    static final class Collector extends Handler {

        private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

        Collector() {
            setLevel(Level.SEVERE);
        }

        @Override
        public void publish(LogRecord r) {
            if (r == null || r.getLevel().intValue() < Level.SEVERE.intValue()) {
                return;
            }
            String message = r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage();
            String thread = r instanceof ExtLogRecord e ? e.getThreadName() : "thread " + r.getLongThreadID();
            Throwable t = r.getThrown();
            seen.add(new Seen(r.getLoggerName(), message, thread, t == null ? null : t.getClass().getName() + ": " + t.getMessage()));
        }

        List<Seen> drain() {
            List<Seen> out = new ArrayList<>();
            Seen s;
            while ((s = seen.poll()) != null) {
                out.add(s);
            }
            return out;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Installs the collector on the root logger, once; again after a restart of the application replaced its handlers. */
    static void install() {
        Logger root = Logger.getLogger("");
        if (!Arrays.asList(root.getHandlers()).contains(COLLECTOR)) {
            root.addHandler(COLLECTOR);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        install();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context, List.of(context.getRequiredTestMethod(), context.getRequiredTestClass()), "while it ran");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context, List.of(context.getRequiredTestClass()), "after its last test's check (a late record)");
    }

    private static void check(ExtensionContext context, List<AnnotatedElement> declaring, String when) {
        List<Pattern> expected = declaring.stream()
                .map(e -> AnnotationSupport.findAnnotation(e, ExpectedErrorLog.class))
                .flatMap(Optional::stream)
                .flatMap(a -> Arrays.stream(a.value()))
                .map(p -> Pattern.compile(p, Pattern.DOTALL))
                .toList();
        List<Seen> unexpected = COLLECTOR.drain().stream()
                .filter(s -> expected.stream().noneMatch(p -> p.matcher(s.line()).matches()))
                .toList();
        if (!unexpected.isEmpty()) {
            throw new AssertionError(unexpected.size() + " unexpected ERROR log record(s) " + when + " in "
                    + context.getDisplayName() + " (declare deliberate ones with @ExpectedErrorLog):\n"
                    + unexpected.stream().map(s -> "  [" + s.thread() + "] " + s.line()
                    + (s.thrown() == null ? "" : "\n    " + s.thrown())).collect(Collectors.joining("\n")));
        }
    }
}
