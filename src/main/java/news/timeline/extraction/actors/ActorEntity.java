package news.timeline.extraction.actors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import news.timeline.extraction.ActorKind;

/** An actor of one article with its mentions, built up by {@link ActorRecognizer}. */
public final class ActorEntity {

    private final String name;
    private final ActorKind kind;
    private final String ruleId;
    String iso2;
    String iso3;
    String role;
    ActorEntity affiliation;
    String knownId;
    String knownSlug;
    boolean outlet;
    String stateOf;
    /** A person named only by a description ("Croatia's prime minister"): kept only when it takes part in an event. */
    boolean unnamed;
    /** Found by the statistical entity tagger alone, with no rule's cue: kept only when it takes part in an event. */
    boolean modelOnly;
    /** A body named by description ("the army"): kept only when it takes part in an event. */
    boolean description;
    final Set<String> aliases = new LinkedHashSet<>();
    final List<ActorMention> mentions = new ArrayList<>();

    ActorEntity(String name, ActorKind kind, String ruleId) {
        this.name = name;
        this.kind = kind;
        this.ruleId = ruleId;
    }

    public String name() {
        return name;
    }

    public ActorKind kind() {
        return kind;
    }

    public String ruleId() {
        return ruleId;
    }

    public String iso2() {
        return iso2;
    }

    public String iso3() {
        return iso3;
    }

    public String role() {
        return role;
    }

    public ActorEntity affiliation() {
        return affiliation;
    }

    public String knownId() {
        return knownId;
    }

    public String slug() {
        return knownSlug != null ? knownSlug : KeyNames.slug(name);
    }

    /** A news outlet: a source, an actor only of its own dated reporting act. */
    public boolean outlet() {
        return outlet;
    }

    public boolean modelOnly() {
        return modelOnly;
    }

    public boolean description() {
        return description;
    }

    public boolean unnamed() {
        return unnamed;
    }

    public String stateOf() {
        return stateOf;
    }

    /** Surfaces under which the actor appears in the text, in order of first appearance. */
    public Set<String> aliases() {
        return aliases;
    }

    public List<ActorMention> mentions() {
        return mentions;
    }

    /** Mentions that name the actor as taking part in something (not only as a place). */
    public int salience() {
        int n = 0;
        for (ActorMention m : mentions) {
            if (m.use() != ActorMention.Use.PLACE) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return name + "(" + kind + ")";
    }
}
