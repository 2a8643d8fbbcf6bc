package news.timeline.events;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "events")
public class EventEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String type;
    @Column(nullable = false)
    public String title;
    public String summary;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "value", column = @Column(name = "date_value", nullable = false)),
            @AttributeOverride(name = "precision", column = @Column(name = "date_precision", nullable = false)),
            @AttributeOverride(name = "start", column = @Column(name = "date_start", nullable = false)),
            @AttributeOverride(name = "end", column = @Column(name = "date_end", nullable = false)),
            @AttributeOverride(name = "approximate", column = @Column(name = "date_approximate", nullable = false))})
    public StoredDate date;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "value", column = @Column(name = "end_value")),
            @AttributeOverride(name = "precision", column = @Column(name = "end_precision")),
            @AttributeOverride(name = "start", column = @Column(name = "end_start")),
            @AttributeOverride(name = "end", column = @Column(name = "end_end")),
            @AttributeOverride(name = "approximate", column = @Column(name = "end_approximate"))})
    public StoredDate endDate;

    @Column(name = "place_name")
    public String placeName;
    @Column(nullable = false)
    public float confidence;
    @Column(nullable = false)
    public String status;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "external_source")
    public String externalSource;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "record_hash")
    public String recordHash;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** When an editor last created or changed the event through the API; null for what only extraction or imports wrote. */
    @Column(name = "edited_at")
    public Instant editedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Version
    public long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "event_participants", joinColumns = @JoinColumn(name = "event_id"))
    public List<EventParticipant> participants = new ArrayList<>();

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("createdAt, startOffset")
    public List<EventSourceEntity> sources = new ArrayList<>();

    /** Keeps the participants' copy of the date (their timeline index) in step with the event. */
    public void syncParticipantDates() {
        for (EventParticipant p : participants) {
            p.eventStart = date.start;
            p.eventEnd = date.end;
            p.precisionRank = (short) date.precisionRank();
        }
    }
}
