set plan_cache_mode = force_generic_plan;
with k as (select pa.event_id, pa.event_start, pa.precision_rank
from event_participants pa join event_participants pb
  on pb.event_id = pa.event_id and pb.event_start = pa.event_start and pb.precision_rank = pa.precision_rank
where pa.actor_id = :p1::uuid and pb.actor_id = :p2::uuid
and (pa.event_start, pa.precision_rank, pa.event_id) > (:p3::date, :r1::smallint, :p4::uuid)
and (pb.event_start, pb.precision_rank, pb.event_id) > (:p3::date, :r1::smallint, :p4::uuid)
and pa.event_end >= :p5::date and pa.event_start >= least(:p5::date - 366, (select min(c.date_start) from events c where c.precision_rank >= 7 and c.date_end >= :p5::date))
and pb.event_start >= least(:p5::date - 366, (select min(c.date_start) from events c where c.precision_rank >= 7 and c.date_end >= :p5::date))
and not exists (select 1 from events r where r.id = pa.event_id and r.status = 'rejected')
order by pa.event_start, pa.precision_rank, pa.event_id limit :lim::bigint)
select e.id, e.type, e.title, e.summary, e.date_value, e.date_precision, e.date_start, e.date_end, e.date_approximate,
e.end_value, e.end_precision, e.end_start, e.end_end, e.end_approximate, e.place_name, e.confidence, e.status,
e.agreement_id, ag.name as agreement_name, e.external_id, e.created_at, e.updated_at, e.precision_rank
from k join events e on e.id = k.event_id left join agreements ag on ag.id = e.agreement_id
order by k.event_start, k.precision_rank, k.event_id;
