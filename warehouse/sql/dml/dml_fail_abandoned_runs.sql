-- A run still 'running' when another starts died without recording its end (kill -9, power
-- loss, a warehouse it could no longer open): the run lock guarantees it is not running now.
update run_log
set
    status = 'failed',
    finished_at = coalesce(finished_at, $now),
    message = coalesce(message, 'the run stopped without recording its end (killed, or the warehouse was unavailable)')
where status = 'running'
    and run_id <> $run_id
