-- The snapshot's fact table, still empty, goes, to be created again with its foreign keys:
-- DuckDB cannot add a foreign key to a table that exists. The views that read it bind by
-- name when queried, so they read the new table.
drop table main.fct_indicator_value
