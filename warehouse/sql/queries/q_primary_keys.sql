-- Every table and view of one schema with its primary key, if it has one: what SQLAlchemy's
-- get_pk_constraint asks (warehouse.dialect). $database null: the current one; $schema null: main.
with

relations as (
    select database_name, schema_name, table_name as name
    from duckdb_tables()
    union all
    select database_name, schema_name, view_name
    from duckdb_views()
    where not internal
),

keys as (
    select
        database_name,
        schema_name,
        table_name as name,
        constraint_name,
        constraint_column_names
    from duckdb_constraints()
    where constraint_type = 'PRIMARY KEY'
),

final as (
    select
        relations.name,
        keys.constraint_name,
        keys.constraint_column_names
    from relations
    left join keys using (database_name, schema_name, name)
    where relations.database_name = coalesce($database, current_database())
        and relations.schema_name = coalesce($schema, 'main')
)

select * from final
order by name
