package news.timeline.articles;

import java.time.Instant;
import java.util.UUID;

/**
 * An item of {@code GET /api/v1/articles}: the stored article without its text, and how many events, actors and
 * agreements it is a source of. {@code updatedAt} moves when a re-extraction revises it.
 */
public record ArticleSummary(UUID id, String title, String publishedAt, String url, String host, String source,
                             String status, String extractorVersion, Instant createdAt, Instant updatedAt,
                             long events, long actors, long agreements) {
}
