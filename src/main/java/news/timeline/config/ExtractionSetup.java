package news.timeline.config;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import news.timeline.extraction.ArticleExtractor;
import news.timeline.extraction.language.Nlp4jLanguageLayer;
import news.timeline.extraction.temporal.RuleBasedTimexTagger;
import news.timeline.extraction.text.LanguageLayer;
import news.timeline.web.ApiProblem;
import org.jboss.logging.Logger;

/**
 * The extraction pipeline of the service. The NLP4J language layer takes ~45 s and ~2 GB of heap to load, so it loads
 * on a thread of its own at start: the service answers reads, imports and CRUD at once, readiness turns UP when the
 * models are in ({@link ExtractionReadiness}), and an article or analyze request waits for them up to
 * {@code timeline.extraction.load-wait} before a 503. {@code TIMELINE_EXTRACTION=off} never loads them (replicas that
 * only serve reads): those requests answer 503 at once. Stored articles are shown without the models (their time
 * expressions need only the rule-based tagger).
 */
@Singleton
@Startup
public class ExtractionSetup {

    private static final Logger LOG = Logger.getLogger(ExtractionSetup.class);

    private final boolean enabled;
    private final Duration loadWait;
    private final CompletableFuture<ArticleExtractor> full;
    private final ArticleExtractor light;

    ExtractionSetup(TimelineConfig config) {
        String mode = config.extraction().mode().trim();
        Duration loadWait = config.extraction().loadWait();
        if (!mode.equalsIgnoreCase("on") && !mode.equalsIgnoreCase("off")) {
            throw new IllegalStateException("TIMELINE_EXTRACTION must be on or off, not '" + mode + "'");
        }
        this.enabled = mode.equalsIgnoreCase("on");
        this.loadWait = loadWait;
        this.light = new ArticleExtractor(RuleBasedTimexTagger.english(), LanguageLayer.none(), Clock.systemUTC());
        if (enabled) {
            full = new CompletableFuture<>();
            Thread t = new Thread(this::load, "extraction-models");
            t.setDaemon(true);
            t.start();
        } else {
            full = null;
            LOG.info("extraction is off (TIMELINE_EXTRACTION=off): article and analyze requests answer 503");
        }
    }

    private void load() {
        long t0 = System.nanoTime();
        try {
            ArticleExtractor x = light.withLanguage(Nlp4jLanguageLayer.shared());
            full.complete(x);
            LOG.infof("extraction models (%s) ready in %d ms", x.languageLayer(), (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException | Error e) {
            LOG.error("extraction models failed to load: " + e.getMessage());
            full.completeExceptionally(e);
        }
    }

    /** Off, loading, ready or failed. */
    public String state() {
        if (!enabled) {
            return "off";
        }
        if (!full.isDone()) {
            return "loading";
        }
        return full.isCompletedExceptionally() ? "failed" : "ready";
    }

    /** The full pipeline, waiting for the models while they load; a 503 problem when they are off, late or broken. */
    public ArticleExtractor extractor() {
        if (!enabled) {
            throw unavailable("extraction is switched off on this instance (TIMELINE_EXTRACTION=off)", null);
        }
        try {
            return full.get(loadWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unavailable("the language models are still loading; try again shortly", 30);
        } catch (ExecutionException e) {
            throw unavailable("the language models failed to load: " + e.getCause().getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the language models", 30);
        }
    }

    /** The rules without the language layer: enough to show a stored article's time expressions. */
    public ArticleExtractor light() {
        return light;
    }

    private static ApiProblem unavailable(String detail, Integer retryAfterSeconds) {
        return new ApiProblem(503, "extraction-unavailable", "Extraction unavailable",
                detail + (retryAfterSeconds == null ? "" : " (retry after " + retryAfterSeconds + " s)"), List.of());
    }
}
