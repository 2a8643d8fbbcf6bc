package news.timeline.changes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What withdrawing an article's sources did to one kind of fact: {@code deleted} had no other source and no
 * editor's mark, {@code kept} had no other source but an editor's mark (id to why: confirmed, rejected, edited, in
 * use...), {@code updated} still has other sources.
 */
public record Withdrawal(List<UUID> deleted, Map<UUID, String> kept, List<UUID> updated) {

    /** Nothing was withdrawn. */
    public static final Withdrawal NONE = new Withdrawal(List.of(), Map.of(), List.of());

    /**
     * Sorts facts whose only mark is an edit: one with a source in {@code sourced} is updated, one an editor edited is
     * kept ("edited"), the others are candidates for deletion.
     */
    public static <T> Withdrawal sort(Collection<T> facts, Function<T, UUID> id, Set<UUID> sourced, Predicate<T> edited) {
        List<UUID> orphans = new ArrayList<>();
        Map<UUID, String> kept = new LinkedHashMap<>();
        List<UUID> updated = new ArrayList<>();
        for (T f : facts) {
            UUID key = id.apply(f);
            if (sourced.contains(key)) {
                updated.add(key);
            } else if (edited.test(f)) {
                kept.put(key, "edited");
            } else {
                orphans.add(key);
            }
        }
        return new Withdrawal(orphans, kept, updated);
    }
}
