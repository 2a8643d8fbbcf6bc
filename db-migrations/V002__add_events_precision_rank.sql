-- The chronological order of events is (date_start, precision rank, id): on the same start day a day-precise
-- event comes before a month-precise one. The rank is derived from date_precision (Precision.rank(), finest
-- first), stored so the order has an index and keyset paging is one range scan.
alter table events add column precision_rank smallint generated always as (
    case date_precision
        when 'minute' then 0 when 'day' then 1 when 'week' then 2 when 'month' then 3 when 'season' then 4
        when 'quarter' then 5 when 'year' then 6 when 'decade' then 7 when 'century' then 8 else 9
    end) stored;
create index events_chronological_idx on events (date_start, precision_rank, id);
