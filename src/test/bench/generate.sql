-- Benchmark data: 20,000 actors, ~1,000,000 events, ~2.2 million participations, skewed like the news.
--
--   psql -v events=1000000 -v actors=20000 -f src/test/bench/generate.sql <connection>
--
-- Runs on a migrated, empty schema (the service migrates at start). Everything is generate_series, so it is
-- deterministic apart from random(): setseed() fixes that too.
--
-- Shape:
--   actors 0..199 are countries (0 = north-korea, 1 = russia), 200..1999 organizations, the rest persons.
--   Participants are drawn by a Zipf-like rank: P(rank r) ~ 1/(r+3), so the top actors have tens of thousands of
--   events (north-korea about 58,000) and most persons a few dozen.
--   Every person acts for a country (persons 2000 and 2001 are kim-jong-un and sergei-shoigu, for 0 and 1);
--   a third of them changed country once, so affiliations have validity windows; half the organizations act
--   for a country with no end.
\set ON_ERROR_STOP on
\if :{?events}
\else
\set events 1000000
\endif
\if :{?actors}
\else
\set actors 20000
\endif
-- refuse to mix with real data: the schema must be empty of events and actors
do $$ begin
    if exists (select 1 from events) or exists (select 1 from actors) then
        raise exception 'the database already has actors or events; generate into an empty, migrated database';
    end if;
end $$;
select setseed(0.42);
set synchronous_commit = off;

create or replace function pg_temp.actor_id(n bigint) returns uuid language sql immutable as
$$ select md5('actor-' || n)::uuid $$;

\echo actors
insert into actors (id, kind, slug, name, created_at, updated_at)
select pg_temp.actor_id(n),
       case when n < 200 then 'country' when n < 2000 then 'organization' else 'person' end,
       case n when 0 then 'north-korea' when 1 then 'russia' when 2000 then 'kim-jong-un' when 2001 then 'sergei-shoigu'
              else (case when n < 200 then 'country-' when n < 2000 then 'organization-' else 'person-' end) || n end,
       case n when 0 then 'North Korea' when 1 then 'Russia' when 2000 then 'Kim Jong-un' when 2001 then 'Sergei Shoigu'
              else (case when n < 200 then 'Country ' when n < 2000 then 'Organization ' else 'Person ' end) || n end,
       now() - interval '400 days', now() - interval '400 days'
from generate_series(0, :actors - 1) n;

\echo affiliations
-- persons: one country, or two in succession (switch date between 1995 and 2020)
with p as (
    select n, (n * 7919) % 200 as c1, (n * 104729 + 17) % 200 as c2,
           random() < 0.33 as moved, date '1995-01-01' + (random() * 9000)::int as switched,
           date '1985-01-01' + (random() * 3650)::int as began
    from generate_series(2000::bigint, :actors - 1) n
)
insert into actor_affiliations (id, actor_id, affiliated_to, role, valid_from, valid_to, created_at)
select md5('aff1-' || n)::uuid, pg_temp.actor_id(n),
       pg_temp.actor_id(case n when 2000 then 0 when 2001 then 1 else c1 end), 'official',
       case n when 2000 then date '2011-12-17' when 2001 then date '2012-11-06' else began end,
       case when moved and n > 2001 and c1 <> c2 then switched end, now()
from p
union all
select md5('aff2-' || n)::uuid, pg_temp.actor_id(n), pg_temp.actor_id(c2), 'official', switched, null, now()
from p where moved and n > 2001 and c1 <> c2
union all
select md5('aff3-' || n)::uuid, pg_temp.actor_id(n), pg_temp.actor_id((n * 31) % 200), 'agency', null, null, now()
from generate_series(200, 1999) n where n % 2 = 0;

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
from generate_series(1, :events) i;

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
insert into event_participants (event_id, actor_id, role, event_start, event_end, precision_rank)
select e.id, pg_temp.actor_id(x.a), 'participant', e.date_start, e.date_end, e.precision_rank
from gd join events e on e.id = md5('event-' || gd.i)::uuid
cross join lateral (values (gd.a1), (gd.a2), (gd.a3)) x(a)
where x.a is not null
on conflict do nothing;

-- the meeting every demo asks for
insert into events (id, type, title, date_value, date_precision, date_start, date_end, place_name, confidence, status, created_at, updated_at)
values (md5('event-kim-shoigu')::uuid, 'meeting', 'Kim Jong-un meets Sergei Shoigu', '2024-09-13', 'day', '2024-09-13', '2024-09-13',
        'Pyongyang', 0.9, 'confirmed', now(), now());
insert into event_participants (event_id, actor_id, role, event_start, event_end, precision_rank)
values (md5('event-kim-shoigu')::uuid, pg_temp.actor_id(2000), 'participant', '2024-09-13', '2024-09-13', 1),
       (md5('event-kim-shoigu')::uuid, pg_temp.actor_id(2001), 'participant', '2024-09-13', '2024-09-13', 1);

\echo sources
insert into event_sources (id, event_id, url, quote, start_offset, end_offset, rule_id, extractor_version, created_at)
select md5('source-' || e.id)::uuid, e.id, 'https://news.example/' || e.id, e.title || ', officials said.', 0, 80,
       'bench', 'bench', e.created_at
from events e;

\echo analyze
vacuum analyze;
select (select count(*) from actors) as actors, (select count(*) from events) as events,
       (select count(*) from event_participants) as participants, (select count(*) from actor_affiliations) as affiliations;
