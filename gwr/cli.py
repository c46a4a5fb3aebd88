"""The `gwr` command line: run, query, export, serve.

Prefect is imported only by the commands that orchestrate, so `gwr query`
answers in well under a second. Every expected failure ends in one sentence on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from gwr.config import apply_prefect_defaults, settings

if TYPE_CHECKING:
    from warehouse import Warehouse

T = TypeVar("T")

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Chinese government work reports -> a DuckDB warehouse of economic indicators.")
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file [env GWR_DB; default data/gwr.duckdb]")]


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _known_errors() -> tuple[type[BaseException], ...]:
    from transforms.errors import InputError
    from warehouse.errors import WarehouseError
    return (WarehouseError, InputError, ValueError, FileNotFoundError, PermissionError)


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders (searched recursively)")],
    db: DbOption = None,
    batch_size: Annotated[int | None, typer.Option(help="documents per task call [env GWR_BATCH_SIZE]")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's log lines")] = False,
    fail_on_error: Annotated[bool, typer.Option(help="exit 1 if any document failed")] = False,
    publish: Annotated[str | None, typer.Option(
        help="snapshot file BI tools open, written after a successful run; 'none' skips it "
             "[env GWR_PUBLISH; default beside the warehouse: gwr-published.duckdb]")] = None,
) -> None:
    """Load report files into the warehouse (new and changed files only)."""
    from gwr.summary import print_summary, run_with_progress

    apply_prefect_defaults()
    # Without --verbose the summary and the one-sentence error say everything;
    # Prefect would otherwise log a known failure (a busy warehouse) as a traceback.
    os.environ["PREFECT_LOGGING_LEVEL"] = "INFO" if verbose else "CRITICAL"
    from warehouse import check_writable

    try:
        cfg = settings(db)
        check_writable(cfg.db)  # fail in a second, not after Prefect has started
        summary = run_with_progress([str(p) for p in paths], str(cfg.db), batch_size, err, publish)
    except _known_errors() as e:
        raise fail(str(e)) from None
    print_summary(summary, out)
    if fail_on_error and summary["docs_failed"]:
        raise typer.Exit(1)


# SQL may start with a `--` comment (every shipped warehouse/tests/*.sql does); click would
# take it for an option, so unknown "options" are passed through as the SQL argument.
@app.command(context_settings={"ignore_unknown_options": True})
def query(
    sql: Annotated[str, typer.Argument(help="one SQL query, e.g. \"select * from v_facts limit 5\"")],
    db: DbOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="output format")] = Format.table,
) -> None:
    """Run one read-only SQL query against the warehouse and print the result."""
    columns, rows = _on_existing_warehouse(db, lambda wh: wh.query(sql))
    _print_rows(columns, rows, fmt)


def _on_existing_warehouse(db: str | None, work: Callable[[Warehouse], T], allowed_dirs: tuple[Path, ...] = ()) -> T:
    """Open an existing warehouse read-only (waiting for a busy one), do `work`, say any failure in one sentence."""
    import duckdb

    from warehouse import WarehouseError, open_warehouse

    cfg = settings(db)
    if not cfg.db.exists():
        raise fail(f"no warehouse at {cfg.db}; run `gwr run PATH` first")
    try:
        with open_warehouse(cfg.db, wait_seconds=cfg.lock_timeout, read_only=True, allowed_dirs=allowed_dirs) as wh:
            return work(wh)
    except duckdb.Error as e:
        raise fail(f"query failed: {str(e).splitlines()[0]}") from None
    except (WarehouseError, ValueError, OSError) as e:
        raise fail(str(e)) from None


def _print_rows(columns: list[str], rows: list[tuple], fmt: Format) -> None:
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
        out.print(table)
        out.print(f"{len(rows)} row(s)", style="dim")


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@app.command()
def export(
    folder: Annotated[Path | None, typer.Argument(help="folder to write one file per table and view into")] = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="file format")] = ExportFormat.parquet,
    excel: Annotated[bool, typer.Option("--excel", help="CSV with a byte-order mark, for Excel")] = False,
    only: Annotated[list[str] | None, typer.Option("--only", help="just this table or view (repeatable)")] = None,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="write only v_facts, to this "
                                                  ".csv, .jsonl or .parquet file")] = None,
    db: DbOption = None,
) -> None:
    """Export every table and view (with datapackage.json describing each column), or v_facts to one file."""
    if out_file is not None:
        if folder is not None and str(folder) != "facts":  # `gwr export facts --out FILE`, the older spelling
            raise fail("give a folder or --out FILE, not both")
        target = out_file.resolve()
        n = _on_existing_warehouse(db, lambda wh: wh.export_facts(target), allowed_dirs=(target.parent,))
        out.print(f"wrote {n} facts to {out_file}")
        return
    if folder is None:
        raise fail("give a folder to export into, e.g. `gwr export out/ --format csv`")
    if excel:
        fmt = ExportFormat.csv
    dest = folder.resolve()
    written = _on_existing_warehouse(
        db, lambda wh: wh.export(dest, fmt.value, excel=excel, only=only), allowed_dirs=(dest,)
    )
    out.print(f"wrote {len(written)} files ({sum(written.values())} rows) and datapackage.json to {folder}")


@app.command()
def serve(
    inbox: Annotated[Path, typer.Option(help="folder to watch for new and changed report files")],
    cron: Annotated[str | None, typer.Option(help='cron schedule, e.g. "0 6 * * *"')] = None,
    interval: Annotated[float | None, typer.Option(help="run every N seconds instead of a cron schedule")] = None,
    db: DbOption = None,
    name: Annotated[str, typer.Option(help="deployment name")] = "gwr-inbox",
) -> None:
    """Serve a scheduled Prefect deployment that loads the inbox (starts a local Prefect server if needed)."""
    from gwr.serve import ServerStartError, serve_inbox

    if (cron is None) == (interval is None):
        raise fail("give exactly one of --cron or --interval")
    if interval is not None and interval <= 0:
        raise fail("--interval must be a positive number of seconds")
    inbox.mkdir(parents=True, exist_ok=True)
    try:
        serve_inbox(inbox.resolve(), str(settings(db).db), cron=cron, interval=interval, name=name, console=err)
    except (ServerStartError, *_known_errors()) as e:
        raise fail(str(e)) from None


if __name__ == "__main__":
    app()
