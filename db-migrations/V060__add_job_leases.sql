-- Several replicas on one database (issue 17): a background job belongs to the process running it (owner: the
-- replica's stable name, host:port; owner_run: that process's start) and stays alive by a heartbeat. A start, and a
-- periodic sweep, fail (imports) or take over (re-extractions) only jobs whose heartbeat is older than the lease, or
-- whose owner is the starting replica itself (its earlier process is gone), never another live replica's.
-- Rows from before this migration have no heartbeat: their process stopped with the old release, they count as expired.
alter table import_jobs add column owner varchar(300), add column owner_run uuid, add column heartbeat_at timestamptz;
alter table reextraction_jobs add column owner varchar(300), add column owner_run uuid, add column heartbeat_at timestamptz;
create index import_jobs_unfinished_idx on import_jobs (heartbeat_at) where state in ('queued', 'running');
