-- Event merges (POST /api/v1/events/{id}/merge) can be undone: splitting out exactly the sources a merge brought in
-- restores the merged event as it was, with its id. A merge keeps the merged event's row and participants here
-- (merged_events has the columns of events, the generated precision_rank as a plain copy; a row goes back by the
-- names of events' columns, so a migration that adds a column to events adds it to merged_events too), and what the
-- merge changed on the target.
create table merged_events (like events);
create table merged_event_participants (like event_participants);
create index merged_event_participants_event_idx on merged_event_participants (event_id);

create table event_merges (
    id                  uuid primary key,
    event_id            uuid        not null,
    into_id             uuid        not null,
    sources             uuid[]      not null,
    added_participants  uuid[]      not null,
    took_agreement      boolean     not null,
    merged_at           timestamptz not null,
    undone_at           timestamptz
);
create index event_merges_into_idx on event_merges (into_id) where undone_at is null;
