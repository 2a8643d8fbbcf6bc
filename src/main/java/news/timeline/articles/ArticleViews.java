package news.timeline.articles;

import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.actors.ActorService;
import news.timeline.actors.ActorSummary;
import news.timeline.actors.ActorView;
import news.timeline.actors.AffiliationView;
import news.timeline.agreements.AgreementService;
import news.timeline.agreements.AgreementView;
import news.timeline.events.EventReview;
import news.timeline.events.EventService;
import news.timeline.events.EventView;
import news.timeline.extraction.ExtractedActor;
import news.timeline.extraction.ExtractedAgreement;
import news.timeline.extraction.ExtractedEvent;
import news.timeline.extraction.ExtractionResult;
import news.timeline.extraction.SourceSpan;
import news.timeline.extraction.temporal.ReferenceTime;
import news.timeline.extraction.temporal.Timex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Builds {@link ArticleResponse}s: from an extraction alone (a preview) or from what was stored. */
@ApplicationScoped
class ArticleViews {

    private final ActorService actors;
    private final EventService events;
    private final AgreementService agreements;

    ArticleViews(ActorService actors, EventService events, AgreementService agreements) {
        this.actors = actors;
        this.events = events;
        this.agreements = agreements;
    }

    ArticleResponse preview(ExtractionResult r, ArticleSubmission in, ReferenceTime reference) {
        TextOffsets offsets = new TextOffsets(r.text());
        String url = in == null ? null : in.url();
        Map<String, ExtractedActor> byKey = new HashMap<>();
        r.actors().forEach(a -> byKey.put(a.key(), a));
        List<ArticleResponse.ActorView> actorViews = new ArrayList<>();
        for (ExtractedActor a : r.actors()) {
            ExtractedActor aff = a.affiliationKey() == null ? null : byKey.get(a.affiliationKey());
            actorViews.add(new ArticleResponse.ActorView(id(a.knownId()), a.slug(), a.name(), a.kind().apiName(), a.aliases(),
                    aff == null ? null : summary(aff), a.role(), a.isoCode()));
        }
        Map<String, ExtractedAgreement> agreementsByKey = new HashMap<>();
        List<AgreementView> agreementViews = new ArrayList<>();
        for (ExtractedAgreement g : r.agreements()) {
            agreementsByKey.put(g.key(), g);
            List<AgreementView.Party> parties = g.partyKeys().stream().map(byKey::get).filter(Objects::nonNull)
                    .map(a -> new AgreementView.Party(id(a.knownId()), a.slug(), a.name(), a.kind().apiName(), "party")).toList();
            agreementViews.add(new AgreementView(null, g.kind().apiName(), g.name(), g.aliases(), g.signed() != null ? "signed" : "unknown",
                    parties, g.signed(), null, null, g.clauses(), null, null, null, 0));
        }
        List<EventView> eventViews = new ArrayList<>();
        for (ExtractedEvent e : r.events()) {
            List<EventView.Participant> participants = e.participants().stream().filter(p -> byKey.containsKey(p.actorKey()))
                    .map(p -> new EventView.Participant(participant(byKey.get(p.actorKey())), p.role())).toList();
            ExtractedAgreement g = e.agreementKey() == null ? null : agreementsByKey.get(e.agreementKey());
            List<EventView.Source> sources = new ArrayList<>();
            for (SourceSpan s : e.sources()) {
                sources.add(new EventView.Source(null, url, s.quote(), offsets.toCodePoints(s.start()), offsets.toCodePoints(s.end()),
                        s.ruleId(), r.extractorVersion(), null));
            }
            eventViews.add(new EventView(null, e.type().apiName(), e.title(), null, e.date(), null,
                    e.place() == null ? null : new EventView.Place(e.place().name()), participants,
                    g == null ? null : new EventView.AgreementRef(null, g.name()), sources, round(e.confidence()), "extracted",
                    null, null, null));
        }
        ArticleResponse.ArticleView article = in == null ? null : new ArticleResponse.ArticleView(null, r.title(), in.publishedAt(),
                in.url(), in.source(), "preview", r.extractorVersion(), r.fromHtml(), null, null);
        return new ArticleResponse(article, eventViews, actorViews, agreementViews, timexes(r, offsets), r.warnings(), List.of());
    }

