insert into ingest_errors (run_id, path, sha256, stage, error_class, message, created_at)
values ($run_id, $path, $sha256, $stage, $error_class, $message, $now)
