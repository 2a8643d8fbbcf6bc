-- "from" filters overlap: an event starting before "from" is still in range when it ends after it. Events no
-- coarser than a year span at most 366 days, so a scan can start 366 days before "from"; the rare decade and
-- century events are found through this small index and lower that bound when one reaches into the range.
create index events_coarse_end_idx on events (date_end, date_start) where precision_rank >= 7;
