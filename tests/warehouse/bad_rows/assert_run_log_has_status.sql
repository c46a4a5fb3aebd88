insert into run_log (run_id, started_at, status) values ('run-without-status', timestamp '2026-01-01', 'paused');
