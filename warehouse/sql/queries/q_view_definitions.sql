-- Every view of the current database: its schema, name and definition (DuckDB's own CREATE VIEW
-- statement), for warehouse.view_rows to install the warehouse's views beside it.
select schema_name, view_name, sql
from duckdb_views()
where database_name = current_database()
    and not internal
