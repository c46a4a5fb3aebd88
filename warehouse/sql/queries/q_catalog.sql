-- Every table and view with its columns, for the data dictionary (COMMENT ON, docs/warehouse.md):
-- those of `main` by name, the internal views of schema `intermediate` by their qualified name.
-- Exports and the snapshot's Parquet files list `main` alone (q_relations, q_user_tables).
with

relations as (
    select schema_name, table_name as name, 'table' as kind
    from duckdb_tables()
    where database_name = current_database()
    union all
    select schema_name, view_name, 'view'
    from duckdb_views()
    where database_name = current_database() and not internal
),

columns as (
    select * from duckdb_columns()
    where database_name = current_database()
),

final as (
    select
        case
            when relations.schema_name = 'main' then relations.name
            else relations.schema_name || '.' || relations.name
        end as relation,
        relations.kind,
        columns.column_name,
        columns.data_type,
        columns.column_index
    from relations
    inner join columns
        on columns.schema_name = relations.schema_name
        and columns.table_name = relations.name
    where relations.schema_name in ('main', 'intermediate')
)

select * from final
order by relation, column_index
