-- Columns of every table and view with their types and data-dictionary descriptions, for an
-- export's datapackage.json.
select
    table_name,
    column_name,
    data_type,
    comment
from duckdb_columns()
where database_name = current_database()
    and schema_name = 'main'
order by table_name, column_index
