-- The participants' reference to actors is checked once per statement too (as V043 did for events), an update
-- checks only the references it introduces, and the statement's ids are probed by a join (V043's "= any (ids)" was
-- rechecked against the whole array for every row by a bitmap scan: a third of the backends' time in a profile).
--
-- After V043 the foreign key event_participants.actor_id was the last per-row check on the import's write path: two
-- per event. Its replacement keeps what it guaranteed: a missing actor is refused with foreign_key_violation
-- (23503); the referenced actors this transaction has not written itself are locked FOR KEY SHARE until it ends, so
-- a concurrent delete or merge waits; deleting actors deletes their participations.
--
-- An update (an actor merge moves participations from one actor to another) checks and locks only the ids that no
-- row of the statement referenced before: a foreign key skips rows whose key did not change, and locking every
-- event of a large actor's participations would cost a merge a row lock per event.

alter table event_participants drop constraint event_participants_actor_id_fkey;

-- One check for every such reference, named by the trigger's arguments: the referencing column and the table of
-- the referenced ids (their key is "id").
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

drop trigger event_participants_event_reference_insert on event_participants;
drop trigger event_participants_event_reference_update on event_participants;
drop trigger event_sources_event_reference_insert on event_sources;
drop trigger event_sources_event_reference_update on event_sources;
drop function check_event_references();

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

create function delete_actor_participations() returns trigger language plpgsql as $$
begin
    delete from event_participants p using old_rows o where p.actor_id = o.id;
    return null;
end $$;

create trigger actors_delete_participations after delete on actors
    referencing old table as old_rows for each statement execute function delete_actor_participations();
