-- Timeline pages read only this index: an actor's events in (start, precision rank, id) order, with the end day
-- for overlap filters and affiliation windows. It replaces V001's index on the same key without the end day.
create index if not exists event_participants_timeline_idx
    on event_participants (actor_id, event_start, precision_rank, event_id) include (event_end);
drop index if exists event_participants_actor_date_idx;
-- Lists leave rejected events out: this small index answers "is it rejected?" without reading the events table.
create index if not exists events_rejected_idx on events (id) where status = 'rejected';
