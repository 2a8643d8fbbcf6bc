package news.timeline.export;

import news.timeline.chronology.Timeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a chronology renders as, by their {@code format=} name. */
enum ExportFormat {
    JSON(Timeline.JSON),
    TIMELINEJS(Timeline.TIMELINEJS),
    VIS(Timeline.VIS),
    CSV(Timeline.CSV),
    ICS(Timeline.ICS),
    ATOM(Timeline.ATOM);

    final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    static Optional<ExportFormat> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().toLowerCase(Locale.ROOT).equals(n)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }
}
