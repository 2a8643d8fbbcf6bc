package news.timeline.imports;

import java.util.List;

/**
 * The answer to an import (API.md "Scripted imports"): counts, and the first errors as {@code {line, message}}
 * ({@code errorsOmitted} says how many more there were).
 */
public record ImportReport(String format, boolean dryRun, long received, long created, long updated, long unchanged,
                           long rejected, List<ImportError> errors, long errorsOmitted) {

    public record ImportError(long line, String message) {
    }
}
