-- Runs still 'running' when a new run holds the run-wide lock died without finishing
-- (kill -9, power loss, a disk that filled before the outcome could be written): none of
-- them can still be running, so they are marked as such instead of staying 'running'.
update run_log
set
    status = 'abandoned',
    finished_at = $now
where status = 'running'
    and run_id <> $run_id
