-- The schema of a view of the current database, by name: `main` for the views readers use,
-- `intermediate` for those they are built from.
select schema_name
from duckdb_views()
where database_name = current_database()
    and view_name = $view
    and not internal
