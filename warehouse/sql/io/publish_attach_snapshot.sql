-- The snapshot being built, in the storage format of DuckDB 1.0: every client from 1.1 on
-- (Python, the CLI, the Node API Evidence uses, Metabase's and Superset's drivers) opens it,
-- where a file written in DuckDB 2's own format is refused by all of them.
attach $path as snapshot (storage_version 'v1.0.0')
