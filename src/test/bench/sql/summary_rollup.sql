-- Issue 18: the statement GET /api/v1/relationships/north-korea/russia (roll-up, no filter) runs on the benchmark data
-- (generate.sql ids: md5('actor-0') is north-korea, md5('actor-1') russia), inside a transaction with work_mem 32MB.
-- EXPLAIN: begin; set local work_mem = '32MB'; explain (analyze, buffers) <this>; rollback;
with ma as materialized (select md5('actor-0')::uuid as actor_id, null::date as valid_from, null::date as valid_to
 union all select f.actor_id, f.valid_from, f.valid_to from actor_affiliations f where f.affiliated_to = md5('actor-0')::uuid and true),
mb as materialized (select md5('actor-1')::uuid as actor_id, null::date as valid_from, null::date as valid_to
 union all select f.actor_id, f.valid_from, f.valid_to from actor_affiliations f where f.affiliated_to = md5('actor-1')::uuid and true),
sa as materialized (select ep.event_id, ep.actor_id, ep.event_start, ep.event_end, ep.precision_rank from ma join event_participants ep on ep.actor_id = ma.actor_id
  and (ma.valid_to is null or ep.event_start <= ma.valid_to) and (ma.valid_from is null or ep.event_end >= ma.valid_from)
  where ma.actor_id <> md5('actor-0')::uuid),
sb as materialized (select ep.event_id, ep.actor_id, ep.event_start, ep.precision_rank from mb join event_participants ep on ep.actor_id = mb.actor_id
  and (mb.valid_to is null or ep.event_start <= mb.valid_to) and (mb.valid_from is null or ep.event_end >= mb.valid_from)
  where mb.actor_id <> md5('actor-1')::uuid),
shared as materialized (
  select pa.event_id from event_participants pa join event_participants pb
    on pb.event_id = pa.event_id and pb.event_start = pa.event_start and pb.precision_rank = pa.precision_rank
  where pa.actor_id = md5('actor-0')::uuid and pb.actor_id = md5('actor-1')::uuid
  union
  select x.event_id from sa x join event_participants q on q.event_id = x.event_id and q.actor_id <> x.actor_id
    join mb on mb.actor_id = q.actor_id
      and (mb.valid_to is null or x.event_start <= mb.valid_to) and (mb.valid_from is null or x.event_end >= mb.valid_from)
  union
  select y.event_id from sb y where y.actor_id <> md5('actor-0')::uuid and exists (select 1 from event_participants q
      where q.actor_id = md5('actor-0')::uuid and q.event_start = y.event_start and q.precision_rank = y.precision_rank
        and q.event_id = y.event_id offset 0)
),
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
(select 4, s.id::text, null, 0 from s order by s.date_start desc, s.precision_rank desc, s.id desc limit 1)
union all
select 5, x.actor_id::text, null, x.n from (select sa.actor_id, count(distinct sa.event_id) as n from sa join s on s.id = sa.event_id
      group by sa.actor_id) x join actors act on act.id = x.actor_id
union all
select 6, x.actor_id::text, null, x.n from (select sb.actor_id, count(distinct sb.event_id) as n from sb join s on s.id = sb.event_id
      group by sb.actor_id) x join actors act on act.id = x.actor_id
order by 1, 4 desc, 2;
