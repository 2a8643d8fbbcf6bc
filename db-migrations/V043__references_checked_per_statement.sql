-- An event's participants and sources reference it through checks run once per statement instead of once per row.
--
-- A foreign key checks each inserted row on its own: an executor start, an index probe and a row lock per row. For
-- an import that is three checks per event (two participants, one source), each locking an event row the same
-- transaction has just written, and the profile of the import benchmark's PostgreSQL backends put 38% of their
-- time in RI_FKey_check. The triggers below keep what the two foreign keys on event_id guaranteed:
--   * no participant or source row names a missing event (checked after every insert or update,
--     for all rows of the statement at once: foreign_key_violation, SQLSTATE 23503, as before);
--   * a concurrent delete cannot slip in between the check and the commit: every referenced event that this
--     transaction has not written itself is locked FOR KEY SHARE, as the foreign key locked it (events this
--     transaction inserted are invisible to others, and those it updated are locked by the update);
--   * deleting events deletes their participants and sources (the cascade), in the same statement.
-- The foreign keys to actors and articles stay: their rows are shared by many events and written elsewhere.

alter table event_participants drop constraint event_participants_event_id_fkey;
alter table event_sources drop constraint event_sources_event_id_fkey;

create function check_event_references() returns trigger language plpgsql as $$
declare
    me xid := pg_current_xact_id()::xid;
    ids uuid[] := array(select distinct n.event_id from new_rows n);
    present int;
    missing uuid;
begin
    -- by index probes for the statement's distinct events, whatever the size of either table
    perform 1 from events e where e.id = any (ids) and e.xmin <> me for key share;
    select count(*) into present from events e where e.id = any (ids);
    if present < cardinality(ids) then
        select i into missing from unnest(ids) i where not exists (select 1 from events e where e.id = i) limit 1;
        raise foreign_key_violation using
            message = format('insert or update on table "%s" violates the reference to events', tg_table_name),
            detail = format('Key (event_id)=(%s) is not present in table "events".', missing);
    end if;
    return null;
end $$;

create trigger event_participants_event_reference_insert after insert on event_participants
    referencing new table as new_rows for each statement execute function check_event_references();
create trigger event_participants_event_reference_update after update on event_participants
    referencing new table as new_rows for each statement execute function check_event_references();
create trigger event_sources_event_reference_insert after insert on event_sources
    referencing new table as new_rows for each statement execute function check_event_references();
create trigger event_sources_event_reference_update after update on event_sources
    referencing new table as new_rows for each statement execute function check_event_references();

create function delete_event_children() returns trigger language plpgsql as $$
begin
    delete from event_participants p using old_rows o where p.event_id = o.id;
    delete from event_sources s using old_rows o where s.event_id = o.id;
    return null;
end $$;

create trigger events_delete_children after delete on events
    referencing old table as old_rows for each statement execute function delete_event_children();

-- truncate events alone would leave rows behind; as with the foreign key, it has to name the children too
create function refuse_truncate_events_alone() returns trigger language plpgsql as $$
begin
    if exists (select 1 from event_participants limit 1) or exists (select 1 from event_sources limit 1) then
        raise foreign_key_violation using message = 'truncate events together with event_participants and event_sources';
    end if;
    return null;
end $$;

create trigger events_truncate_children after truncate on events
    for each statement execute function refuse_truncate_events_alone();
