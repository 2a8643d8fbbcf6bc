package news.timeline.actors;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * An actor as other resources reference it. An article's answer also gives each participant's other names
 * ({@code aliases}), so a client can tell "Sheikh Sabah" in a quote is the "Sabah" it lists; elsewhere they are absent.
 */
public record ActorSummary(UUID id, String slug, String name, String kind,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<String> aliases) {

    public ActorSummary(UUID id, String slug, String name, String kind) {
        this(id, slug, name, kind, null);
    }

    public ActorSummary withAliases(List<String> names) {
        return new ActorSummary(id, slug, name, kind, names == null ? null : List.copyOf(names));
    }

    static ActorSummary of(ActorEntity a) {
        return new ActorSummary(a.id, a.slug, a.name, a.kind);
    }
}
