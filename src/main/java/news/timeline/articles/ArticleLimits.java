package news.timeline.articles;

/** Size limits for submitted text; the HTTP layer caps whole bodies separately (TIMELINE_MAX_BODY_BYTES). */
final class ArticleLimits {

    static final int MAX_TEXT_CHARS = 1_000_000;
    static final int MAX_HTML_CHARS = 5_000_000;

    private ArticleLimits() {
    }
}
