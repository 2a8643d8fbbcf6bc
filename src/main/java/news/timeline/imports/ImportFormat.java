package news.timeline.imports;

import news.timeline.web.ApiProblem;
import news.timeline.web.QueryValues;

import java.util.Locale;

/** The input formats {@code POST /api/v1/imports/events} reads. */
enum ImportFormat {
    NDJSON, CSV, JSON, GDELT, ACLED;

    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code ?format=} wins; otherwise the Content-Type decides. */
    static ImportFormat of(String format, String contentType) {
        if (format != null) {
            try {
                return valueOf(format.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // the empty value too: "?format=" names no format, and guessing one could store the wrong records
                throw ApiProblem.invalid("format", "must be one of ndjson, csv, json, gdelt, acled, not " + QueryValues.quoted(format));
            }
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines" -> NDJSON;
            case "text/csv" -> CSV;
            case "application/json" -> JSON;
            default -> throw new ApiProblem(415, "unsupported-media-type", "Unsupported Media Type",
                    "send application/x-ndjson, text/csv or application/json, or name the format with ?format=gdelt or ?format=acled",
                    null);
        };
    }
}
