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

create or replace function check_event_references() returns trigger language plpgsql as $$
declare
    me xid := pg_current_xact_id()::xid;
    ids uuid[];
    present int;
    missing uuid;
begin
    if tg_op = 'UPDATE' then
        ids := array(select n.event_id from new_rows n except select o.event_id from old_rows o);
    else
        ids := array(select distinct n.event_id from new_rows n);
    end if;
    if cardinality(ids) = 0 then
        return null;
    end if;
    -- one index probe per distinct id (a join, not "= any (ids)", which a bitmap scan rechecks against the whole
    -- array for every row: quadratic in the statement's size); rows written by this transaction are not locked
    perform 1 from unnest(ids) i join events e on e.id = i where e.xmin <> me for key share of e;
    select count(*) into present from unnest(ids) i join events e on e.id = i;
    if present < cardinality(ids) then
        select i into missing from unnest(ids) i where not exists (select 1 from events e where e.id = i) limit 1;
        raise foreign_key_violation using
            message = format('insert or update on table "%s" violates the reference to events', tg_table_name),
            detail = format('Key (event_id)=(%s) is not present in table "events".', missing);
    end if;
    return null;
end $$;

create function check_participant_actors() returns trigger language plpgsql as $$
declare
    me xid := pg_current_xact_id()::xid;
    ids uuid[];
    present int;
    missing uuid;
begin
    if tg_op = 'UPDATE' then
        ids := array(select n.actor_id from new_rows n except select o.actor_id from old_rows o);
    else
        ids := array(select distinct n.actor_id from new_rows n);
    end if;
    if cardinality(ids) = 0 then
        return null;
    end if;
    perform 1 from unnest(ids) i join actors a on a.id = i where a.xmin <> me for key share of a;
    select count(*) into present from unnest(ids) i join actors a on a.id = i;
    if present < cardinality(ids) then
        select i into missing from unnest(ids) i where not exists (select 1 from actors a where a.id = i) limit 1;
        raise foreign_key_violation using
            message = 'insert or update on table "event_participants" violates the reference to actors',
            detail = format('Key (actor_id)=(%s) is not present in table "actors".', missing);
    end if;
    return null;
end $$;

drop trigger event_participants_event_reference_update on event_participants;
drop trigger event_sources_event_reference_update on event_sources;
create trigger event_participants_event_reference_update after update on event_participants
    referencing old table as old_rows new table as new_rows for each statement execute function check_event_references();
create trigger event_sources_event_reference_update after update on event_sources
    referencing old table as old_rows new table as new_rows for each statement execute function check_event_references();

create trigger event_participants_actor_reference_insert after insert on event_participants
    referencing new table as new_rows for each statement execute function check_participant_actors();
create trigger event_participants_actor_reference_update after update on event_participants
    referencing old table as old_rows new table as new_rows for each statement execute function check_participant_actors();

create function delete_actor_participations() returns trigger language plpgsql as $$
begin
    delete from event_participants p using old_rows o where p.actor_id = o.id;
    return null;
end $$;

create trigger actors_delete_participations after delete on actors
    referencing old table as old_rows for each statement execute function delete_actor_participations();
