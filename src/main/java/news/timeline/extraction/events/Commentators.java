package news.timeline.extraction.events;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import news.timeline.extraction.ActorKind;
import news.timeline.extraction.actors.ActorEntity;
import news.timeline.extraction.text.DataTable;

/**
 * People quoted for what they know, not for what they do ({@code events/commentators.tsv}): their words are
 * commentary on the news, not an event of it, so a statement of theirs makes none.
 */
final class Commentators {

    private static final Set<String> ROLES = load();

    private Commentators() {
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        for (DataTable.Row r : DataTable.read(TriggerLexicon.DIR + "commentators.tsv", 2)) {
            if (!r.cell(1).toLowerCase(Locale.ROOT).contains(r.cell(0))) {
                throw r.error("example does not contain '" + r.cell(0) + "'");
            }
            out.add(r.cell(0));
        }
        return Set.copyOf(out);
    }

    /** Is the actor a person whose role ("a professor at the Ross School", "chief economist") is a commentator's? */
    static boolean is(ActorEntity a) {
        if (a == null || a.kind() != ActorKind.PERSON || a.role() == null) {
            return false;
        }
        for (String w : a.role().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (ROLES.contains(w) || w.endsWith("s") && ROLES.contains(w.substring(0, w.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
