package news.timeline.events;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.UUID;

/** One actor's part in an event. The date columns mirror the event's, for the actor-timeline index. */
@Embeddable
public class EventParticipant {

    @Column(name = "actor_id", nullable = false)
    public UUID actorId;
    @Column(nullable = false)
    public String role;
    @Column(name = "event_start", nullable = false)
    public LocalDate eventStart;
    @Column(name = "event_end", nullable = false)
    public LocalDate eventEnd;
    @Column(name = "precision_rank", nullable = false)
    public short precisionRank;

    public EventParticipant() {
    }

    public EventParticipant(UUID actorId, String role) {
        this.actorId = actorId;
        this.role = role;
    }
}
