package news.timeline.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import running in the background ({@code ?async=true}), as {@code GET /api/v1/imports/{id}} shows it.
 * {@code state} is {@code queued}, {@code running}, {@code succeeded} or {@code failed}; {@code recordsRead}
 * counts records read so far, {@code stored} those created, updated or found unchanged. {@code replica} is the
 * replica that accepted the body and runs the job (its spooled file lives there); every replica answers the same.
 */
public record ImportJob(UUID id, String state, String format, boolean dryRun, long recordsRead, long stored, long created,
                        long updated, long unchanged, long rejected, List<ImportReport.ImportError> errors,
                        long errorsOmitted, String message, Instant createdAt, Instant startedAt, Instant finishedAt,
                        String replica) {
}
