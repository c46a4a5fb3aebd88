"""Whether a published snapshot still holds what the warehouse holds: a digest of both, compared.

A run that loads nothing still writes two things: its own `run_log` row and, on every path it
saw, `last_seen_at` / `last_seen_run`. Neither is news to a BI tool, so a digest of every other
row of every base table tells whether republishing would change what readers see. It reads
columns, not text: the raw text of a document is named by its doc_id, and hashing the rest of
a 20,000-document warehouse takes a fraction of a second, against seconds for a publish.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.connection import CONNECTION_CONFIG
from warehouse.sqlfiles import sql

Digest = dict[str, tuple]


def content_digest(con: duckdb.DuckDBPyConnection) -> Digest | None:
    """Each base table but `run_log`, by name: its rows' count and per-column hash sums; None when DuckDB cannot
    say (a DuckDB before 1.3 has no `columns(lambda …)`): the snapshot is then published as before."""
    try:
        tables = [name for (name,) in con.execute(sql("q_content_tables")).fetchall()]
        return {name: tuple(con.execute(sql("q_table_digest"), {"relation": name}).fetchone()) for name in tables}
    except duckdb.Error:
        return None


def file_digest(path: Path) -> Digest | None:
    """`content_digest` of a database file opened read-only for the purpose; None when it is missing or
    cannot be read (it is then republished, which says why if it fails)."""
    if not Path(path).is_file():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True, config=dict(CONNECTION_CONFIG))
    except duckdb.Error:
        return None
    try:
        return content_digest(con)
    finally:
        con.close()
