-- Chronological lists without an actor sort like actor timelines: start date, then precision (finer first),
-- then id. The rank mirrors Precision.rank() (minute 0 ... century 8), the value event_participants copies.
alter table events add column precision_rank smallint generated always as (
    case date_precision
        when 'minute' then 0 when 'day' then 1 when 'week' then 2 when 'month' then 3 when 'season' then 4
        when 'quarter' then 5 when 'year' then 6 when 'decade' then 7 when 'century' then 8 else 9
    end) stored;
create index events_chronology_idx on events (date_start, precision_rank, id);
