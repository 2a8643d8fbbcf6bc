package news.timeline.actors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "actors")
public class ActorEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String slug;
    @Column(nullable = false)
    public String name;
    public String description;
    @Column(name = "iso_code")
    public String isoCode;
    @Column(name = "wikidata_id")
    public String wikidataId;
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
    @CollectionTable(name = "actor_aliases", joinColumns = @JoinColumn(name = "actor_id"))
    public List<ActorAlias> aliases = new ArrayList<>();
}
