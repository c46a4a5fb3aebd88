"""Render docs/warehouse.md from the data dictionary: `python -m warehouse.docs [FILE]` (stdout without FILE)."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from warehouse.dictionary import catalog, render
from warehouse.migrate import upgrade


def page() -> str:
    """The page for a fresh warehouse of this gwr: every table and view its migrations and views make."""
    con = duckdb.connect()
    try:
        upgrade(con, Path(":memory:"))
        return render(catalog(con))
    finally:
        con.close()


def main() -> None:
    text = page()
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
