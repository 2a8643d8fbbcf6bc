package news.timeline.actors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An actor acting for another over a period ("a minister acting for a country"); open ends are null. */
@Entity
@Table(name = "actor_affiliations")
public class AffiliationEntity {

    @Id
    public UUID id;
    @Column(name = "actor_id", nullable = false)
    public UUID actorId;
    @Column(name = "affiliated_to", nullable = false)
    public UUID affiliatedTo;
    public String role;
    @Column(name = "valid_from")
    @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.LocalDateJdbcType.class)
    public LocalDate validFrom;
    @Column(name = "valid_to")
    @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.LocalDateJdbcType.class)
    public LocalDate validTo;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
