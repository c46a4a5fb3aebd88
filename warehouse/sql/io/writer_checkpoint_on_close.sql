-- Fold the write-ahead log into the file when this writer closes it (DuckDB's default): an instance
-- kept between opens (warehouse.writers) may have deferred it for an earlier one (writer_defer_checkpoint).
pragma enable_checkpoint_on_shutdown
