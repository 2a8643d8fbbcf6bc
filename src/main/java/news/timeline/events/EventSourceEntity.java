package news.timeline.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Provenance of an event: the article and quote it came from, with code-point offsets, rule and extractor version. */
@Entity
@Table(name = "event_sources")
public class EventSourceEntity {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public EventEntity event;
    @Column(name = "article_id")
    public UUID articleId;
    public String url;
    public String quote;
    @Column(name = "start_offset")
    public Integer startOffset;
    @Column(name = "end_offset")
    public Integer endOffset;
    @Column(name = "rule_id")
    public String ruleId;
    @Column(name = "extractor_version")
    public String extractorVersion;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
