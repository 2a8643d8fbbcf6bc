package news.timeline.support;

import org.junit.jupiter.api.Test;

import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The check itself: it sees ERROR records from any logger and lets a declared one pass. */
class ErrorLogCheckTest {

    private static final Logger LOG = Logger.getLogger(ErrorLogCheckTest.class.getName());

    @Test
    void anErrorRecordIsCollected() {
        LOG.severe("collected on purpose");
        LOG.warning("a warning is no error");
        // taken out here, so that this test's own check has nothing left to fail on
        assertThat(ErrorLogCheck.COLLECTOR.drain()).extracting(ErrorLogCheck.Seen::line)
                .containsExactly(ErrorLogCheckTest.class.getName() + ": collected on purpose");
    }

    @Test
    @ExpectedErrorLog("news\\.timeline\\.support\\.ErrorLogCheckTest: provoked on purpose( \\d+)?")
    void aDeclaredErrorRecordPasses() {
        // the declaration is what keeps this test green: its check runs after it and finds the record allowed
        LOG.severe("provoked on purpose");
        LOG.severe("provoked on purpose 2");
    }
}
