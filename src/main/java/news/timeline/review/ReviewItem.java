package news.timeline.review;

import news.timeline.events.EventView;

import java.util.List;
import java.util.UUID;

/** An event awaiting an editor's decision, with the evidence for it: each quote and the article it is from. */
public record ReviewItem(EventView event, List<Evidence> evidence) {

    /** A quote with its code-point offsets in the article's text, and the article's title. */
    public record Evidence(UUID articleId, String articleTitle, String url, String quote, Integer start, Integer end) {
    }
}
