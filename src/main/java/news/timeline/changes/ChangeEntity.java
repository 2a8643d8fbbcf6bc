package news.timeline.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "changes")
public class ChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(nullable = false)
    public String entity;
    @Column(name = "entity_id", nullable = false)
    public UUID entityId;
    @Column(nullable = false)
    public String action;
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
    /** A review decision: the status an editor set, why, and who (the API key's name, when keys are named). */
    public String status;
    public String reason;
    @Column(name = "changed_by")
    public String changedBy;
}
