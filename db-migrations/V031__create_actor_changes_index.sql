-- The in-memory alias index used by extraction catches up with actor changes by reading the change log past the
-- last sequence number it saw; this partial index makes "the newest actor change" and that catch-up range scans.
create index changes_actor_seq_idx on changes (seq) where entity = 'actor';
