package news.timeline.articles;

import news.timeline.actors.ActorSummary;
import news.timeline.events.EventView;
import news.timeline.agreements.AgreementView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a submission or an analysis (API.md): the article, and the events, actors, agreements and time
 * expressions found in it. Offsets count code points into the text as submitted. In a dry run nothing is stored,
 * so only actors the service already knew carry an id.
 */
public record ArticleResponse(ArticleView article, List<EventView> events, List<ActorView> actors,
                              List<AgreementView> agreements, List<TimexView> timexes, List<String> warnings,
                              List<FactReview> review) {

    /** The same answer with {@code more} warnings after its own. */
    ArticleResponse withText(String text) {
        return new ArticleResponse(article.withText(text), events, actors, agreements, timexes, warnings, review);
    }

    ArticleResponse withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings == null ? List.of() : warnings);
        all.addAll(more);
        return new ArticleResponse(article, events, actors, agreements, timexes, List.copyOf(all), review);
    }

    /**
     * Where a stored fact of the article stands with the editors. {@code entity}: event, actor or agreement;
     * {@code status}: an event's extracted, confirmed or rejected, an actor's or agreement's extracted or edited;
     * {@code editedAt}: when an editor last created or changed it; for events the decision's author, time and reason.
     * Empty in a preview, where nothing is stored.
     */
    public record FactReview(String entity, UUID id, String status, Instant editedAt, String decidedBy, Instant decidedAt,
                             String reason) {
    }

    /** An actor of the article; {@code role} is the office the article gives it ("Secretary of Russia's Security Council"). */

    /** {@code text}: the stored text the offsets count in, on {@code GET /api/v1/articles/{id}} only. */
    public record ArticleView(UUID id, String title, String publishedAt, String url, String source, String status,
                              String extractorVersion, boolean fromHtml, Instant createdAt,
                              @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                              String text) {

        ArticleView withText(String body) {
            return new ArticleView(id, title, publishedAt, url, source, status, extractorVersion, fromHtml, createdAt, body);
        }
    }

    public record ActorView(UUID id, String slug, String name, String kind, List<String> aliases,
                            ActorSummary affiliation, String role, String isoCode) {
    }

    public record TimexView(int start, int end, String text, String type, String value, String mod) {
    }
}
