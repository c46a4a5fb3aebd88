-- Restarting a run id (a Prefect retry of the whole flow) resets it to running.
insert into run_log (run_id, flow_run_id, started_at, status, params)
values ($run_id, $flow_run_id, $now, 'running', cast($params as json))
on conflict (run_id) do update set
    flow_run_id = excluded.flow_run_id,
    started_at = excluded.started_at,
    finished_at = null,
    status = 'running',
    params = excluded.params
