-- The three busiest references, event_participants.event_id, event_participants.actor_id and event_sources.event_id,
-- are checked once per statement instead of once per row.
--
-- A foreign key checks each inserted row on its own: an executor start, an index probe and a row lock per row. An
-- imported event has five such checks (two participants against events and actors, one source against events), and
-- the profile of the import benchmark's PostgreSQL backends put 38% of their time in RI_FKey_check. The triggers
-- below keep what the foreign keys guaranteed:
--   * no row names a missing event or actor: checked after every insert or update, for all rows of the statement
--     at once, and refused with foreign_key_violation (SQLSTATE 23503), as before;
--   * a concurrent delete cannot slip in between the check and the commit: every referenced row that this
--     transaction has not written itself is locked FOR KEY SHARE, as the foreign key locked it (rows this
--     transaction inserted are invisible to others, and those it updated are locked by the update);
--   * deleting events deletes their participants and sources, deleting actors their participations (the cascades);
--   * an update checks and locks only the ids that no row of the statement referenced before: a foreign key skips
--     rows whose key did not change, and an actor merge that moves participations would otherwise lock every event
--     it touches.
-- The other foreign keys (to articles, agreements, and those of every other table) stay declarative.

alter table event_participants drop constraint event_participants_event_id_fkey;
alter table event_participants drop constraint event_participants_actor_id_fkey;
alter table event_sources drop constraint event_sources_event_id_fkey;

-- One check for every such reference, named by the trigger's arguments: the referencing column and the table of the
-- referenced ids (their key is "id"). Dynamic SQL is planned once per statement, not per row.
create function check_references() returns trigger language plpgsql as $$
declare
    col text := tg_argv[0];
    parent text := tg_argv[1];
    me xid := pg_current_xact_id()::xid;
    ids uuid[];
    present int;
    missing uuid;
begin
    if tg_op = 'UPDATE' then
        execute format('select array(select n.%1$I from new_rows n except select o.%1$I from old_rows o)', col) into ids;
    else
        execute format('select array(select distinct n.%I from new_rows n)', col) into ids;
    end if;
    if cardinality(ids) = 0 then
        return null;
    end if;
    -- one primary-key probe per distinct id (a join, not "= any (ids)", which a bitmap scan rechecks against the
    -- whole array for every row: quadratic in the statement's size); rows written by this transaction are not locked
    execute format('select 1 from unnest($1) i join %I p on p.id = i where p.xmin <> $2 for key share of p', parent)
        using ids, me;
    execute format('select count(*) from unnest($1) i join %I p on p.id = i', parent) using ids into present;
    if present < cardinality(ids) then
        execute format('select i from unnest($1) i where not exists (select 1 from %I p where p.id = i) limit 1', parent)
            using ids into missing;
        raise foreign_key_violation using
            message = format('insert or update on table "%s" violates the reference to %s', tg_table_name, parent),
            detail = format('Key (%s)=(%s) is not present in table "%s".', col, missing, parent);
    end if;
    return null;
end $$;

create trigger event_participants_event_reference_insert after insert on event_participants
    referencing new table as new_rows for each statement execute function check_references('event_id', 'events');
create trigger event_participants_event_reference_update after update on event_participants
    referencing old table as old_rows new table as new_rows
    for each statement execute function check_references('event_id', 'events');
create trigger event_sources_event_reference_insert after insert on event_sources
    referencing new table as new_rows for each statement execute function check_references('event_id', 'events');
create trigger event_sources_event_reference_update after update on event_sources
    referencing old table as old_rows new table as new_rows
    for each statement execute function check_references('event_id', 'events');
create trigger event_participants_actor_reference_insert after insert on event_participants
    referencing new table as new_rows for each statement execute function check_references('actor_id', 'actors');
create trigger event_participants_actor_reference_update after update on event_participants
    referencing old table as old_rows new table as new_rows
    for each statement execute function check_references('actor_id', 'actors');

create function delete_event_children() returns trigger language plpgsql as $$
begin
    delete from event_participants p using old_rows o where p.event_id = o.id;
    delete from event_sources s using old_rows o where s.event_id = o.id;
    return null;
end $$;

create trigger events_delete_children after delete on events
    referencing old table as old_rows for each statement execute function delete_event_children();

create function delete_actor_participations() returns trigger language plpgsql as $$
begin
    delete from event_participants p using old_rows o where p.actor_id = o.id;
    return null;
end $$;

create trigger actors_delete_participations after delete on actors
    referencing old table as old_rows for each statement execute function delete_actor_participations();

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
