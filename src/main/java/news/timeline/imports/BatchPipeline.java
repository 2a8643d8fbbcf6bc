package news.timeline.imports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reading and writing overlap: the request thread parses the next batch while a writer thread stores the last
 * one. The queue holds at most two batches, so memory stays bounded whatever the size of the file; batches are
 * written in order, one at a time, so a later record always sees an earlier one stored.
 */
final class BatchPipeline {

    private static final List<ImportRecord> END = List.of();

    private final BlockingQueue<List<ImportRecord>> queue = new ArrayBlockingQueue<>(2);
    private final Future<?> writing;
    private volatile RuntimeException failure;

    BatchPipeline(ExecutorService executor, BulkEventWriter writer, ImportTally tally, Runnable afterBatch) {
        this.writing = executor.submit(() -> {
            while (true) {
                List<ImportRecord> batch = take();
                if (batch == END || batch == null) {
                    return;
                }
                if (failure != null) {
                    continue; // keep draining so the reader never blocks on a dead writer
                }
                try {
                    BulkEventWriter.Result result = writer.write(batch);
                    for (BulkEventWriter.Outcome o : result.outcomes().values()) {
                        tally.add(o);
                    }
                    for (Map.Entry<ImportRecord, String> e : result.rejected().entrySet()) {
                        tally.reject(e.getKey().line(), e.getValue());
                    }
                    afterBatch.run();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        });
    }

    /** Hands a full batch to the writer, waiting while two are already queued. */
    void submit(List<ImportRecord> batch) throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted");
        }
    }

    /** Waits until every submitted batch is stored (or refused); rethrows what stopped the writer. */
    void finish() throws IOException {
        try {
            queue.put(END);
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

    private List<ImportRecord> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
