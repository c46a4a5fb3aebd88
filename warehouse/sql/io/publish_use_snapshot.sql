-- The snapshot being built as the current database: its fact table is declared again with the
-- star schema's keys (warehouse.keys), and its tables' Parquet files can be written from it.
use snapshot
