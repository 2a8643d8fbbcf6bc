package news.timeline.chronology;

import news.timeline.actors.ActorSummary;
import news.timeline.events.EventView;
import news.timeline.extraction.temporal.DateValue;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * What two actors share, at the top of their timeline: the number of shared events by type and by period (years,
 * or months when the events lie within two years), the first and the latest of them, the agreements with a party
 * on each side, the affiliates of each side that took part, and the link to the pair timeline these counts describe.
 */
public record RelationshipSummary(List<ActorSummary> actors,
                                  long events,
                                  List<TypeCount> byType,
                                  String periodUnit,
                                  List<PeriodCount> byPeriod,
                                  EventView first,
                                  EventView latest,
                                  List<Agreement> agreements,
                                  List<Side> sides,
                                  URI timeline) {

    /** Shared events of one type. */
    public record TypeCount(String type, long events) {
    }

    /** Shared events starting in one year ({@code 2024}, {@code -0044}) or month ({@code 2024-06}). */
    public record PeriodCount(String period, long events) {
    }

    /** An agreement both sides are party to. */
    public record Agreement(UUID id, String name, String kind, String status, DateValue signed) {
    }

    /** One side and the people and bodies acting for it that took part in the shared events. */
    public record Side(ActorSummary actor, List<Member> affiliates) {
    }

    /** An affiliate of a side and the number of shared events it took part in. */
    public record Member(ActorSummary actor, long events) {
    }
}
