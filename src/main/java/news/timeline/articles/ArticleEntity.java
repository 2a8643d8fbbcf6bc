package news.timeline.articles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "articles")
public class ArticleEntity {

    @Id
    public UUID id;
    public String url;
    public String title;
    public String source;
    /** publishedAt exactly as the client gave it (keeps its offset). */
    @Column(name = "published_at_text")
    public String publishedAtText;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(nullable = false)
    public String body;
    @Column(name = "content_hash", nullable = false)
    public String contentHash;
    @Column(nullable = false)
    public String status;
    @Column(name = "extractor_version")
    public String extractorVersion;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
