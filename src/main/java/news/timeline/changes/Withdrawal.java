package news.timeline.changes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What withdrawing an article's sources did to one kind of fact: {@code deleted} had no other source and no
 * editor's mark, {@code kept} had no other source but an editor's mark (id to why: confirmed, rejected, edited, in
 * use...), {@code updated} still has other sources.
 */
public record Withdrawal(List<UUID> deleted, Map<UUID, String> kept, List<UUID> updated) {
}
