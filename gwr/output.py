"""How `gwr query` prints its rows and which formats `gwr query` and `gwr export` take."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum

from rich.console import Console
from rich.table import Table


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


def print_rows(columns: list[str], rows: list[tuple], fmt: Format, console: Console) -> None:
    """The rows as CSV or JSON lines on stdout, or as a table on `console` with a count under it."""
    if fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt is Format.json:
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str) + "\n")
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        console.print(table)
        console.print(f"{len(rows)} row(s)", style="dim")
