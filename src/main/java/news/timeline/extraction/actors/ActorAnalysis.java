package news.timeline.extraction.actors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import news.timeline.extraction.ActorKind;

/** The actors of an article and their mentions by sentence. */
public record ActorAnalysis(List<ActorEntity> actors, List<List<ActorMention>> bySentence, java.util.Set<ActorEntity> inTitle) {

    private static final java.util.regex.Pattern LEADER = java.util.regex.Pattern.compile(
            "(?i).*\\b(leader|president|prime minister|premier|chancellor|king|queen|emir|sultan|supreme leader|monarch)\\b.*");

    /** The two heads of state or government most mentioned ("both leaders"), else the most mentioned people. */
    public List<ActorEntity> topLeaders(int n) {
        List<ActorEntity> all = top(ActorKind.PERSON, 10);
        List<ActorEntity> out = new ArrayList<>();
        for (ActorEntity a : all) {
            if (a.role() != null && LEADER.matcher(a.role()).matches() && out.size() < n) {
                out.add(a);
            }
        }
        for (ActorEntity a : all) {
            if (out.size() < n && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

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
        out.sort(Comparator.comparingInt((ActorEntity a) -> a.salience() + (inTitle.contains(a) ? 3 : 0)).reversed()
                .thenComparingInt(a -> a.mentions().isEmpty() ? Integer.MAX_VALUE : a.mentions().get(0).start()));
        return out.size() > n ? out.subList(0, n) : out;
    }
}
