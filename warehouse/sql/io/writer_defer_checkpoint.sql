-- Leave this connection's commits in the write-ahead log when it closes (see
-- warehouse.connection.open_warehouse, defer_checkpoint); DuckDB still checkpoints once
-- the log passes checkpoint_threshold.
pragma disable_checkpoint_on_shutdown
