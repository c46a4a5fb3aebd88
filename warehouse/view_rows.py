"""The rows of every view, each view computed once: what a snapshot's Parquet files of views are written from.

Every view reads `intermediate.int_reviewed_facts`, most of them through `v_facts` or `v_latest_facts`,
so a Parquet file written from each view of the warehouse computes those again for every file: the
facts as reviewed 13 times in one publish, ninety percent of its time. Here the views are installed,
in `sqlfiles.VIEWS` order and by their own SQL files, in an in-memory database attached beside the
warehouse, and each is replaced by a table of its rows as soon as it exists: the views after it read
those rows instead of computing them again. What this database does not hold (the base tables) a view
finds in the warehouse through the search path (`publish_use_view_rows`). The rows are the views' rows:
the same SQL over the same tables, each relation read under its own name.

The three statements that turn a view into a table name the view, so they are put together here, from
the names in `sqlfiles.VIEWS` and the catalog, never from data (as `warehouse.keys` puts the fact
table's definition together).
"""

from __future__ import annotations

import re

import duckdb

from warehouse.sqlfiles import VIEWS, sql

IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def materialise_views(con: duckdb.DuckDBPyConnection) -> None:
    """Install every view in `view_rows` (attached to `con` beside the warehouse `gwr`), each replaced by its rows.

    Leaves `con` using `view_rows`, where `query_table(name)` is a view's rows or, for a base table,
    the warehouse's table.
    """
    con.execute(sql("publish_use_view_rows"))
    for view in VIEWS:
        con.execute(sql(view))
        (schema,) = con.execute(sql("q_view_schema"), {"view": view}).fetchone() or ("",)
        for statement in as_table(schema, view):
            con.execute(statement)


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