    ArticleResponse stored(ArticleEntity a, ExtractionResult r, List<UUID> eventIds, List<UUID> actorIds, List<UUID> agreementIds) {
        List<ArticleResponse.ActorView> actorViews = new ArrayList<>();
        for (ActorView v : actors.views(actorIds)) {
            String role = v.affiliation() == null ? null : actors.affiliations(v.id().toString()).stream()
                    .filter(f -> f.to() != null && f.to().id().equals(v.affiliation().id())).map(AffiliationView::role)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            actorViews.add(new ArticleResponse.ActorView(v.id(), v.slug(), v.name(), v.kind(),
                    v.aliases().stream().filter(x -> !x.equals(v.name())).toList(), v.affiliation(), role, v.isoCode()));
        }
        ArticleResponse.ArticleView article = new ArticleResponse.ArticleView(a.id, a.title, a.publishedAtText, a.url, a.source,
                a.status, a.extractorVersion, r.fromHtml(), a.createdAt, null);
        Map<UUID, List<String>> aliases = new HashMap<>();
        actorViews.forEach(v -> aliases.put(v.id(), v.aliases()));
        List<EventView> eventViews = events.views(eventIds).stream().map(e -> e.participants() == null ? e
                : e.withParticipants(e.participants().stream().map(p -> p.actor() == null ? p
                        : new EventView.Participant(p.actor().withAliases(aliases.getOrDefault(p.actor().id(), List.of())), p.role()))
                        .toList())).toList();
        List<ArticleResponse.FactReview> review = new ArrayList<>();
        for (EventReview e : events.reviews(eventIds)) {
            review.add(new ArticleResponse.FactReview("event", e.id(), e.status(), e.editedAt(), e.decidedBy(), e.decidedAt(), e.reason()));
        }
        Map<UUID, Instant> actorsEdited = actors.editedAt(actorIds);
        for (UUID id : actorIds) {
            review.add(edited("actor", id, actorsEdited.get(id)));
        }
        Map<UUID, Instant> agreementsEdited = agreements.editedAt(agreementIds);
        for (UUID id : agreementIds) {
            review.add(edited("agreement", id, agreementsEdited.get(id)));
        }
        return new ArticleResponse(article, eventViews, actorViews, agreements.views(agreementIds),
                timexes(r, new TextOffsets(r.text())), r.warnings(), review);
    }

    private static ArticleResponse.FactReview edited(String entity, UUID id, Instant editedAt) {
        return new ArticleResponse.FactReview(entity, id, editedAt == null ? "extracted" : "edited", editedAt, null, null, null);
    }

    private static ActorSummary summary(ExtractedActor a) {
        return new ActorSummary(id(a.knownId()), a.slug(), a.name(), a.kind().apiName());
    }

    /** A participant of an article's event: with the other names the article gives it. */
    private static ActorSummary participant(ExtractedActor a) {
        return summary(a).withAliases(a.aliases().stream().filter(x -> !x.equals(a.name())).toList());
    }

    private static List<ArticleResponse.TimexView> timexes(ExtractionResult r, TextOffsets offsets) {
        List<ArticleResponse.TimexView> out = new ArrayList<>(r.timexes().size());
        for (Timex t : r.timexes()) {
            out.add(new ArticleResponse.TimexView(offsets.toCodePoints(t.start()), offsets.toCodePoints(t.end()), t.text(),
                    t.type().name(), t.value(), t.mod()));
        }
        return out;
    }

    private static UUID id(String s) {
        return s == null ? null : UUID.fromString(s);
    }

    private static double round(double confidence) {
        return Math.round(confidence * 100) / 100.0;
    }
}
