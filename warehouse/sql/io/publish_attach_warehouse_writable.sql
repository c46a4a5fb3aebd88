-- The warehouse, writable, under the name the copy below refers to, with a writer's row group size
-- (writer_attach): a run that publishes leaves its last commits in the write-ahead log, and the
-- build folds them into the file (publish_fold_warehouse_log) while it copies. Nothing else the
-- build runs writes it: every statement names the snapshot or view_rows as what it writes.
attach $path as gwr (row_group_size 2048)
