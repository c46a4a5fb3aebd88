-- Counters a run keeps since re-extraction, skipped suffixes and --prune arrived
-- (warehouse/run_counts.py lists every counter).
alter table run_log add column if not exists docs_reextracted integer;  -- loaded by an older extractor version, read again
alter table run_log add column if not exists docs_skipped integer;      -- found in a folder but not a supported format
alter table run_log add column if not exists docs_missing integer;      -- current under the run's paths, file gone
alter table run_log add column if not exists docs_retired integer;      -- of those, retired by --prune
