package news.timeline.chronology;

import news.timeline.actors.ActorSummary;
import news.timeline.events.EventView;

import java.util.List;

/**
 * What the database holds, for a first look (the page at {@code /} before any search): how many events (not
 * rejected), actors and articles, the latest-dated events and the actors taking part in the most events.
 */
public record Overview(Counts counts, List<EventView> latestEvents, List<ActiveActor> activeActors) {

    public record Counts(long events, long actors, long articles) {
    }

    /** An actor and the number of events (not rejected) it takes part in. */
    public record ActiveActor(ActorSummary actor, long events) {
    }
}
