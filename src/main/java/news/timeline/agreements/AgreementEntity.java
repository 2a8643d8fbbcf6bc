package news.timeline.agreements;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.timeline.events.StoredDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "agreements")
public class AgreementEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> aliases = new ArrayList<>();
    @Column(nullable = false)
    public String status;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> clauses = new ArrayList<>();
    public String summary;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "value", column = @Column(name = "signed_value")),
            @AttributeOverride(name = "precision", column = @Column(name = "signed_precision")),
            @AttributeOverride(name = "start", column = @Column(name = "signed_start")),
            @AttributeOverride(name = "end", column = @Column(name = "signed_end")),
            @AttributeOverride(name = "approximate", column = @Column(name = "signed_approximate"))})
    public StoredDate signed;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "value", column = @Column(name = "effective_value")),
            @AttributeOverride(name = "precision", column = @Column(name = "effective_precision")),
            @AttributeOverride(name = "start", column = @Column(name = "effective_start")),
            @AttributeOverride(name = "end", column = @Column(name = "effective_end")),
            @AttributeOverride(name = "approximate", column = @Column(name = "effective_approximate"))})
    public StoredDate effective;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "value", column = @Column(name = "expiry_value")),
            @AttributeOverride(name = "precision", column = @Column(name = "expiry_precision")),
            @AttributeOverride(name = "start", column = @Column(name = "expiry_start")),
            @AttributeOverride(name = "end", column = @Column(name = "expiry_end")),
            @AttributeOverride(name = "approximate", column = @Column(name = "expiry_approximate"))})
    public StoredDate expiry;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** When an editor last created or changed it through the API; null for what only extraction or imports wrote. */
    @Column(name = "edited_at")
    public Instant editedAt;
    @Version
    public long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "agreement_parties", joinColumns = @JoinColumn(name = "agreement_id"))
    public List<AgreementParty> parties = new ArrayList<>();
}
