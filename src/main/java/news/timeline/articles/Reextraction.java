package news.timeline.articles;

import news.timeline.events.EventView;

import java.util.List;
import java.util.UUID;

/**
 * The answer to {@code POST /api/v1/articles/{id}/reextract}: what running the current extractor over the stored text
 * changed (or, in a dry run, would change). Events: {@code added} are new to the article (a new event, or another
 * article's event it now reports too), {@code removed} no longer come from it ({@code deleted} when it was their
 * last source), {@code changed} show the event before and after. Actors and agreements: ids the article now names
 * and no longer names ({@code deleted} when it was their last source). {@code kept}: what the extractor no longer
 * finds but an editor's mark keeps as it was.
 */
public record Reextraction(UUID article, boolean dryRun, String extractorVersionBefore, String extractorVersion,
                           Events events, Facts actors, Facts agreements, List<Retraction.Kept> kept) {

    /** True when nothing changed (a second run over the same text with the same extractor). */
    public boolean unchanged() {
        return events.added().isEmpty() && events.removed().isEmpty() && events.changed().isEmpty()
                && actors.added().isEmpty() && actors.removed().isEmpty() && agreements.added().isEmpty()
                && agreements.removed().isEmpty() && (extractorVersion == null || extractorVersion.equals(extractorVersionBefore));
    }

    public record Events(List<EventView> added, List<Removed> removed, List<Changed> changed) {
    }

    public record Removed(UUID id, boolean deleted, EventView before) {
    }

    public record Changed(UUID id, EventView before, EventView after) {
    }

    public record Facts(List<UUID> added, List<UUID> removed, List<UUID> deleted) {
    }
}
