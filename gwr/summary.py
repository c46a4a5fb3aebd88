"""Drive one pipeline run from the terminal: a progress bar while it works, a summary table after."""

from __future__ import annotations

import logging

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from gwr import progress

ROWS = [
    ("documents seen", "docs_seen"),
    ("  new", "docs_new"),
    ("  unchanged", "docs_unchanged"),
    ("  changed", "docs_changed"),
    ("  same content as another file", "docs_duplicate"),
    ("  failed", "docs_failed"),
    ("facts loaded", "facts_loaded"),
    ("rows quarantined", "rows_quarantined"),
    ("seconds", "seconds"),
]


def run_with_progress(paths: list[str], db: str, batch_size: int | None, console: Console,
                      publish: str | None = None) -> dict:
    """Run the flow in this process (Prefect's ephemeral API) with a progress bar on `console`."""
    bar = Progress(TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=console, transient=True, disable=not console.is_terminal)
    task = bar.add_task("documents", total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    console.print("starting Prefect (the first run on a machine can take ~20 s)…", style="dim")
    from flows.pipeline import gwr_pipeline  # imports Prefect: only when running

    progress.set_listener(update)
    try:
        with bar:
            return gwr_pipeline(paths=paths, db=db, batch_size=batch_size, publish=publish)
    finally:
        progress.set_listener(None)
        # When this process exits, Prefect's in-process API server is cancelled
        # while its event recorder still flushes, and logs that as tracebacks.
        # The run's outcome is already in the warehouse; keep the terminal clean.
        logging.getLogger("prefect.server").setLevel(logging.CRITICAL)


def print_summary(summary: dict, console: Console) -> None:
    table = Table(title=f"gwr run {summary['run_id']}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, key in ROWS:
        table.add_row(label, str(summary[key]))
    console.print(table)
    console.print(f"warehouse: {summary['db']}", style="dim")
    if summary.get("published"):
        console.print(f"published for BI tools: {summary['published']}", style="dim", highlight=False)
    for e in summary["errors"]:
        console.print(f"[red]failed[/] {e['path']} ({e['stage']}, {e['error']}): {e['message']}",
                      highlight=False, soft_wrap=True)
