-- GET /api/v1/review: extracted events awaiting a decision, lowest confidence first or newest first, each order one
-- index walk over the undecided events only.
create index events_undecided_confidence_idx on events (confidence, id) where status = 'extracted';
create index events_undecided_created_idx on events (created_at, id) where status = 'extracted';
