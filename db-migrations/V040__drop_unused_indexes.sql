-- Two indexes no query reads, each maintained on every insert (the import benchmark pays for them on every row):
-- events_date_idx was the first chronological index, replaced by events_chronological_idx (start, precision rank,
-- id); nothing looks changes up by entity_id (sync reads by sequence, the alias index by sequence and entity).
drop index if exists events_date_idx;
drop index if exists changes_entity_idx;
