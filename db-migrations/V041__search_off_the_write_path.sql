-- Full-text search moves off the write path. Computing the English vectors of titles, summaries and quotes and
-- keeping two GIN indexes up to date was a third of the database's work for every stored event (COPY of the same
-- rows ran 1.5 times faster without them). Writers now only note which events changed (search_queue, filled by
-- statement-level triggers, so no write path can forget it); SearchIndexer turns the queue into one vector per event
-- (title, summary and quotes together) in event_search, in the background. Until an event is indexed, a text query
-- matches it by computing its vector on the fly, so search is never wrong, only slower right after a bulk import.

create table event_search (
    event_id uuid primary key references events (id) on delete cascade,
    search   tsvector not null
);

create table search_queue (
    event_id uuid primary key references events (id) on delete cascade
);

-- The one definition of what text search sees of an event, used by the indexer and by queries on unindexed events.
create function event_search_vector(event uuid) returns tsvector language sql stable as $$
    select to_tsvector('english', coalesce(e.title, '') || ' ' || coalesce(e.summary, '') || ' '
               || coalesce((select string_agg(s.quote, ' ' order by s.created_at, s.id) from event_sources s
                            where s.event_id = e.id), ''))
    from events e where e.id = event
$$;

insert into event_search (event_id, search) select e.id, event_search_vector(e.id) from events e;
create index event_search_idx on event_search using gin (search);

drop index if exists events_search_idx;
alter table events drop column search;
drop index if exists event_sources_quote_search_idx;

create function search_queue_events() returns trigger language plpgsql as $$
begin
    insert into search_queue (event_id) select n.id from new_rows n on conflict do nothing;
    return null;
end $$;

create function search_queue_sources() returns trigger language plpgsql as $$
begin
    insert into search_queue (event_id)
    select distinct n.event_id from new_rows n where exists (select 1 from events e where e.id = n.event_id)
    on conflict do nothing;
    return null;
end $$;

create function search_queue_removed_sources() returns trigger language plpgsql as $$
begin
    insert into search_queue (event_id)
    select distinct o.event_id from old_rows o where exists (select 1 from events e where e.id = o.event_id)
    on conflict do nothing;
    return null;
end $$;

create trigger events_search_queue_insert after insert on events
    referencing new table as new_rows for each statement execute function search_queue_events();
create trigger events_search_queue_update after update on events
    referencing new table as new_rows for each statement execute function search_queue_events();
create trigger event_sources_search_queue_insert after insert on event_sources
    referencing new table as new_rows for each statement execute function search_queue_sources();
create trigger event_sources_search_queue_update after update on event_sources
    referencing new table as new_rows for each statement execute function search_queue_sources();
create trigger event_sources_search_queue_delete after delete on event_sources
    referencing old table as old_rows for each statement execute function search_queue_removed_sources();
