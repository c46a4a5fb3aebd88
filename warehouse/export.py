"""Writing the flat fact view to a file analysts and score.py can read."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from warehouse.sqlfiles import sql

EXPORT_STATEMENTS: dict[str, str] = {
    ".csv": "export_facts_csv",
    ".jsonl": "export_facts_jsonl",
    ".parquet": "export_facts_parquet",
}


def export_facts(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    """COPY `v_facts` to `out` in the format its suffix names; return rows written.

    The file is written beside `out` and renamed into place, so a reader never sees half
    an export and a failed export leaves the previous file.
    """
    statement = EXPORT_STATEMENTS.get(out.suffix.lower())
    if statement is None:
        raise ValueError(f"cannot export to {out.name}: supported suffixes are {', '.join(EXPORT_STATEMENTS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial{out.suffix}")
    try:
        written = con.execute(sql(statement), {"out": str(partial)}).fetchone()[0]
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return int(written)
