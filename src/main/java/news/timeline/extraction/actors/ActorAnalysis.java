package news.timeline.extraction.actors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import news.timeline.extraction.ActorKind;

/** The actors of an article and their mentions by sentence. */
public record ActorAnalysis(List<ActorEntity> actors, List<List<ActorMention>> bySentence) {

    public List<ActorMention> inSentence(int sentence) {
        return sentence < bySentence.size() ? bySentence.get(sentence) : List.of();
    }

    /** The {@code n} most mentioned actors of a kind (ties: first mentioned first), for "the two countries". */
    public List<ActorEntity> top(ActorKind kind, int n) {
        List<ActorEntity> out = new ArrayList<>();
        for (ActorEntity a : actors) {
            if (a.kind() == kind && !a.outlet() && a.salience() > 0) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparingInt(ActorEntity::salience).reversed()
                .thenComparingInt(a -> a.mentions().isEmpty() ? Integer.MAX_VALUE : a.mentions().get(0).start()));
        return out.size() > n ? out.subList(0, n) : out;
    }
}
