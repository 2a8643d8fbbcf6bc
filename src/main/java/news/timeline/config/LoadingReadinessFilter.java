package news.timeline.config;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Leaves out of the log SmallRye Health's report of a DOWN probe ({@code SRHCK01001}) when the only check DOWN is the
 * extraction models still loading: {@link ExtractionReadiness} says that once, and a probe every few seconds would
 * repeat it for the whole load. A report with any other check DOWN (the database, models that failed) passes as before.
 * Set on the console handler ({@code quarkus.log.console.filter}).
 */
@LoggingFilter(name = "readiness-while-loading")
public final class LoadingReadinessFilter implements Filter {

    private static final Pattern CHECK_DOWN = Pattern.compile("\\{\"name\":\"([^\"]*)\",\"status\":\"DOWN\"(,\"data\":\\{([^}]*)})?");
    private static final String LOADING = "\"state\":\"loading\"";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record == null || record.getLoggerName() == null || !record.getLoggerName().startsWith("io.smallrye.health")) {
            return true;
        }
        String message = record instanceof ExtLogRecord e ? e.getFormattedMessage() : record.getMessage();
        return message == null || !message.contains("SRHCK01001") || !onlyLoadingModels(message);
    }

    /** Whether the one check DOWN in this report is the extraction's, loading. */
    static boolean onlyLoadingModels(String report) {
        Matcher m = CHECK_DOWN.matcher(report);
        int down = 0;
        boolean loading = false;
        while (m.find()) {
            down++;
            loading = m.group(1).equals(ExtractionReadiness.NAME) && m.group(3) != null && m.group(3).contains(LOADING);
        }
        return down == 1 && loading;
    }
}
