select run_id
from run_log
where coalesce(status, '') = ''
    or (status <> 'running' and finished_at is null)
