package news.timeline.events;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Where an event was reported: article and/or URL, the quote, and its code-point offsets in the article text. */
@Schema(name = "SourceInput", example = """
        {"url": "https://example.com/news/1", "quote": "During their talks on Friday, ...", "start": 512, "end": 700}""")
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"id"}) // a source as events answer it may be sent back as is
public record SourceInput(
        UUID articleId,
        @Size(max = 2048) String url,
        @Size(max = 20000) String quote,
        @Schema(description = "Code-point offset of the quote, inclusive") @Min(0) Integer start,
        @Schema(description = "Code-point offset of the quote's end, exclusive; not before start") @Min(0) Integer end,
        @Size(max = 100) String ruleId,
        @Size(max = 32) String extractorVersion) {
}
