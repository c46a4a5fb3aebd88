"""`duckdb+gwr://`: duckdb-engine's SQLAlchemy dialect, with primary keys that reflect.

duckdb-engine (0.17, the latest) inherits PostgreSQL's reflection of primary keys, which joins
`pg_catalog.pg_constraint` to `pg_catalog.pg_index`. DuckDB emulates both, but its `pg_index`
lists only indexes made with CREATE INDEX and its `pg_constraint.conindid` is always 0, so
`Inspector.get_pk_constraint` finds no column for any table (duckdb_engine issue #594), however
the keys are declared. Nothing in a database file can change that: schema `pg_catalog` is
DuckDB's own. This dialect answers the same question from `duckdb_constraints()` and is
duckdb-engine in everything else; gwr registers it (pyproject.toml, `sqlalchemy.dialects`), so
`sa.create_engine("duckdb+gwr:///data/gwr_published.duckdb")` works wherever gwr is installed.
Foreign keys reflect through plain `duckdb://` too.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from duckdb_engine import Dialect as DuckDBDialect
from sqlalchemy.engine import Connection

from warehouse.sqlfiles import sql

Reflected = tuple[tuple[str | None, str], dict[str, Any]]


class GwrDuckDBDialect(DuckDBDialect):
    """duckdb-engine with `get_pk_constraint` and `get_multi_pk_constraint` read from DuckDB's own catalog."""

    name = "duckdb"
    driver = "gwr"
    supports_statement_cache = False

    def get_pk_constraint(self, connection: Connection, table_name: str, schema: str | None = None,
                          **kw: Any) -> dict[str, Any]:
        """The primary key of one table: its columns and name (no columns for a view or a table without one)."""
        return dict(self.get_multi_pk_constraint(connection, schema, [table_name], **kw))[(schema, table_name)]

    def get_multi_pk_constraint(self, connection: Connection, schema: str | None = None,
                                filter_names: Collection[str] | None = None, **kw: Any) -> Iterator[Reflected]:
        """The primary key of every table of `schema` (``main``, or ``database.schema`` as duckdb-engine lists it)."""
        database, schema_name = self.identifier_preparer._separate(schema)
        rows = connection.exec_driver_sql(sql("q_primary_keys"), {"database": database, "schema": schema_name})
        for name, constraint, columns in rows:
            if filter_names is None or name in filter_names:
                yield (schema, name), {"name": constraint, "constrained_columns": list(columns or []), "comment": None}
