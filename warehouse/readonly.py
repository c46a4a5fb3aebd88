"""An analyst's SQL, read-only: what `gwr query` runs, and what it refuses in one sentence.

Three fences, each enough alone for the common case: the statement must be a query (its
type is read from DuckDB's own parser, never guessed from the text); the reader's
connection is opened read-only; and it has file access and extension loading switched off
(see `warehouse.connection`), so `read_csv('/etc/passwd')` or `COPY … TO` fail even when
hidden inside something that parses as a query.
"""

from __future__ import annotations

from typing import Any

import duckdb

from warehouse.errors import QueryRefused

# EXPLAIN is a read too; DESCRIBE, SHOW, SUMMARIZE, FROM-first and VALUES parse as SELECT.
READ_STATEMENTS = frozenset({"SELECT", "EXPLAIN"})
WHY_NOT: dict[str, str] = {
    "COPY": "it would write a file; `gwr export` writes files",
    "EXPORT": "it would write files; `gwr export` writes files",
    "ATTACH": "it would open another database",
    "SET": "it would change the reader's settings",
    "LOAD": "it would load an extension",
}


def guarded_query(
    con: duckdb.DuckDBPyConnection, sql_text: str, params: list[Any] | None = None
) -> tuple[list[str], list[tuple]]:
    """Run exactly one reading statement; return its column names and rows."""
    statements = con.extract_statements(sql_text)
    if len(statements) != 1:
        raise QueryRefused(f"gwr query runs one statement at a time, and this text holds {len(statements)}")
    kind = statements[0].type.name
    if kind not in READ_STATEMENTS:
        why = WHY_NOT.get(kind, "it would change the warehouse, and only `gwr run` writes it")
        raise QueryRefused(f"gwr query only reads: this {kind} statement is refused because {why}")
    try:
        cursor = con.execute(sql_text, params or [])
    except duckdb.PermissionException as exc:
        raise QueryRefused(
            "gwr query only reads the warehouse: this statement reaches a file or an extension outside it "
            f"({_first_line(exc)})"
        ) from exc
    columns = [column[0] for column in cursor.description or []]
    return columns, (cursor.fetchall() if columns else [])


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
