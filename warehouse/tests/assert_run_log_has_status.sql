-- Every run has a known status; a run that ended has its end time. 'running' is only ever
-- the run in progress: the next run marks an abandoned one 'failed'.
select run_id, status
from run_log
where status is null
    or status not in ('running', 'completed', 'failed', 'interrupted')
    or (status <> 'running' and finished_at is null)
