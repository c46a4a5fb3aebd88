-- Every row of `incoming_paths` (path, doc, doc_id) is current: a new pair is recorded as
-- first seen by this run, a known one is seen again.
insert into document_path (
    path, doc, doc_id, first_seen_at, last_seen_at, first_seen_run, last_seen_run, is_current
)
select path, doc, doc_id, $now, $now, $run_id, $run_id, true
from incoming_paths
on conflict (path, doc_id) do update set
    last_seen_at = excluded.last_seen_at,
    last_seen_run = excluded.last_seen_run,
    is_current = true
