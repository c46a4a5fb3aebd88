-- DuckDB's own CREATE TABLE statement of a table of the current database (warehouse.keys adds
-- the star schema's foreign keys to the fact table's in the snapshot).
select sql
from duckdb_tables()
where database_name = current_database()
    and schema_name = 'main'
    and table_name = $table
