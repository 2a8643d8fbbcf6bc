-- Long imports run as jobs (POST /api/v1/imports/events?async=true); their progress is polled here.
create table import_jobs (
    id             uuid primary key,
    state          varchar(16)  not null check (state in ('queued', 'running', 'succeeded', 'failed')),
    format         varchar(16)  not null,
    dry_run        boolean      not null default false,
    received       bigint       not null default 0,
    created        bigint       not null default 0,
    updated        bigint       not null default 0,
    unchanged      bigint       not null default 0,
    rejected       bigint       not null default 0,
    errors         jsonb        not null default '[]',
    errors_omitted bigint       not null default 0,
    message        text,
    created_at     timestamptz  not null,
    started_at     timestamptz,
    finished_at    timestamptz
);
create index import_jobs_created_idx on import_jobs (created_at);
