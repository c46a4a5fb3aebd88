-- Whether the run closing now compacts the warehouse (warehouse.runbook.COMPACT_EVERY): every
-- $every-th run, counted in run_log, which holds the closing run's row.
select count(*) % $every = 0 from run_log
