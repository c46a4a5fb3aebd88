"""How `gwr query` prints its rows, which formats `gwr query` and `gwr export` take, and how any name or value
from a file is made safe to print on a terminal (`printable`, `safe`).

CSV and JSON lines are data for programs: they are written as they are, escapes and all."""

from __future__ import annotations

import csv
import json
import re
import sys
from enum import StrEnum

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

# Characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts the sequences that set a
# window's title or clear the screen), DEL, and the bidirectional overrides that make a name read backwards.
# A table cell keeps its line breaks and tabs; a name or a message keeps none.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_IN_CELL = re.compile(f"[{_CONTROL}]")
_UNSAFE_IN_LINE = re.compile(f"[{_CONTROL}\t\n]")


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


def printable(text: object, *, cell: bool = False) -> str:
    r"""`text` with every character a terminal would act on written as its escape, so it prints as it is.

    >>> printable("a\x1b]0;title\x07.txt"), printable("行一\n行二", cell=True), printable("行一\n行二")
    ('a\\x1b]0;title\\x07.txt', '行一\n行二', '行一\\n行二')
    """
    pattern = _UNSAFE_IN_CELL if cell else _UNSAFE_IN_LINE
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def safe(text: object) -> str:
    """`text` ready for a rich console line with markup: controls escaped (`printable`), and brackets too, so a
    file named ``[red]x[/].txt`` prints as it is named (and ``[/x]`` cannot make rich raise)."""
    return escape(printable(text))


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
        # Text, not str: a cell is shown as it is, never read as rich markup.
        table = Table(show_lines=False)
        for column in columns:
            table.add_column(Text(printable(column)))
        for row in rows:
            table.add_row(*(Text("" if v is None else printable(v, cell=True)) for v in row))
        console.print(table)
        console.print(f"{len(rows)} row(s)", style="dim")
