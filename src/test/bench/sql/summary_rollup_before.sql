-- Before bd6f4d2: the first of the two statements the rolled-up summary ran (the counts; the sides' statement read both
-- sides again). Default work_mem (4MB), as then.
-- EXPLAIN: explain (analyze, buffers) <this>;
with ma as materialized (select md5('actor-0')::uuid as actor_id, null::date as valid_from, null::date as valid_to
 union all select f.actor_id, f.valid_from, f.valid_to from actor_affiliations f where f.affiliated_to = md5('actor-0')::uuid and true),
mb as materialized (select md5('actor-1')::uuid as actor_id, null::date as valid_from, null::date as valid_to
 union all select f.actor_id, f.valid_from, f.valid_to from actor_affiliations f where f.affiliated_to = md5('actor-1')::uuid and true),
sa as materialized (select ep.event_id, ep.actor_id from ma join event_participants ep on ep.actor_id = ma.actor_id
  and (ma.valid_to is null or ep.event_start <= ma.valid_to) and (ma.valid_from is null or ep.event_end >= ma.valid_from)),
sb as materialized (select ep.event_id, ep.actor_id from mb join event_participants ep on ep.actor_id = mb.actor_id
  and (mb.valid_to is null or ep.event_start <= mb.valid_to) and (mb.valid_from is null or ep.event_end >= mb.valid_from)),
shared as materialized (select distinct sa.event_id from sa join sb on sb.event_id = sa.event_id and sb.actor_id <> sa.actor_id),
s as materialized (select e.id, e.type, e.date_start, e.precision_rank from shared join events e on e.id = shared.event_id
where true and e.status = any('{extracted,confirmed}'))
select 0, s.type, null::date, count(*) from s group by s.type
union all
select 1, null, date_trunc('year', s.date_start)::date, count(*) from s group by 3
union all
select 2, null, date_trunc('month', s.date_start)::date, count(*) from s group by 3
union all
(select 3, s.id::text, null, 0 from s order by s.date_start, s.precision_rank, s.id limit 1)
union all
(select 4, s.id::text, null, 0 from s order by s.date_start desc, s.precision_rank desc, s.id desc limit 1);
