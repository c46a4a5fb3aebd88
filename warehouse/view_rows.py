"""The rows of every view, each view computed once: what a snapshot's Parquet files of views are written from.

Every view reads `intermediate.int_reviewed_facts`, most of them through `v_facts` or `v_latest_facts`,
so a Parquet file written from each view of the warehouse computes those again for every file: the
facts as reviewed 13 times in one publish, two thirds of its time. Here the warehouse's views are
installed, in `sqlfiles.VIEWS` order, in an in-memory database attached beside the warehouse, and each
is replaced by a table of its rows as soon as it exists: the views after it read those rows instead of
computing them again. What this database does not hold (the base tables) a view finds in the warehouse
through the search path (`publish_use_view_rows`). The definitions are the warehouse's own, as DuckDB
gives them (`q_view_definitions`), the ones the snapshot copies: the same SQL over the same tables, so
the same rows, whichever gwr installed the views.

Two kinds of statement are put together here rather than read from `sql/`: a view's definition, taken
from the warehouse's catalog and checked to be one CREATE VIEW statement (as `warehouse.keys` takes the
fact table's definition), and the three that turn a view into a table, which name the view, from the
names in `sqlfiles.VIEWS`. Neither comes from data.
"""

from __future__ import annotations

import re

import duckdb

from warehouse.sqlfiles import VIEWS, sql

IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def materialise_views(con: duckdb.DuckDBPyConnection) -> None:
    """Install the views of the warehouse (`gwr`) in `view_rows`, both attached to `con`, each replaced by its rows.

    Leaves `con` using `view_rows`, where `query_table(name)` is a view's rows or, for a base table,
    the warehouse's table.
    """
    con.execute(sql("publish_use_warehouse"))
    definitions = {name: (schema, text) for schema, name, text in con.execute(sql("q_view_definitions")).fetchall()}
    con.execute(sql("publish_use_view_rows"))
    for view in (name for name in VIEWS if name in definitions):
        schema, text = definitions[view]
        con.execute(one_create_view(con, text))
        for statement in as_table(schema, view):
            con.execute(statement)


def one_create_view(con: duckdb.DuckDBPyConnection, text: str) -> str:
    """`text` if it is one CREATE VIEW statement, as DuckDB's catalog gives a view's definition; ValueError if not.

    >>> one_create_view(duckdb.connect(), "CREATE VIEW v AS SELECT 1;")
    'CREATE VIEW v AS SELECT 1;'
    """
    statements = con.extract_statements(text)
    if len(statements) != 1 or statements[0].type != duckdb.StatementType.CREATE or not text.startswith("CREATE VIEW "):
        raise ValueError(f"not one CREATE VIEW statement: {text[:80]!r}")
    return text


def as_table(schema: str, view: str) -> list[str]:
    """The statements that replace the view `schema.view` by a table of its rows, under the same name.

    >>> as_table("main", "v_facts")[0]
    'create table main.v_facts__rows as select * from main.v_facts'
    """
    for name in (schema, view):
        if not IDENTIFIER.match(name):
            raise ValueError(f"{name!r} is not a plain identifier")
    return [
        f"create table {schema}.{view}__rows as select * from {schema}.{view}",
        f"drop view {schema}.{view}",
        f"alter table {schema}.{view}__rows rename to {view}",
    ]
