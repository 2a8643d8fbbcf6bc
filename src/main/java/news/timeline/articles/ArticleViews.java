package news.timeline.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.timeline.actors.ActorEntity;
import news.timeline.actors.ActorSummary;
import news.timeline.actors.AffiliationEntity;
import news.timeline.agreements.AgreementEntity;
import news.timeline.events.EventEntity;
import news.timeline.events.EventSourceEntity;
import news.timeline.events.EventView;
import news.timeline.extraction.ExtractedActor;
import news.timeline.extraction.ExtractedAgreement;
import news.timeline.extraction.ExtractedEvent;
import news.timeline.extraction.ExtractionResult;
import news.timeline.extraction.SourceSpan;
import news.timeline.extraction.temporal.ReferenceTime;
import news.timeline.extraction.temporal.Timex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds {@link ArticleResponse}s: from an extraction alone (preview) or from what was stored. */
@ApplicationScoped
class ArticleViews {

    private final EntityManager em;

    ArticleViews(EntityManager em) {
        this.em = em;
    }

    ArticleResponse preview(ExtractionResult r, ArticleSubmission in, ReferenceTime reference) {
        TextOffsets offsets = new TextOffsets(r.text());
        String url = in == null ? null : in.url();
        Map<String, ExtractedActor> byKey = new HashMap<>();
        r.actors().forEach(a -> byKey.put(a.key(), a));
        List<ArticleResponse.ActorView> actors = new ArrayList<>();
        for (ExtractedActor a : r.actors()) {
            ExtractedActor aff = a.affiliationKey() == null ? null : byKey.get(a.affiliationKey());
            actors.add(new ArticleResponse.ActorView(id(a.knownId()), a.slug(), a.name(), a.kind().apiName(), a.aliases(),
                    aff == null ? null : summary(aff), a.role(), a.isoCode()));
        }
        Map<String, ExtractedAgreement> agreementsByKey = new HashMap<>();
        List<ArticleResponse.AgreementView> agreements = new ArrayList<>();
        for (ExtractedAgreement g : r.agreements()) {
            agreementsByKey.put(g.key(), g);
            List<ArticleResponse.Party> parties = g.partyKeys().stream().map(byKey::get).filter(java.util.Objects::nonNull)
                    .map(a -> new ArticleResponse.Party(id(a.knownId()), a.slug(), a.name())).toList();
            agreements.add(new ArticleResponse.AgreementView(null, g.name(), g.kind().apiName(), parties, g.signed(), g.clauses(),
                    g.signed() != null ? "signed" : "unknown"));
        }
        List<EventView> events = new ArrayList<>();
        for (ExtractedEvent e : r.events()) {
            List<EventView.Participant> participants = e.participants().stream().filter(p -> byKey.containsKey(p.actorKey()))
                    .map(p -> new EventView.Participant(summary(byKey.get(p.actorKey())), p.role())).toList();
            ExtractedAgreement g = e.agreementKey() == null ? null : agreementsByKey.get(e.agreementKey());
            List<EventView.Source> sources = new ArrayList<>();
            for (SourceSpan s : e.sources()) {
                sources.add(new EventView.Source(null, url, s.quote(), offsets.toCodePoints(s.start()), offsets.toCodePoints(s.end()),
                        s.ruleId(), r.extractorVersion()));
            }
            events.add(new EventView(null, e.type().apiName(), e.title(), null, e.date(), null,
                    e.place() == null ? null : new EventView.Place(e.place().name()), participants,
                    g == null ? null : new EventView.AgreementRef(null, g.name()), sources, round(e.confidence()), "extracted",
                    null, null, null));
        }
        ArticleResponse.ArticleView article = in == null ? null : new ArticleResponse.ArticleView(null, r.title(), in.publishedAt(),
                in.url(), in.source(), "preview", r.extractorVersion(), r.fromHtml(), null);
        return new ArticleResponse(article, events, actors, agreements, timexes(r, offsets), r.warnings());
    }

    ArticleResponse stored(ArticleEntity a, ExtractionResult r, List<EventEntity> events, List<ActorEntity> actors,
                           List<AgreementEntity> agreements) {
        TextOffsets offsets = new TextOffsets(r.text());
        Map<UUID, ActorEntity> cache = new HashMap<>();
        actors.forEach(x -> cache.put(x.id, x));
        List<ArticleResponse.ActorView> actorViews = new ArrayList<>();
        for (ActorEntity x : actors) {
            AffiliationEntity f = currentAffiliation(x.id);
            actorViews.add(new ArticleResponse.ActorView(x.id, x.slug, x.name, x.kind,
                    x.aliases.stream().map(al -> al.alias).filter(al -> !al.equals(x.name)).toList(),
                    f == null ? null : summary(actor(f.affiliatedTo, cache)), f == null ? null : f.role, x.isoCode));
        }
        List<ArticleResponse.AgreementView> agreementViews = agreements.stream().map(g -> new ArticleResponse.AgreementView(g.id,
                g.name, g.kind, g.parties.stream().map(p -> actor(p.actorId, cache))
                .map(p -> new ArticleResponse.Party(p.id, p.slug, p.name)).toList(),
                g.signed == null ? null : g.signed.toDateValue(), List.copyOf(g.clauses), g.status)).toList();
        List<EventView> eventViews = new ArrayList<>();
        for (EventEntity e : events) {
            AgreementEntity g = e.agreementId == null ? null : em.find(AgreementEntity.class, e.agreementId);
            List<EventView.Source> sources = new ArrayList<>();
            for (EventSourceEntity s : e.sources) {
                sources.add(new EventView.Source(s.articleId, s.url, s.quote, s.startOffset, s.endOffset, s.ruleId, s.extractorVersion));
            }
            eventViews.add(new EventView(e.id, e.type, e.title, e.summary, e.date.toDateValue(),
                    e.endDate == null ? null : e.endDate.toDateValue(), e.placeName == null ? null : new EventView.Place(e.placeName),
                    e.participants.stream().map(p -> new EventView.Participant(summary(actor(p.actorId, cache)), p.role)).toList(),
                    g == null ? null : new EventView.AgreementRef(g.id, g.name), sources, round(e.confidence), e.status,
                    e.externalId, e.createdAt, e.updatedAt));
        }
        ArticleResponse.ArticleView article = new ArticleResponse.ArticleView(a.id, a.title, a.publishedAtText, a.url, a.source,
                a.status, a.extractorVersion, r.fromHtml(), a.createdAt);
        return new ArticleResponse(article, eventViews, actorViews, agreementViews, timexes(r, offsets), r.warnings());
    }

    private AffiliationEntity currentAffiliation(UUID actorId) {
        LocalDate today = LocalDate.now();
        return em.createQuery("select f from AffiliationEntity f where f.actorId = :a and (f.validTo is null or f.validTo >= :d) "
                        + "order by f.createdAt", AffiliationEntity.class)
                .setParameter("a", actorId).setParameter("d", today).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private ActorEntity actor(UUID id, Map<UUID, ActorEntity> cache) {
        return cache.computeIfAbsent(id, k -> em.find(ActorEntity.class, k));
    }

    private static ActorSummary summary(ActorEntity a) {
        return new ActorSummary(a.id, a.slug, a.name, a.kind);
    }

    private static ActorSummary summary(ExtractedActor a) {
        return new ActorSummary(id(a.knownId()), a.slug(), a.name(), a.kind().apiName());
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
