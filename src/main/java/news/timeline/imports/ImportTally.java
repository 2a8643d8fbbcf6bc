package news.timeline.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Running counts of one import; the error list is capped so a file of bad lines costs no memory. */
final class ImportTally {

    private final String format;
    private final boolean dryRun;
    private final int maxErrors;
    private final List<ImportReport.ImportError> errors = new ArrayList<>();
    private long errorsOmitted;
    private long received;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;

    ImportTally(String format, boolean dryRun, int maxErrors) {
        this.format = format;
        this.dryRun = dryRun;
        this.maxErrors = maxErrors;
    }

    synchronized void received() {
        received++;
    }

    synchronized void reject(long line, String message) {
        rejected++;
        if (errors.size() < maxErrors) {
            errors.add(new ImportReport.ImportError(line, message));
        } else {
            errorsOmitted++;
        }
    }

    synchronized void add(BulkEventWriter.Outcome o) {
        switch (o) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    synchronized ImportReport report() {
        List<ImportReport.ImportError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingLong(ImportReport.ImportError::line));
        return new ImportReport(format, dryRun, received, created, updated, unchanged, rejected, sorted, errorsOmitted);
    }
}
