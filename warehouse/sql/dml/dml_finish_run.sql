update run_log
set
    finished_at = $now,
    status = $status,
    docs_seen = $docs_seen,
    docs_new = $docs_new,
    docs_unchanged = $docs_unchanged,
    docs_changed = $docs_changed,
    docs_duplicate = $docs_duplicate,
    docs_failed = $docs_failed,
    docs_reextracted = $docs_reextracted,
    docs_skipped = $docs_skipped,
    docs_missing = $docs_missing,
    docs_retired = $docs_retired,
    facts_loaded = $facts_loaded,
    rows_quarantined = $rows_quarantined,
    message = $message,
    seconds = coalesce($seconds, epoch(cast($now as timestamp) - started_at))
where run_id = $run_id
