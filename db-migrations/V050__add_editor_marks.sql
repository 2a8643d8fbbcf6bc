-- The editorial loop (issue 15): what an editor did to a fact is kept, so that retracting an article or running a
-- newer extractor over it never undoes an editor's work.
--   edited_at: set when an editor creates or changes the fact through the API (PUT, PATCH, a manual create, a merge);
--     extraction and imports leave it null.
--   decided_by / decided_at / decision_reason: the review decision (confirmed or rejected) on an event, who made it
--     (the API key's name when keys are named) and why.
-- The change log carries the decision too, so a client keeping a copy learns it from the feed.
alter table events add column edited_at timestamptz;
alter table events add column decided_by varchar(200);
alter table events add column decided_at timestamptz;
alter table events add column decision_reason text;
alter table actors add column edited_at timestamptz;
alter table agreements add column edited_at timestamptz;

alter table changes add column status varchar(16);
alter table changes add column reason text;
alter table changes add column changed_by varchar(200);

-- GET /api/v1/articles: newest first with keyset paging, and q= over title and text (the first 200,000 characters:
-- a tsvector is limited to 1 MB, and a submission's text to 1,000,000 characters)
create index articles_created_idx on articles (created_at, id);
create index articles_updated_idx on articles (updated_at);
create index articles_search_idx on articles
    using gin (to_tsvector('english', coalesce(title, '') || ' ' || left(body, 200000)));
