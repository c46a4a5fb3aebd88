-- Tables and views with their descriptions, in name order.
select table_name as name, 'table' as kind, comment
from duckdb_tables()
where database_name = current_database() and schema_name = 'main'
union all
select view_name, 'view', comment
from duckdb_views()
where database_name = current_database() and schema_name = 'main' and not internal
order by name
