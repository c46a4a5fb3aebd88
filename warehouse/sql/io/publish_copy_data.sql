-- Every table's rows, into the tables publish_copy_schema made. DuckDB fills the tables that
-- reference none first, so every dimension is whole before the fact table, and checks each of
-- the fact table's foreign keys as its rows go in.
copy from database gwr to snapshot (data)
