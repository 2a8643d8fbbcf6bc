-- The search queue costs writers as little as possible: no foreign key (a check per queued row; the indexer joins
-- the queue with events, so an entry for a deleted event is simply dropped) and no existence probe per source row.
alter table search_queue drop constraint if exists search_queue_event_id_fkey;

create or replace function search_queue_sources() returns trigger language plpgsql as $$
begin
    insert into search_queue (event_id) select distinct n.event_id from new_rows n on conflict do nothing;
    return null;
end $$;

create or replace function search_queue_removed_sources() returns trigger language plpgsql as $$
begin
    insert into search_queue (event_id) select distinct o.event_id from old_rows o on conflict do nothing;
    return null;
end $$;

-- events deleted since they were queued leave their entries behind; the indexer drops them (SearchIndexer)
