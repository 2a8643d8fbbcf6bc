package news.timeline.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the extraction models are loaded (or extraction is off); DOWN while they load or after they failed. */
@Readiness
@ApplicationScoped
public class ExtractionReadiness implements HealthCheck {

    private final ExtractionSetup extraction;

    ExtractionReadiness(ExtractionSetup extraction) {
        this.extraction = extraction;
    }

    @Override
    public HealthCheckResponse call() {
        String state = extraction.state();
        return HealthCheckResponse.named("extraction").withData("state", state)
                .status(state.equals("ready") || state.equals("off")).build();
    }
}
