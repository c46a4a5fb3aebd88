insert into document_warnings (run_id, path, sha256, stage, message, created_at)
values ($run_id, $path, $sha256, $stage, $message, $now)
