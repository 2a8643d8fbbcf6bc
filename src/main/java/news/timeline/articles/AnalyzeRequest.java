package news.timeline.articles;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/analyze}: any text, analyzed against a reference date; nothing is stored. */
public record AnalyzeRequest(
        @NotNull @Size(max = ArticleLimits.MAX_TEXT_CHARS, message = "must be at most " + ArticleLimits.MAX_TEXT_CHARS + " characters")
        String text,
        @Schema(description = "Reference date or timestamp with offset (document creation time).", example = "1998-02-27", required = true)
        String referenceDate) {
}
