package news.timeline.review;

import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.articles.ArticleService;
import news.timeline.events.EventService;
import news.timeline.events.EventView;
import news.timeline.web.Page;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A page of the review queue: the events' page, each with its quotes and their articles' titles. */
@ApplicationScoped
class ReviewQueue {

    private final EventService events;
    private final ArticleService articles;

    ReviewQueue(EventService events, ArticleService articles) {
        this.events = events;
        this.articles = articles;
    }

    Page<ReviewItem> page(String order, String cursor, Integer limit) {
        Page<EventView> page = events.undecided(order, cursor, limit);
        Set<UUID> articleIds = new HashSet<>();
        page.items().forEach(e -> e.sources().stream().map(EventView.Source::articleId).filter(Objects::nonNull).forEach(articleIds::add));
        Map<UUID, String> titles = articles.titles(articleIds);
        List<ReviewItem> items = new ArrayList<>();
        for (EventView e : page.items()) {
            items.add(new ReviewItem(e, e.sources().stream().map(s -> new ReviewItem.Evidence(s.articleId(),
                    s.articleId() == null ? null : titles.get(s.articleId()), s.url(), s.quote(), s.start(), s.end())).toList()));
        }
        return new Page<>(items, page.next());
    }

    List<EventService.MergeSuggestion> mergeSuggestions(int limit) {
        return events.mergeSuggestions(limit);
    }
}
