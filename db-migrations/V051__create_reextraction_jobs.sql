-- Re-extraction jobs (POST /api/v1/reextractions): the current extractor over many stored articles, one article per
-- transaction. Each article's changes and the job's totals and position (after_article: articles go in id order)
-- commit together, so a job a restart interrupted resumes where it stopped and ends with the totals of an
-- uninterrupted run.
create table reextraction_jobs (
    id                  uuid primary key,
    state               varchar(16) not null check (state in ('queued', 'running', 'succeeded', 'failed')),
    extractor_version   varchar(32) not null,
    include_current     boolean     not null default false,
    added_since         timestamptz,
    published_from      date,
    published_to        date,
    q                   varchar(500),
    host                varchar(253),
    version_filter      varchar(32),
    selected            bigint      not null default 0,
    done                bigint      not null default 0,
    changed             bigint      not null default 0,
    unchanged           bigint      not null default 0,
    failed              bigint      not null default 0,
    events_added        bigint      not null default 0,
    events_removed      bigint      not null default 0,
    events_changed      bigint      not null default 0,
    actors_added        bigint      not null default 0,
    actors_removed      bigint      not null default 0,
    agreements_added    bigint      not null default 0,
    agreements_removed  bigint      not null default 0,
    after_article       uuid,
    message             text,
    created_at          timestamptz not null,
    started_at          timestamptz,
    finished_at         timestamptz
);
create index reextraction_jobs_unfinished_idx on reextraction_jobs (created_at) where state in ('queued', 'running');
