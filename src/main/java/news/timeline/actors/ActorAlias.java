package news.timeline.actors;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** A name an actor goes by, with the folded form used for lookup ({@link AliasNormalizer}). */
@Embeddable
public class ActorAlias {

    @Column(nullable = false)
    public String alias;
    @Column(nullable = false)
    public String normalized;

    public ActorAlias() {
    }

    public ActorAlias(String alias) {
        this.alias = alias;
        this.normalized = AliasNormalizer.normalize(alias);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActorAlias a && Objects.equals(normalized, a.normalized);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(normalized);
    }
}
