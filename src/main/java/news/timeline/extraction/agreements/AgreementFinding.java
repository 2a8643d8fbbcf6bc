package news.timeline.extraction.agreements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import news.timeline.extraction.AgreementKind;
import news.timeline.extraction.SourceSpan;
import news.timeline.extraction.actors.ActorEntity;
import news.timeline.extraction.events.EventGroup;

/** An agreement of one article as it is being built. */
public final class AgreementFinding {

    String name;
    boolean named;
    AgreementKind kind;
    final Set<String> modifiers = new LinkedHashSet<>();
    final Set<String> aliases = new LinkedHashSet<>();
    final Set<ActorEntity> parties = new LinkedHashSet<>();
    final Set<ActorEntity> mediators = new LinkedHashSet<>();
    final Set<String> clauses = new LinkedHashSet<>();
    final List<SourceSpan> mentions = new ArrayList<>();
    final Set<Integer> sentences = new LinkedHashSet<>();
    EventGroup signing;
    String ruleId;

    public String name() {
        return name;
    }

    public AgreementKind kind() {
        return kind;
    }

    public Set<String> aliases() {
        return aliases;
    }

    public Set<ActorEntity> parties() {
        return parties;
    }

    public Set<String> clauses() {
        return clauses;
    }

    public List<SourceSpan> mentions() {
        return mentions;
    }

    public Set<Integer> sentences() {
        return sentences;
    }

    public EventGroup signing() {
        return signing;
    }

    public String ruleId() {
        return ruleId;
    }
}
