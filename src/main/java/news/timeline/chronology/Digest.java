package news.timeline.chronology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import news.timeline.actors.ActorSummary;
import news.timeline.events.EventView;
import news.timeline.extraction.temporal.DateValue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What entered or changed after {@code since} (up to {@code asOf}), about {@code actors} or everything: events
 * (entered, changed, by type, new ones by actor and type, the latest changed), agreements, editors' status changes,
 * merges and deletions, and new actors. The counts are those of {@code /events?addedSince=} and {@code /changes?since=}
 * for the same time.
 */
public record Digest(Instant since,
                     Instant asOf,
                     List<ActorSummary> actors,
                     Events events,
                     Agreements agreements,
                     StatusChanges statusChanges,
                     NewActors newActors,
                     @JsonIgnore String title,
                     @JsonIgnore URI self) {

    /** Events changed after {@code since}: {@code entered} were created after it, {@code changed} existed before. */
    public record Events(long entered, long changed, List<TypeCount> byType, List<ActorCount> byActor,
                         List<EventView> items, long itemsOmitted, URI list) {
    }

    public record TypeCount(String type, long entered, long changed) {
    }

    /** New events an actor (with its affiliates, when actors are asked for) took part in, by type. */
    public record ActorCount(ActorSummary actor, long entered, Map<String, Long> byType) {
    }

    public record Agreements(long entered, long changed, List<Agreement> items) {
    }

    public record Agreement(UUID id, String name, String kind, String status, DateValue signed, boolean entered,
                            Instant updatedAt) {
    }

    /** Review decisions by the status set, event merges and deletions ({@code deleted} is null when actors are asked for). */
    public record StatusChanges(long confirmed, long rejected, long extracted, long merged, Long deleted) {
    }

    public record NewActors(long count, List<ActorSummary> items) {
    }
}
