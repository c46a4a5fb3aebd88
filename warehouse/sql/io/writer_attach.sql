-- A writer's connection: an in-memory database (DuckDB's default catalog) with the warehouse attached
-- as `gwr`, which `writer_use` then makes the default, so that every statement's unqualified names
-- are the warehouse's. Attached, not opened, because the row group size is an option of ATTACH
-- (see warehouse.connection._connect). A publish that folds a run's write-ahead log into the file
-- attaches it the same way, beside the snapshot (warehouse.publish_build).
attach $path as gwr (row_group_size 2048)
