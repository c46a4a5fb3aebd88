-- SQLAlchemy's PostgreSQL reflection, which duckdb-engine (how Superset and pandas.read_sql
-- connect) inherits, casts to REGCLASS when it reads primary keys and comments; DuckDB has no
-- such type, so from SQLAlchemy 2.0.36 on get_pk_constraint failed ("Type with name REGCLASS
-- does not exist"). DuckDB's catalog keeps class ids as text (pg_description.classoid is
-- VARCHAR), so an alias of VARCHAR makes those casts compare as PostgreSQL's do. It travels
-- into the published snapshot and DuckDB 1.1 clients read it.
create type if not exists regclass as varchar;
