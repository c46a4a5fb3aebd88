"""What gwr prints on a terminal: names and values from files are shown as they are, never acted on."""

from __future__ import annotations

import io

from rich.console import Console

from gwr.output import Format, print_rows
from gwr.summary import print_summary

HOSTILE = "/in/\x1b]0;pwned\x07[/x][red]\u202etxt.exe\x1b[2J.txt"


def terminal() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=True, width=200), buffer


def acted_on(printed: str) -> list[str]:
    """Escape sequences in `printed` other than rich's own colours (ESC [ … m), and bidirectional overrides."""
    import re

    return re.findall(r"\x1b(?!\[[0-9;]*m)|\u202e|\x07", printed)


def test_a_hostile_file_name_prints_as_it_is_named() -> None:
    """Issue 19: a file named with ESC]0;… or ESC[2J retitled or cleared the terminal from `gwr run`'s lines."""
    console, buffer = terminal()
    summary = {"status": "completed", "run_id": "r", "db": "/w.duckdb", "docs_failed": 1, "signal": None,
               "errors": [{"path": HOSTILE, "stage": "decode", "error": "EmptyFile", "message": f"empty: {HOSTILE}"}],
               "warnings": [f"{HOSTILE}: 1 PDF page(s) have no text layer"], "skipped": [HOSTILE + ".rtf",
                                                                                  "/in/.\x1b[2J.txt"]}
    print_summary(summary, console, console)
    printed = buffer.getvalue()
    assert acted_on(printed) == []
    assert printed.count("\\x1b]0;pwned\\x07[/x][red]\\u202etxt.exe\\x1b[2J.txt") == 3  # failure, message, warning
    assert "/in/.\\x1b[2J.txt" in printed  # the hidden file, by name


def test_query_cells_and_headers_print_as_they_are() -> None:
    """Issue 19: `gwr query` printed a cell's ESC[2J to the terminal, and a cell `[/x]` made rich raise."""
    console, buffer = terminal()
    print_rows(["\x1b[2Jcolumn"], [(HOSTILE,), ("行一\n行二",), (None,)], Format.table, console)
    printed = buffer.getvalue()
    assert acted_on(printed) == []
    assert "\\x1b[2Jcolumn" in printed and "[/x][red]" in printed and "行一" in printed and "行二" in printed
