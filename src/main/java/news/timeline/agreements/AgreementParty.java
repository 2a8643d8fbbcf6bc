package news.timeline.agreements;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

@Embeddable
public class AgreementParty {

    @Column(name = "actor_id", nullable = false)
    public UUID actorId;
    @Column(nullable = false)
    public String role;

    public AgreementParty() {
    }

    public AgreementParty(UUID actorId, String role) {
        this.actorId = actorId;
        this.role = role;
    }
}
