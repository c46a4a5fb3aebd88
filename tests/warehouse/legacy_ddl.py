"""A warehouse as the release before schema versions (f2ef4ed) wrote it, from that commit's DDL files."""

from __future__ import annotations

from pathlib import Path

import duckdb

LEGACY = Path(__file__).parent / "legacy"


def build_legacy(path: Path, *, with_rows: bool = True) -> None:
    """Write `path` with f2ef4ed's tables and views (and, with `with_rows`, a document and two runs)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute((LEGACY / "f2ef4ed_ddl.sql").read_text(encoding="utf-8"))
        if with_rows:
            con.execute((LEGACY / "f2ef4ed_rows.sql").read_text(encoding="utf-8"))
    finally:
        con.close()
