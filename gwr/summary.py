"""The run summary as `gwr run` prints it: counts, where the time went, failures, warnings, skipped files."""

from __future__ import annotations

import signal
from collections import Counter
from pathlib import PurePath

from rich.console import Console
from rich.table import Table

from gwr.output import safe
from warehouse.run_counts import RUN_COUNTERS

ROWS = [*((label, key) for key, label in RUN_COUNTERS), ("seconds", "seconds")]


def interrupted_line(summary: dict) -> str:
    """The one line an interrupted run ends with."""
    return (f"interrupted after {summary['docs_done']} of {summary['docs_total']} documents; the warehouse holds "
            "every document committed so far; run again to finish")


def exit_code(summary: dict) -> int:
    """128 + the signal that stopped the run, as shells expect; 0 for a finished run, even one a signal reached
    after its last document (its summary is what it did: a completed run).

    >>> exit_code({"status": "interrupted", "signal": 15}), exit_code({"status": "completed", "signal": 15})
    (143, 0)
    """
    return 128 + int(summary["signal"]) if summary.get("signal") and summary["status"] == "interrupted" else 0


def print_summary(summary: dict, console: Console, err: Console) -> None:
    """Print the counts table and one line per failure, warning and skipped suffix."""
    if summary["status"] == "interrupted":
        err.print(interrupted_line(summary), highlight=False, soft_wrap=True)
        if summary.get("signal") == signal.SIGINT:
            return
    table = Table(title=f"gwr run {summary['run_id']} ({summary['status']})", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, key in ROWS:
        table.add_row(label, str(summary.get(key, 0)))
    console.print(table)
    console.print(f"warehouse: {safe(summary['db'])}", style="dim", soft_wrap=True)
    if summary.get("published"):
        console.print(f"published for BI tools: {safe(summary['published'])}", style="dim", highlight=False,
                      soft_wrap=True)
    if summary.get("server_start_seconds"):
        console.print(f"of {summary['wall_seconds']:.1f} s, {summary['server_start_seconds']:.1f} s went to starting "
                      "a temporary Prefect server (`gwr server start` keeps one running)", style="dim", soft_wrap=True)
    if summary.get("docs_reextracted"):
        console.print(f"re-extracted {summary['docs_reextracted']} document(s) loaded by an older extractor "
                      f"(now {summary['extractor_version']})", highlight=False, soft_wrap=True)
    if summary.get("docs_missing") and not summary.get("docs_retired"):
        console.print(f"{summary['docs_missing']} file(s) loaded earlier are gone; `gwr run --prune` retires them",
                      highlight=False, soft_wrap=True)
    # Paths and messages come from file names and contents: printed with controls and markup escaped (`safe`).
    for e in summary["errors"]:
        console.print(f"[red]failed[/] {safe(e['path'])} ({e['stage']}, {e['error']}): {safe(e['message'])}",
                      highlight=False, soft_wrap=True)
    for warning in summary.get("warnings", []):
        console.print(f"[yellow]warning[/] {safe(warning)}", highlight=False, soft_wrap=True)
    hidden = [p for p in summary.get("skipped", []) if PurePath(p).name.startswith(".")]
    skipped = Counter(PurePath(p).suffix.lower() or "(none)" for p in summary.get("skipped", []) if p not in hidden)
    if skipped:
        kinds = ", ".join(f"{safe(suffix)} ({n})" for suffix, n in sorted(skipped.items()))
        console.print(f"[yellow]skipped[/] {sum(skipped.values())} file(s) gwr does not read: {kinds}",
                      highlight=False, soft_wrap=True)
    for path in hidden:  # a hidden file is easy to miss in a listing: each is named
        console.print("[yellow]skipped[/] hidden file (its name starts with a dot; rename it to load it): "
                      f"{safe(path)}", highlight=False, soft_wrap=True)
