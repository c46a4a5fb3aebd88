-- Tables with their constraints, views, comments and the schema version, without rows: the fact
-- table is declared again with the star schema's keys (warehouse.keys) before any row is copied.
copy from database gwr to snapshot (schema)
