-- A compaction's checkpoint (warehouse.runbook.compact) merges row groups as DuckDB does by default:
-- writers run without it (warehouse.connection.NO_VACUUM).
reset global max_vacuum_tasks
