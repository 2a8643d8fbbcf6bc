package news.timeline.events;

/**
 * Filters of {@code GET /api/v1/events}. Empty for now: the list is every event in chronological order.
 * The chronology feature adds from/to/actor/type/q/addedSince here and in {@link EventRepository#pageIds}.
 */
public record EventQuery() {

    public static EventQuery all() {
        return new EventQuery();
    }
}
