package news.timeline.actors;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.timeline.events.EventInput;
import news.timeline.events.EventService;
import news.timeline.events.EventView;
import news.timeline.extraction.temporal.DateValue;
import news.timeline.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static news.timeline.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service methods other features call (extraction, imports, chronology), without HTTP. */
@QuarkusTest
class ServiceApiTest {

    @Inject
    ActorService actors;
    @Inject
    news.timeline.curation.ActorRemovals removals;
    @Inject
    EventService events;
    @Inject
    jakarta.persistence.EntityManager em;
    @Inject
    news.timeline.changes.ChangeLog changes;

    @Test
    void resolveOrCreateMatchesAliasesBeforeCreating() {
        String name = unique("Democratic People's Republic of Korea");
        ActorSummary created = actors.resolveOrCreate(name, "country", "DPRK " + name.substring(name.length() - 8));
        ActorSummary again = actors.resolveOrCreate(name.toUpperCase(), "country");
        ActorSummary byAlias = actors.resolveOrCreate("unknown " + UUID.randomUUID(), "country", "dprk " + name.substring(name.length() - 8));
        assertThat(again.id()).isEqualTo(created.id());
        assertThat(byAlias.id()).isEqualTo(created.id());
        assertThat(actors.findByAlias("  the " + name.toLowerCase() + " ")).extracting(ActorSummary::id).containsExactly(created.id());
    }

    @Test
    void resolveOrCreateMakesUniqueSlugs() {
        String name = unique("Lee");
        ActorSummary first = actors.resolveOrCreate(name, "person");
        ActorView second = actors.create(ActorInput.of(name, "organization", List.of()));
        assertThat(second.slug()).isEqualTo(first.slug() + "-2");
    }

    @Test
    void summariesAreLoadedInOneCall() {
        ActorSummary a = actors.resolveOrCreate(unique("A"), "group");
        ActorSummary b = actors.resolveOrCreate(unique("B"), "group");
        Map<UUID, ActorSummary> map = actors.summaries(List.of(a.id(), b.id(), UUID.randomUUID()));
        assertThat(map).containsOnlyKeys(a.id(), b.id());
        assertThat(map.get(a.id())).isEqualTo(a);
    }

    @Test
    void servicesValidateTheirInputForEveryCaller() {
        assertThatThrownBy(() -> actors.create(ActorInput.of("", "planet", List.of())))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).extracting(ApiProblem.FieldError::field).containsExactly("kind", "name");
                });
    }

    @Test
    void findSimilarMatchesTypeOverlappingDateAndParticipants() {
        ActorSummary kim = actors.resolveOrCreate(unique("Kim"), "person");
        ActorSummary putin = actors.resolveOrCreate(unique("Putin"), "person");
        ActorSummary other = actors.resolveOrCreate(unique("Other"), "person");
        EventView meeting = events.create(new EventInput("meeting", "Kim meets Putin", null, DateValue.parse("1950-06-19"), null, null,
                List.of(new EventInput.Participant(kim.id().toString(), null), new EventInput.Participant(putin.slug(), null)),
                null, List.of(), 0.8, "extracted", null, null, null));
        assertThat(meeting.participants()).hasSize(2);
        assertThat(events.findSimilar("meeting", DateValue.parse("1950-06"), Set.of(kim.id(), putin.id())))
                .extracting(EventView::id).containsExactly(meeting.id());
        assertThat(events.findSimilar("meeting", DateValue.parse("1950-06"), Set.of(kim.id())))
                .extracting(EventView::id).contains(meeting.id());
        assertThat(events.findSimilar("visit", DateValue.parse("1950-06"), Set.of(kim.id()))).isEmpty();
        assertThat(events.findSimilar("meeting", DateValue.parse("1950-07"), Set.of(kim.id()))).isEmpty();
        assertThat(events.findSimilar("meeting", DateValue.parse("1950"), Set.of(kim.id(), other.id()))).isEmpty();
        assertThat(events.views(List.of(meeting.id(), UUID.randomUUID()))).extracting(EventView::id).containsExactly(meeting.id());
    }

    @Test
    void changingAnEventDateKeepsTheParticipantsCopyInStep() {
        ActorSummary kim = actors.resolveOrCreate(unique("Kim"), "person");
        EventView e = events.create(new EventInput("visit", "visit", null, DateValue.parse("1960-03"), null, null,
                List.of(new EventInput.Participant(kim.slug(), "visitor")), null, List.of(), null, null, null, null, null));
        events.patch(e.id(), new news.timeline.events.EventPatch(null, null, null, DateValue.parse("1961-05-02"), null, null,
                null, null, null, null, null));
        assertThat(events.findSimilar("visit", DateValue.parse("1961-05"), Set.of(kim.id()))).extracting(EventView::id).containsExactly(e.id());
        assertThat(events.findSimilar("visit", DateValue.parse("1960-03"), Set.of(kim.id()))).isEmpty();
        Object[] copy = (Object[]) em.createNativeQuery("select cast(event_start as text), cast(event_end as text), precision_rank"
                + " from event_participants where event_id = :e").setParameter("e", e.id()).getSingleResult();
        assertThat(copy).containsExactly("1961-05-02", "1961-05-02", (short) 1);
    }

    @Test
    void mergeIsRecordedInTheChangeLog() {
        ActorSummary source = actors.resolveOrCreate(unique("Source"), "group");
        ActorSummary target = actors.resolveOrCreate(unique("Target"), "group");
        removals.merge(source.slug(), target.id().toString());
        var merged = changes.find("entityId = ?1 and action = 'merged'", source.id()).list();
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).mergedInto).isEqualTo(target.id());
        assertThat(actors.find(source.id().toString())).isEmpty();
        assertThat(actors.findByAlias(source.name())).extracting(ActorSummary::id).containsExactly(target.id());
    }

    @Test
    void deletingAnActorKeepsItsEventsWithoutIt() {
        ActorSummary gone = actors.resolveOrCreate(unique("Gone"), "person");
        ActorSummary stays = actors.resolveOrCreate(unique("Stays"), "person");
        EventView e = events.create(new EventInput("meeting", "m", null, DateValue.parse("1970"), null, null,
                List.of(new EventInput.Participant(gone.slug(), null), new EventInput.Participant(stays.slug(), null)),
                null, List.of(), null, null, null, null, null));
        removals.delete(gone.id().toString());
        EventView after = events.get(e.id());
        assertThat(after.participants()).extracting(p -> p.actor().id()).containsExactly(stays.id());
        assertThat(after.updatedAt()).isAfterOrEqualTo(e.updatedAt());
        assertThat(changes.find("entityId = ?1 and action = 'deleted'", gone.id()).count()).isEqualTo(1);
    }
}
