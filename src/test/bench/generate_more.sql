-- More benchmark events, in chunks: events number :first to :last (inclusive), drawn exactly as generate.sql draws
-- them (same ids md5('event-' || i), same skew over the same :actors), with their participants and sources. Run
-- generate.sql first (actors, affiliations, the first chunk), then this per further chunk, then VACUUM ANALYZE:
--
--   psql -v first=1000001 -v last=2000000 -v actors=200000 -f src/test/bench/generate_more.sql <connection>
--
-- Chunks keep each transaction to a million events (the 10M run of issue 17: src/test/bench/results/report-10m.md).
\set ON_ERROR_STOP on
-- a chunk already there is skipped (so a broken run can be started again with the same commands)
select exists (select 1 from events where id = md5('event-' || :'first')::uuid) as chunk_there \gset
\if :chunk_there
\echo events :first to :last are there already
\quit
\endif
select setseed((:first % 9973) / 9973.0);
set synchronous_commit = off;
create or replace function pg_temp.actor_id(n bigint) returns uuid language sql immutable as
$$ select md5('actor-' || n)::uuid $$;
\echo events
-- date_day spread over 1990..2025; precision: 70% day, 10% month, 5% each week, quarter, year, minute
create temporary table g as
select i,
       date '1990-01-01' + (random() * 13000)::int as d,
       random() as pr,
       (array['meeting','visit','statement','agreement_signed','agreement_other','negotiation','accusation','threat',
              'military_action','attack','sanction','aid','protest','election','appointment','resignation',
              'announcement','report','other'])[1 + floor(random() * 19)::int] as type,
       (random() * 24)::int as hh, (random() * 59)::int as mi,
       floor(3 * exp(random() * ln((:actors + 3) / 3.0)) - 3)::int as a1,
       floor(3 * exp(random() * ln((:actors + 3) / 3.0)) - 3)::int as a2,
       case when random() < 0.2 then floor(3 * exp(random() * ln((:actors + 3) / 3.0)) - 3)::int end as a3,
       random() < 0.03 as rejected
from generate_series(:first, :last) i;

create temporary table gd as
select i, type, a1, a2, a3, rejected,
       case when pr < 0.70 then 'day' when pr < 0.80 then 'month' when pr < 0.85 then 'week'
            when pr < 0.90 then 'quarter' when pr < 0.95 then 'year' else 'minute' end as precision, d, hh, mi
from g;

insert into events (id, type, title, summary, date_value, date_precision, date_start, date_end, date_approximate,
                    place_name, confidence, status, created_at, updated_at)
select md5('event-' || i)::uuid, type,
       initcap(replace(type, '_', ' ')) || ' ' || i || ' of Actor ' || a1 || ' and Actor ' || a2,
       null,
       case precision when 'day' then to_char(d, 'YYYY-MM-DD') when 'month' then to_char(d, 'YYYY-MM')
            when 'week' then to_char(d, 'IYYY-"W"IW') when 'quarter' then to_char(d, 'YYYY-"Q"Q')
            when 'year' then to_char(d, 'YYYY') else to_char(d, 'YYYY-MM-DD') || 'T' || lpad(hh::text, 2, '0') || ':' || lpad(mi::text, 2, '0') || 'Z' end,
       precision,
       case precision when 'month' then date_trunc('month', d)::date when 'week' then date_trunc('week', d)::date
            when 'quarter' then date_trunc('quarter', d)::date when 'year' then date_trunc('year', d)::date else d end,
       case precision when 'month' then (date_trunc('month', d) + interval '1 month - 1 day')::date
            when 'week' then date_trunc('week', d)::date + 6
            when 'quarter' then (date_trunc('quarter', d) + interval '3 months - 1 day')::date
            when 'year' then (date_trunc('year', d) + interval '1 year - 1 day')::date else d end,
       i % 17 = 0,
       case when i % 3 = 0 then 'Capital ' || (i % 200) end,
       0.5 + (i % 50) / 100.0,
       case when rejected then 'rejected' when i % 4 = 0 then 'confirmed' else 'extracted' end,
       now() - interval '365 days' + (i * interval '31 seconds'), now() - interval '365 days' + (i * interval '31 seconds')
from gd;

\echo participants
\echo participants
insert into event_participants (event_id, actor_id, role, event_start, event_end, precision_rank)
select e.id, pg_temp.actor_id(x.a), 'participant', e.date_start, e.date_end, e.precision_rank
from gd join events e on e.id = md5('event-' || gd.i)::uuid
cross join lateral (values (gd.a1), (gd.a2), (gd.a3)) x(a)
where x.a is not null
on conflict do nothing;

\echo sources
insert into event_sources (id, event_id, url, quote, start_offset, end_offset, rule_id, extractor_version, created_at)
select md5('source-' || e.id)::uuid, e.id, 'https://news.example/' || e.id, e.title || ', officials said.', 0, 80,
       'bench', 'bench', e.created_at
from gd join events e on e.id = md5('event-' || gd.i)::uuid;
analyze events;
analyze event_participants;
