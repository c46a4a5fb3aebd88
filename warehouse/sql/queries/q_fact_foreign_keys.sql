-- The columns of a table of the current database that already reference another table (the
-- fact table's document), so the snapshot declares each foreign key once.
select unnest(constraint_column_names) as column_name
from duckdb_constraints()
where database_name = current_database()
    and schema_name = 'main'
    and table_name = $table
    and constraint_type = 'FOREIGN KEY'
