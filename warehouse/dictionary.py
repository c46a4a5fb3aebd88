"""The data dictionary (`dictionary.csv`): applied as `COMMENT ON`, rendered into docs/warehouse.md.

Every table, view and column is described once in the data file: a column name's meaning
(relation `*`) holds in every table and view that has it unless a row for that relation says
otherwise. The writer applies the descriptions after each schema upgrade, so BI tools show
them beside each column; `python -m warehouse.docs [FILE]` renders the Markdown page.

`COMMENT ON` takes no bound parameters, so these are the warehouse's only statements put
together in Python: the names come from DuckDB's own catalog and must be plain identifiers,
the description is a quoted SQL literal (quotes doubled), and neither comes from user input.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from functools import cache
from importlib import resources

import duckdb

from warehouse.sqlfiles import sql

# A plain name, or schema.name for the intermediate views.
IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$")
ANY = "*"
# The page's sections: (kind, internal (a schema-qualified name), title, text under the title).
SECTIONS = (
    ("table", False, "Tables", ""),
    ("view", False, "Views", ""),
    ("view", True, "Intermediate views (internal)",
     "Building blocks the views above read, so that each choice (the latest target, the result or "
     "its 预计 estimate) is made once. They are in every warehouse and snapshot, in schema "
     "`intermediate` rather than `main`: `gwr export`, the snapshot's Parquet folder and tools that "
     "list `main` leave them out. Not an interface: they may change with any release; query the "
     "views above."),
)


@cache
def descriptions() -> dict[tuple[str, str], str]:
    """(relation or '*', column or '') -> description, from `warehouse/dictionary.csv`."""
    text = resources.files("warehouse").joinpath("dictionary.csv").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    out: dict[tuple[str, str], str] = {}
    for row in csv.DictReader(io.StringIO(body)):
        key = (row["relation"].strip(), row["column"].strip())
        if key in out:
            raise ValueError(f"dictionary.csv describes {'.'.join(filter(None, key))} twice")
        out[key] = row["description"].strip()
    return out


def describe(relation: str, column: str = "") -> str | None:
    """The description of a relation (column '') or of one of its columns, if the dictionary has one."""
    found = descriptions()
    return found.get((relation, column)) or (found.get((ANY, column)) if column else None)


def apply_comments(con: duckdb.DuckDBPyConnection, only: Collection[str] | None = None) -> None:
    """Set the description of every described table, view and column of the open database (or of those `only`)."""
    for statement in comment_statements([entry for entry in catalog(con) if only is None or entry[0] in only]):
        con.execute(statement)


def catalog(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(name, 'table' or 'view', [(column, type)]) for every relation of the database, in name order;
    an intermediate view by its qualified name (`intermediate.int_latest_results`)."""
    kinds: dict[str, str] = {}
    columns: dict[str, list[tuple[str, str]]] = {}
    for relation, kind, column, data_type, _ in con.execute(sql("q_catalog")).fetchall():
        kinds[relation] = kind
        columns.setdefault(relation, []).append((column, data_type))
    return [(name, kinds[name], columns[name]) for name in sorted(kinds)]


def comment_statements(relations: list[tuple[str, str, list[tuple[str, str]]]]) -> list[str]:
    """`COMMENT ON` statements for the described relations and columns (see the module's note)."""
    statements = []
    for name, kind, columns in relations:
        text = describe(name)
        if text:
            statements.append(f"comment on {kind} {_identifier(name)} is {_literal(text)}")
        for column, _ in columns:
            text = describe(name, column)
            if text:
                statements.append(f"comment on column {_identifier(name)}.{_identifier(column)} is {_literal(text)}")
    return statements


def render(relations: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    """docs/warehouse.md: every table and view with its columns, types and descriptions."""
    lines = [
        "# The warehouse: tables, views and columns",
        "",
        "Generated from `warehouse/dictionary.csv` by `python -m warehouse.docs docs/warehouse.md`;",
        "the same descriptions are on the tables and columns themselves (`COMMENT ON`), so BI tools show",
        "them. Edit the CSV, not this page.",
    ]
    for kind, internal, title, intro in SECTIONS:
        lines += ["", f"## {title}"] + (["", intro] if intro else [])
        for name, relation_kind, columns in relations:
            if relation_kind != kind or ("." in name) != internal:
                continue
            lines += ["", f"### `{name}`", "", describe(name) or "", "", "| column | type | description |",
                      "| --- | --- | --- |"]
            lines += [f"| `{column}` | {data_type} | {(describe(name, column) or '').replace('|', '/')} |"
                      for column, data_type in columns]
    return "\n".join(lines) + "\n"


def _identifier(name: str) -> str:
    if not IDENTIFIER.match(name):
        raise ValueError(f"{name!r} is not a plain identifier; the dictionary describes plain names only")
    return name


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
