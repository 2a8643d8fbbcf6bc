-- "Not the same happening": an editor dismisses a merge suggestion (POST /api/v1/review/merge-suggestions/dismissals).
-- One row per unordered pair (event_a < event_b), kept with why and who. No foreign key to events on purpose: a
-- dismissal of an event that was deleted or merged is inert (the event's own change-log entry says it went), and
-- one that a split restores (same id) applies again; nothing cascades out of sight of the change log.
-- Merge suggestions and the automatic de-duplication of article ingest both leave a dismissed pair alone.
create table merge_dismissals (
    id           uuid primary key,
    event_a      uuid         not null,
    event_b      uuid         not null,
    reason       text,
    dismissed_by varchar(200),
    dismissed_at timestamptz  not null,
    check (event_a < event_b),
    constraint merge_dismissals_pair_key unique (event_a, event_b)
);
create index merge_dismissals_b_idx on merge_dismissals (event_b);
create index merge_dismissals_time_idx on merge_dismissals (dismissed_at desc, id desc);

-- dismissals are entries of the change feed (created, deleted, with reason and by)
alter table changes drop constraint changes_entity_check;
alter table changes add constraint changes_entity_check
    check (entity in ('actor', 'event', 'agreement', 'article', 'dismissal'));
