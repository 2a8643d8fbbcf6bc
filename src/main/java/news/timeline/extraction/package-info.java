/**
 * Article extraction, plain Java (no Quarkus, JPA, Jakarta or JAX-RS): {@link news.timeline.extraction.ArticleExtractor}
 * turns one article ({@link news.timeline.extraction.ArticleInput}: title, plain body or whole HTML page, publication
 * time) into an {@link news.timeline.extraction.ExtractionResult}: dated events with participants, place, quotes and
 * confidence, actors with kind, role, affiliation and aliases, agreements with parties, signing date and clauses, the
 * time expressions, the masked boilerplate and warnings. Every fact carries UTF-16 spans into
 * {@link news.timeline.extraction.ExtractionResult#text()}, a rule id and {@link news.timeline.extraction.ArticleExtractor#VERSION}.
 *
 * <p>Stages, each in its package: {@code text} (cleaning that keeps offsets, HTML body, OpenNLP sentences and tokens,
 * POS on demand), {@code temporal} (the time tagger), {@code actors}, {@code events}, {@code agreements}. Lexicons and
 * rules are data under {@code src/main/resources/extraction/en/} (see the README there). The storage layer plugs its
 * alias table in through {@link news.timeline.extraction.KnownActors}.
 */
package news.timeline.extraction;
