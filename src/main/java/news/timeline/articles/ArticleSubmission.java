package news.timeline.articles;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/articles}: scraped text in {@code body} or a whole page in {@code html}. */
@Schema(description = "An article to extract events from. Give body (plain text, boilerplate allowed) or html (a whole page).")
public record ArticleSubmission(
        @Size(max = 1000) @Schema(example = "N. Korean Leader Kim Jong-un Meets Russian Security Chief") String title,
        @Size(max = ArticleLimits.MAX_TEXT_CHARS, message = "must be at most " + ArticleLimits.MAX_TEXT_CHARS + " characters")
        @Schema(description = "Plain text as scraped, boilerplate and all. Offsets in the answer count code points into it.")
        String body,
        @Size(max = ArticleLimits.MAX_HTML_CHARS, message = "must be at most " + ArticleLimits.MAX_HTML_CHARS + " characters")
        @Schema(description = "A whole HTML page; the service finds the article text in it. Offsets then count code points into that extracted text.")
        String html,
        @Schema(description = "Publication date (2024-09-14) or timestamp with offset (2024-09-14T09:45:00+10:00). Relative dates "
                + "resolve against it, in its zone. A timestamp without offset (2024-09-14T09:45) is taken as UTC and the answer's "
                + "warnings say so (the article then keeps 2024-09-14T09:45Z). Years outside 1000-2999 are refused.",
                example = "2024-09-14", required = true)
        String publishedAt,
        @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url,
        @Size(max = 300) String source) {
}
