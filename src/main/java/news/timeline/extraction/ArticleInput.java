package news.timeline.extraction;

import news.timeline.extraction.temporal.ReferenceTime;

/**
 * One article to extract from: plain {@code body} text or a whole {@code html} page (one of them), the title, and the
 * publication time that relative dates resolve against ({@code null} when unknown).
 */
public record ArticleInput(String title, String body, String html, ReferenceTime reference) {

    public static ArticleInput text(String title, String body, ReferenceTime reference) {
        return new ArticleInput(title, body, null, reference);
    }

    public static ArticleInput html(String title, String html, ReferenceTime reference) {
        return new ArticleInput(title, null, html, reference);
    }
}
