package news.timeline.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.timeline.config.TimelineConfig;
import news.timeline.jobs.JobLeases;
import news.timeline.search.SearchIndexer;
import news.timeline.web.ApiProblem;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

/**
 * Bulk imports of events: reads the body as it streams in, one format reader per input format, and stores it in
 * batches of {@code timeline.imports.batch-size} records, each batch its own transaction. A record that is bad
 * is reported and skipped before anything is written; an interrupted import loses at most the batch in flight,
 * which a rerun stores (reruns answer {@code unchanged} for what is already there).
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,31}");
    private static final String SPOOL_SUFFIX = ".upload";

    /**
     * How one import runs: format, the external source its ids belong to, dry run, and whether a changed record
     * replaces an event edited through the API since its last import ({@code overwriteEdits}) or is rejected.
     */
    record Options(ImportFormat format, String source, boolean dryRun, boolean overwriteEdits) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final TimelineConfig.Imports config;
    private final ImportJobs jobs;
    private final SearchIndexer search;
    private final JobLeases leases;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "timeline-import-job");
        t.setDaemon(true);
        return t;
    });
    /** The writer threads of running imports, {@code timeline.imports.writers} each (see {@link BatchPipeline}). */
    private final ExecutorService writers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "timeline-import-writer");
        t.setDaemon(true);
        return t;
    });

    ImportService(AgroalDataSource dataSource, ObjectMapper json, TimelineConfig config, ImportJobs jobs, SearchIndexer search,
                  JobLeases leases) {
        this.dataSource = dataSource;
        this.leases = leases;
        this.search = search;
        this.json = json;
        this.config = config.imports();
        this.jobs = jobs;
    }

    void onStart(@Observes StartupEvent event) {
        // load the mapping tables now: a broken table fails the start, not the first import
        if (GdeltEventReader.cameo("01") == null || AcledEventReader.type("Battles", null) == null) {
            throw new IllegalStateException("the CAMEO or ACLED mapping table lacks its root rows");
        }
        failDeadJobs(true);
        // later, too: a replica that stopped for good leaves its jobs to the others, once their lease has run out
        leases.everyHalfLease(() -> failDeadJobs(false));
    }

    /**
     * Marks failed the jobs no live process runs (JobLeases), then removes spooled bodies of jobs that no longer run
     * from this replica's spool directory: at start always, later when a sweep found dead jobs.
     */
    private void failDeadJobs(boolean atStart) {
        int n = jobs.abandonUnfinished(clock.instant());
        if (n > 0) {
            LOG.warnf("%d import job(s) were left unfinished by a stopped replica or the last run and are marked failed", n);
        }
        if (atStart || n > 0) {
            int removed = removeStaleSpoolFiles();
            if (removed > 0) {
                LOG.infof("removed %d spooled import file(s) of jobs that no longer run", removed);
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        background.shutdownNow();
        writers.shutdownNow();
    }

    static Options options(String format, String contentType, String source, boolean dryRun, String onConflict) {
        ImportFormat f = ImportFormat.of(format, contentType);
        String s = switch (f) {
            case GDELT -> "gdelt";
            case ACLED -> "acled";
            default -> source == null || source.isBlank() ? "import" : source.trim();
        };
        if (!SOURCE.matcher(s).matches()) {
            throw ApiProblem.invalid("source", "must be 1 to 32 lower-case letters, digits, '.', '_' or '-'");
        }
        return new Options(f, s, dryRun, onConflict.equals("overwrite"));
    }

    long maxBytes() {
        return config.maxBytes();
    }

    /** Imports {@code body} now and reports what happened. */
    ImportReport importNow(InputStream body, Options options) {
        ImportTally tally = new ImportTally(options.format().apiName(), options.dryRun(), config.maxErrors());
        try {
            run(new LimitedInputStream(body, maxBytes()), options, tally, () -> { });
        } catch (BodyTooLarge e) {
            drain(body);
            ImportReport r = tally.report();
            throw new ApiProblem(413, "payload-too-large", "Payload too large", "the body is larger than the import limit of "
                    + e.limit + " bytes (timeline.imports.max-bytes); " + r.received() + " records were read and "
                    + (r.created() + r.updated() + r.unchanged()) + " stored before the limit, none of them in part. "
                    + "Split the file and rerun: stored records answer unchanged", null);
        } catch (IOException e) {
            ImportReport r = tally.report();
            LOG.infof("import stopped after %d records: the body could not be read (%s)", r.received(), e.getMessage());
            throw new ApiProblem(400, "body-unreadable", "Body unreadable", "the body stopped before its end after "
                    + r.received() + " records; the batches before that are stored whole, rerun the import to complete it", null);
        }
        return tally.report();
    }

    /**
     * Reads and drops what the client still sends (within reason), so that it is listening when the 413 comes:
     * an HTTP/1.1 client that is still writing when the server closes gets a reset instead of the answer.
     */
    private static void drain(InputStream body) {
        byte[] sink = new byte[64 * 1024];
        long deadline = System.nanoTime() + 10_000_000_000L;
        long drained = 0;
        try {
            int n;
            while ((n = body.read(sink)) >= 0 && drained < 256L * 1024 * 1024 && System.nanoTime() < deadline) {
                drained += n;
            }
        } catch (IOException e) {
            // the client gave up: nothing to answer
        }
    }

    /**
     * Spools {@code body} to a file (the request cannot outlive its connection) and imports it in the background.
     */
    ImportJob startJob(InputStream body, Options options) throws IOException {
        Path dir = spoolDirectory();
        Files.createDirectories(dir);
        UUID id = UUID.randomUUID();
        Path spool = dir.resolve(id + SPOOL_SUFFIX);
        // the job exists before its file does, so a start can tell every file of this database's jobs by its job
        jobs.create(id, options.format(), options.dryRun(), clock.instant());
        boolean handedOver = false;
        try {
            Files.copy(new LimitedInputStream(body, maxBytes()), spool);
            background.submit(() -> runJob(id, spool, options));
            handedOver = true;
        } catch (BodyTooLarge e) {
            abandon(id, "the body was larger than the import limit; nothing was imported");
            throw new ApiProblem(413, "payload-too-large", "Payload too large", "the body is larger than the import limit of "
                    + e.limit + " bytes (timeline.imports.max-bytes); nothing was imported", null);
        } catch (IOException e) {
            abandon(id, "the upload stopped before its end; nothing was imported");
            throw new ApiProblem(400, "body-unreadable", "Body unreadable", "the body stopped before its end; nothing was imported", null);
        } catch (RejectedExecutionException e) {
            abandon(id, "the service was stopping; nothing was imported");
            throw new ApiProblem(503, "unavailable", "Service Unavailable", "the service is stopping; send the import again", null);
        } catch (RuntimeException | Error e) {
            // a connection that broke mid-upload can surface as an unchecked exception of the HTTP layer
            abandon(id, "the upload stopped before its end; nothing was imported");
            throw e;
        } finally {
            if (!handedOver) {
                deleteSpool(spool);
            }
        }
        return jobs.find(id).orElseThrow();
    }

    private Path spoolDirectory() {
        return config.spoolDirectory().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir"), "timeline-imports"));
    }

    /** Marks a job that never ran as failed; a failure to do so must not hide the client's own error. */
    private void abandon(UUID id, String message) {
        try {
            jobs.finished(id, new ImportTally("", false, 0).report(), "failed", message, clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("cannot mark import job %s failed: %s", id, e.getMessage());
        }
    }

    private static void deleteSpool(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            LOG.warnf("cannot delete spooled import %s: %s", spool, e.getMessage());
        }
    }

    /**
     * Deletes the spooled bodies of jobs that no longer run: run at start, after the jobs the last run left are
     * marked failed, it removes what a killed process or a stop with jobs still queued left behind. A file whose
     * name is no job of this database may be another service's sharing the directory; it is left alone unless it
     * is older than a day (no upload or import takes that long).
     */
    int removeStaleSpoolFiles() {
        Path dir = spoolDirectory();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Map<UUID, Path> files = new HashMap<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "*" + SPOOL_SUFFIX)) {
            for (Path f : listing) {
                String name = f.getFileName().toString();
                try {
                    files.put(UUID.fromString(name.substring(0, name.length() - SPOOL_SUFFIX.length())), f);
                } catch (IllegalArgumentException e) {
                    // not a file of ours
                }
            }
        } catch (IOException e) {
            LOG.warnf("cannot list the import spool directory %s: %s", dir, e.getMessage());
            return 0;
        }
        Map<UUID, String> states = jobs.states(files.keySet());
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        int removed = 0;
        for (Map.Entry<UUID, Path> f : files.entrySet()) {
            String state = states.get(f.getKey());
            boolean stale = state != null ? !ImportJobs.RUNNING_STATES.contains(state) : olderThan(f.getValue(), dayAgo);
            if (stale) {
                deleteSpool(f.getValue());
                removed++;
            }
        }
        return removed;
    }

    private static boolean olderThan(Path file, Instant when) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(when);
        } catch (IOException e) {
            return false;
        }
    }

    ImportJob job(UUID id) {
        return jobs.find(id).orElseThrow(() -> ApiProblem.notFound("import job", id.toString()));
    }

    /** Runs a spooled job; its file is deleted when the job ends, however it ends. */
    private void runJob(UUID id, Path spool, Options options) {
        ImportTally tally = new ImportTally(options.format().apiName(), options.dryRun(), config.maxErrors());
        try (InputStream in = Files.newInputStream(spool)) {
            jobs.started(id, clock.instant());
            long[] last = {0};
            run(in, options, tally, () -> {
                long now = System.nanoTime();
                if (now - last[0] > 500_000_000L) {
                    last[0] = now;
                    jobs.progress(id, tally.report());
                }
            });
            jobs.finished(id, tally.report(), "succeeded", null, clock.instant());
        } catch (ApiProblem p) {
            jobs.finished(id, tally.report(), "failed", p.getMessage(), clock.instant());
        } catch (IOException | RuntimeException e) {
            LOG.error("import job " + id + " failed", e);
            jobs.finished(id, tally.report(), "failed", "the import stopped: the error is logged; rerunning it is safe", clock.instant());
        } finally {
            deleteSpool(spool);
        }
    }

    private void run(InputStream body, Options options, ImportTally tally, Runnable afterBatch) throws IOException {
        long started = System.nanoTime();
        // no BufferedInputStream: it keeps reading while available() > 0, and the request stream's available()
        // answers Content-Length, so it would wait for bytes not yet sent; the readers buffer themselves
        RecordReader reader = reader(body, options);
        BatchPipeline pipeline = new BatchPipeline(writers, config.writers(), config.batchSize(),
                () -> new BulkEventWriter(dataSource, clock, options.dryRun(), options.overwriteEdits()), tally, afterBatch);
        // the search indexer waits until the import is done, rather than compete with it for the cores
        try (SearchIndexer.Pause paused = search.pause()) {
            try {
                RecordReader.Item item;
                while ((item = reader.next()) != null) {
                    tally.received();
                    if (item.problem() != null) {
                        tally.reject(item.line(), item.problem());
                        continue;
                    }
                    pipeline.add(item.record());
                }
            } finally {
                // what was read whole is stored whole, even when the body broke off after it
                pipeline.finish();
                if (!options.dryRun()) {
                    makeDurable();
                }
                ImportReport r = tally.report();
                LOG.infof("import (%s%s) of %d records in %d ms: %d created, %d updated, %d unchanged, %d rejected; writers: %s",
                        options.format().apiName(), options.dryRun() ? ", dry run" : "", r.received(),
                        (System.nanoTime() - started) / 1_000_000, r.created(), r.updated(), r.unchanged(), r.rejected(),
                        pipeline.timings());
            }
        }
    }

    /**
     * The batches commit asynchronously; this commits a transaction that has an id, synchronously, which flushes
     * the WAL past every earlier commit: once the import answers, all it stored survives a crash.
     */
    private void makeDurable() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local synchronous_commit = on");
                s.execute("select txid_current()");
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("could not flush the import's commits to disk", e);
        }
    }

    private RecordReader reader(InputStream in, Options options) throws IOException {
        int maxLine = Math.max(1024, config.maxLineBytes());
        NativeEventMapper mapper = new NativeEventMapper(options.source());
        return switch (options.format()) {
            case NDJSON -> new NdjsonEventReader(new LineReader(in, maxLine), json.getFactory(), mapper);
            case CSV -> new CsvEventReader(new LineReader(in, maxLine), json, mapper);
            case JSON -> new JsonArrayEventReader(in, json, mapper);
            case GDELT -> new GdeltEventReader(new LineReader(in, maxLine));
            case ACLED -> new AcledEventReader(new LineReader(in, maxLine));
        };
    }
}
