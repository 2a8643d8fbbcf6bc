set plan_cache_mode = force_generic_plan;
with m as (select :p1::uuid as actor_id, null::date as valid_from, null::date as valid_to
union all
select f.actor_id, f.valid_from, f.valid_to from actor_affiliations f where f.affiliated_to = :p1::uuid and false
),
k as (select distinct x.event_id, x.event_start, x.precision_rank from m cross join lateral (
select ep.event_id, ep.event_start, ep.precision_rank
from event_participants ep
where ep.actor_id = m.actor_id
and (m.valid_to is null or ep.event_start <= m.valid_to)
and (m.valid_from is null or ep.event_end >= m.valid_from)
and (ep.event_start, ep.precision_rank, ep.event_id) > (:p2::date, :r3::smallint, :p3::uuid)
and ep.event_end >= :p2::date and ep.event_start >= least(:p2::date - 366, (select min(c.date_start) from events c where c.precision_rank >= 7 and c.date_end >= :p2::date))
and not exists (select 1 from events r where r.id = ep.event_id and r.status = 'rejected')
order by ep.event_start, ep.precision_rank, ep.event_id limit :lim::bigint
) x order by x.event_start, x.precision_rank, x.event_id limit :lim::bigint)
select e.id, e.type, e.title, e.summary, e.date_value, e.date_precision, e.date_start, e.date_end, e.date_approximate,
e.end_value, e.end_precision, e.end_start, e.end_end, e.end_approximate, e.place_name, e.confidence, e.status,
e.agreement_id, ag.name as agreement_name, e.external_id, e.created_at, e.updated_at, e.precision_rank
from k join events e on e.id = k.event_id left join agreements ag on ag.id = e.agreement_id
order by k.event_start, k.precision_rank, k.event_id;
