package news.timeline.articles;

/** The outcome of a submission: {@code created} is false when the article was already stored (or in a dry run). */
public record Submission(boolean created, ArticleResponse response) {
}
