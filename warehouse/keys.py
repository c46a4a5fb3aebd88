"""The star schema's keys, declared in the published snapshot for BI tools.

In the warehouse a fact references its document by a foreign key, while its region, indicator
and period are checked by data tests (`warehouse/tests/assert_fact_*_in_dimension.sql`): a load
adds the regions its facts name after inserting them, and a lexicon change must never block a
load. The snapshot is different: `publish` builds it whole and nothing loads into it, so there
the fact table declares all four foreign keys (document, region, indicator, period) and every
dimension its primary key. Tools that join by declared keys (Metabase, DBeaver, Superset through
SQLAlchemy reflection) find them, and DuckDB checks them as the snapshot is filled: a fact whose
dimension row is missing fails the publish, and the previous snapshot stays.

DuckDB cannot add a foreign key to a table that exists (`ALTER TABLE … ADD FOREIGN KEY` is not
implemented), so the snapshot's fact table is created again from its own definition with the
keys added, while it is empty: `warehouse.publish` copies the schema, declares the keys, then
copies the rows, each once. That definition (`CREATE TABLE fct_indicator_value(…);`) is read
from DuckDB's catalog and the clauses come from `FOREIGN_KEYS` below: like the data dictionary's
`COMMENT ON`, a statement put together in Python, from the catalog and this module, never from
data.
"""

from __future__ import annotations

import re

import duckdb

from warehouse.dictionary import apply_comments
from warehouse.sqlfiles import sql

FACT_TABLE = "fct_indicator_value"
# (column of the fact table, dimension table, the dimension's primary key)
FOREIGN_KEYS: tuple[tuple[str, str, str], ...] = (
    ("doc_id", "dim_document", "doc_id"),
    ("region_key", "dim_region", "region_key"),
    ("indicator", "dim_indicator", "code"),
    ("period", "dim_period", "period"),
)
# The dimensions and the fact table: each has a primary key in every warehouse (migrations 001-006).
STAR_TABLES: tuple[str, ...] = (FACT_TABLE, *(table for _, table, _ in FOREIGN_KEYS))
CREATE_FACT_TABLE = re.compile(rf"^CREATE TABLE {FACT_TABLE}\((?P<body>.*)\);$", re.DOTALL)


def declare_star_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Give the fact table of `con`'s current database (a snapshot being built, its rows not yet copied)
    its foreign keys.

    The empty table is created again with every key of `FOREIGN_KEYS` it lacks; its descriptions in
    the data dictionary are applied again, as re-creating a table drops them.
    """
    declared = {column for (column,) in con.execute(sql("q_fact_foreign_keys"), {"table": FACT_TABLE}).fetchall()}
    missing = [(column, table, key) for column, table, key in FOREIGN_KEYS if column not in declared]
    if not missing:
        return
    (definition,) = con.execute(sql("q_table_definition"), {"table": FACT_TABLE}).fetchone() or ("",)
    con.execute(sql("publish_drop_facts"))
    con.execute(with_foreign_keys(definition, missing))
    apply_comments(con, only=[FACT_TABLE])


def with_foreign_keys(definition: str, keys: list[tuple[str, str, str]]) -> str:
    """`definition` (DuckDB's `CREATE TABLE fct_indicator_value(…);`) with `keys` added.

    >>> with_foreign_keys("CREATE TABLE fct_indicator_value(a VARCHAR, period VARCHAR);",
    ...                   [("period", "dim_period", "period")])
    'CREATE TABLE fct_indicator_value(a VARCHAR, period VARCHAR, FOREIGN KEY (period) REFERENCES dim_period(period));'
    """
    found = CREATE_FACT_TABLE.match(definition.strip())
    if found is None:
        raise ValueError(f"not the definition of {FACT_TABLE}: {definition[:80]!r}")
    clauses = ", ".join(f"FOREIGN KEY ({column}) REFERENCES {table}({key})" for column, table, key in keys)
    return f"CREATE TABLE {FACT_TABLE}({found['body']}, {clauses});"
