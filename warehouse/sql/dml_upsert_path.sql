insert into document_path (
    path, doc, doc_id, first_seen_at, last_seen_at, first_seen_run, last_seen_run, is_current
)
values ($path, $doc, $doc_id, $now, $now, $run_id, $run_id, true)
on conflict (path, doc_id) do update set
    last_seen_at = excluded.last_seen_at,
    last_seen_run = excluded.last_seen_run,
    is_current = true
