package news.timeline.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Ready once the extraction models are loaded (or extraction is off); DOWN while they load or after they failed.
 *
 * <p>The log says so once each way: the first probe that finds the models loading logs one line, the first that
 * finds the service ready another. SmallRye Health's own report of every DOWN probe is left out of the console while
 * the loading models are the only check DOWN ({@link LoadingReadinessFilter}); a probe every few seconds made
 * a dozen identical lines per start. Any other DOWN check (the database) is still reported at every probe.
 */
@Readiness
@ApplicationScoped
public class ExtractionReadiness implements HealthCheck {

    /** The check's name in the health report. */
    static final String NAME = "extraction";

    private static final Logger LOG = Logger.getLogger(ExtractionReadiness.class);

    private final Supplier<String> state;
    private final AtomicBoolean loggedLoading = new AtomicBoolean();
    private final AtomicBoolean loggedReady = new AtomicBoolean();

    @Inject
    ExtractionReadiness(ExtractionSetup extraction) {
        this(extraction::state);
    }

    /** {@code state}: off, loading, ready or failed (as {@link ExtractionSetup#state()}). */
    ExtractionReadiness(Supplier<String> state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        String now = state.get();
        boolean up = now.equals("ready") || now.equals("off");
        if (now.equals("loading") && !loggedReady.get() && !loggedLoading.getAndSet(true)) {
            LOG.info("readiness DOWN while the extraction models load (further DOWN probes for this reason are not logged)");
        } else if (up && !loggedReady.getAndSet(true)) {
            LOG.infof("readiness UP (extraction %s)", now);
        }
        return HealthCheckResponse.named(NAME).withData("state", now).status(up).build();
    }
}
