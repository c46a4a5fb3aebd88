-- A path whose file is gone (`gwr run --prune`) is retired: not current, and when and by which
-- run it was found missing, so "superseded by new bytes" and "file deleted" stay apart.
alter table document_path add column if not exists retired_run varchar;
alter table document_path add column if not exists retired_at timestamp;
