package news.timeline.imports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Reading and writing overlap, and writing runs in several lanes: the request thread parses records and deals
 * them out by external key to {@code lanes} writer threads, each with its own connection, so PostgreSQL works on
 * more than one core while the reader goes on. A key always goes to the same lane, whose batches are written in
 * order, one at a time, so a later record with the same key always sees the earlier one stored; records with
 * different keys are independent (each batch is its own transaction), which is what makes the lanes safe. Each
 * lane queues at most two batches, so memory stays bounded whatever the size of the file.
 */
final class BatchPipeline {

    private static final List<ImportRecord> END = List.of();

    private final Lane[] lanes;
    private final int batchSize;
    private final ImportTally tally;
    private final Runnable afterBatch;

    BatchPipeline(ExecutorService executor, int lanes, int batchSize, Supplier<BulkEventWriter> writers, ImportTally tally,
                  Runnable afterBatch) {
        this.batchSize = Math.max(1, batchSize);
        this.tally = tally;
        this.afterBatch = afterBatch;
        this.lanes = new Lane[Math.max(1, lanes)];
        for (int i = 0; i < this.lanes.length; i++) {
            this.lanes[i] = new Lane(executor, writers.get());
        }
    }

    /** Adds a parsed record to its lane's batch, handing the batch to the lane's writer when it is full. */
    void add(ImportRecord record) throws IOException {
        String key = BulkEventWriter.key(record);
        Lane lane = lanes[Math.floorMod(key.hashCode(), lanes.length)];
        // the same record twice in one batch: the later one must see the earlier one stored
        if (!lane.keys.add(key)) {
            lane.flush();
            lane.keys.add(key);
        }
        lane.batch.add(record);
        if (lane.batch.size() >= batchSize) {
            lane.flush();
        }
    }

    /**
     * Hands over the partial batches and waits until every batch is stored (or refused); rethrows what stopped a
     * writer. What was read whole is stored whole, even when the body broke off after it.
     */
    void finish() throws IOException {
        // every lane is flushed, then every lane ended, whatever one of them threw: no writer thread is left waiting
        Failures failures = new Failures();
        for (Lane lane : lanes) {
            failures.run(lane::flush);
        }
        for (Lane lane : lanes) {
            failures.run(lane::end);
        }
        failures.rethrow();
    }

    /** What went wrong while finishing the lanes: an interruption wins over the first writer failure. */
    private static final class Failures {
        private IOException interrupted;
        private RuntimeException failed;

        void run(LaneStep step) {
            try {
                step.run();
            } catch (InterruptedIOException e) {
                interrupted = e;
            } catch (IOException | RuntimeException e) {
                failed = failed != null ? failed : e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }

        void rethrow() throws IOException {
            if (interrupted != null) {
                throw interrupted;
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

    private interface LaneStep {
        void run() throws IOException;
    }

    /** Where the writers' time went, summed over the lanes. */
    String timings() {
        long[] sum = new long[4];
        for (Lane lane : lanes) {
            long[] t = lane.writer.phaseNanos();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += t[i];
            }
        }
        return String.format("%d lane(s); resolve %d ms, lookup %d ms, write %d ms, commit %d ms", lanes.length,
                sum[0] / 1_000_000, sum[1] / 1_000_000, sum[2] / 1_000_000, sum[3] / 1_000_000);
    }

    /** Writers report from their own threads; the callback (job progress) sees one batch at a time. */
    private synchronized void batchDone(BulkEventWriter.Result result) {
        for (BulkEventWriter.Outcome o : result.outcomes().values()) {
            tally.add(o);
        }
        for (Map.Entry<ImportRecord, String> e : result.rejected().entrySet()) {
            tally.reject(e.getKey().line(), e.getValue());
        }
        afterBatch.run();
    }

    /** One writer thread with its queue and the batch being filled for it. */
    private final class Lane {
        private final BlockingQueue<List<ImportRecord>> queue = new ArrayBlockingQueue<>(2);
        private final BulkEventWriter writer;
        private final Future<?> writing;
        private final Set<String> keys = new HashSet<>();
        private List<ImportRecord> batch = new ArrayList<>();
        private volatile RuntimeException failure;

        Lane(ExecutorService executor, BulkEventWriter writer) {
            this.writer = writer;
            this.writing = executor.submit(this::drain);
        }

        private void drain() {
            while (true) {
                List<ImportRecord> next = take();
                if (next == END || next == null) {
                    return;
                }
                if (failure != null) {
                    continue; // keep draining so the reader never blocks on a dead writer
                }
                try {
                    batchDone(writer.write(next));
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        }

        /** Hands the batch being filled to the writer, waiting while two are already queued. */
        void flush() throws IOException {
            if (batch.isEmpty()) {
                return;
            }
            if (failure != null) {
                throw failure;
            }
            put(batch);
            batch = new ArrayList<>(batchSize);
            keys.clear();
        }

        void end() throws IOException {
            put(END);
            try {
                writing.get();
            } catch (InterruptedException e) {
                writing.cancel(true);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("import interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException("import writer failed", e.getCause());
            }
            if (failure != null) {
                throw failure;
            }
        }

        private void put(List<ImportRecord> b) throws InterruptedIOException {
            try {
                queue.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("import interrupted");
            }
        }

        private List<ImportRecord> take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
