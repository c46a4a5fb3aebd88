"""The `gwr` command line: run, query, export, report, serve; server and review (`gwr/server_cli.py`,
`gwr/review_cli.py`).

Each command resolves its settings once (`settings.from_environment`: defaults, `GWR_*`
variables, its flags) and hands typed values on. Prefect is imported only by the commands
that orchestrate, so `gwr query` answers in well under a second. Every expected failure,
a bad `GWR_*` value included, ends in one sentence on stderr and a non-zero exit code,
never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console

from gwr.output import ExportFormat, Format, print_rows, safe
from settings import Settings, SettingsError, apply_prefect_defaults, from_environment

if TYPE_CHECKING:
    from gwr.runner import RunRequest
    from warehouse import Warehouse

T = TypeVar("T")

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Chinese government work reports -> a DuckDB warehouse of economic indicators.")
out = Console()
err = Console(stderr=True)

# Prefect's console log handler's level (its logging.yml, overridden by the environment): the API's is apart.
CONSOLE_LEVEL = "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"
DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file [env GWR_DB; default data/gwr.duckdb]")]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Say `message` on stderr (a file's name in it printed as it is, never acted on) and exit with `code`."""
    err.print(f"[bold red]error:[/] {safe(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _settings(db: str | None = None, *, publish: str | None = None, **flags: float | None) -> Settings:
    """The command's settings, resolved once; a bad flag or `GWR_*` value is one sentence and exit code 1."""
    try:
        return from_environment(db, publish=publish, **flags)
    except SettingsError as e:
        raise fail(str(e)) from None


def _known_errors() -> tuple[type[BaseException], ...]:
    from transforms.errors import InputError
    from warehouse.errors import WarehouseError
    # PreflightError is a ValueError: a setting or the environment, said in one sentence.
    return (WarehouseError, InputError, ValueError, FileNotFoundError, PermissionError)


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders (searched recursively)")],
    db: DbOption = None,
    batch_size: Annotated[int | None, typer.Option(help="documents per task call [env GWR_BATCH_SIZE]")] = None,
    workers: Annotated[int | None, typer.Option(
        help="extraction processes, 0 = one per core [env GWR_WORKERS]")] = None,
    doc_timeout: Annotated[float | None, typer.Option(
        help="seconds one document may take to decode and extract [env GWR_DOC_TIMEOUT]")] = None,
    prune: Annotated[bool, typer.Option(help="retire loaded documents whose files are gone from PATHs")] = False,
    follow_links: Annotated[bool, typer.Option(
        help="read files that symlinks in the folders lead to outside every PATH (refused by default)")] = False,
    dask: Annotated[bool, typer.Option(help="extract on a local Dask cluster (one worker process per core)")] = False,
    dask_address: Annotated[str | None, typer.Option(help="extract on the Dask cluster at tcp://HOST:PORT")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's log lines")] = False,
    fail_on_error: Annotated[bool, typer.Option(help="exit 1 if any document failed")] = False,
    publish: Annotated[str | None, typer.Option(
        help="snapshot file BI tools open, written after a successful run; 'none' skips it "
             "[env GWR_PUBLISH; default beside the warehouse: gwr_published.duckdb]")] = None,
) -> None:
    """Load report files into the warehouse (new and changed files only)."""
    from gwr.runner import RunRequest

    cfg = _settings(db, batch_size=batch_size, workers=workers, doc_timeout=doc_timeout, publish=publish)
    request = RunRequest([str(p) for p in paths], cfg, prune=prune, follow_links=follow_links, dask=dask,
                         dask_address=dask_address)
    _run(request, verbose=verbose, fail_on_error=fail_on_error)


def _run(request: RunRequest, *, verbose: bool, fail_on_error: bool) -> None:
    """Check the warehouse and Prefect, run the flow, print its summary and exit as it says.

    The signal handlers come first: a SIGTERM or Ctrl-C at any moment from here on stops the run
    cleanly (`gwr.stopping`)."""
    from gwr.preflight import check_api_url, check_paths, check_prefect_home
    from gwr.runner import RunInterrupted, ServerGone, run_pipeline
    from gwr.server import ServerStartError
    from gwr.stopping import exit_now, on_signals
    from gwr.summary import exit_code, print_summary

    apply_prefect_defaults()
    # The flow's log (batches, counts, failures) always reaches Prefect's API, where the UI shows
    # it under the run. Without --verbose it stays off the terminal: the summary and the
    # one-sentence error say everything, and Prefect would print a known failure (a busy
    # warehouse) as a traceback.
    os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
    os.environ[CONSOLE_LEVEL] = "INFO" if verbose else "CRITICAL"
    from warehouse import check_writable

    received: list[int] = []
    try:
        with on_signals(received):
            check_paths(request.paths)  # before the warehouse is made: nothing to read, nothing written
            check_writable(request.settings.db, request.settings.min_free_mb)  # now, not after Prefect started
            check_prefect_home()
            check_api_url()
            summary = run_pipeline(request, err, received)
    except RunInterrupted as e:
        err.print(str(e), highlight=False)
        raise typer.Exit(128 + e.signum) from None
    except ServerGone as e:
        fail(str(e))
        exit_now(1)  # Prefect would spend minutes at exit retrying its events against the server that is gone
    except (ServerStartError, *_known_errors()) as e:
        raise fail(str(e)) from None
    print_summary(summary, out, err)
    if exit_code(summary):
        raise typer.Exit(exit_code(summary))
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
    print_rows(columns, rows, fmt, out)


def _on_existing_warehouse(db: str | None, work: Callable[[Warehouse], T], allowed_dirs: tuple[Path, ...] = ()) -> T:
    """Open an existing warehouse read-only (waiting for a busy one), do `work`, say any failure in one sentence."""
    from warehouse import WarehouseError, open_reader

    cfg = _settings(db)
    if not cfg.db.exists():
        raise fail(f"no warehouse at {cfg.db}; run `gwr run PATH` first")
    try:
        with open_reader(cfg.db, wait_seconds=cfg.lock_timeout, allowed_dirs=allowed_dirs) as wh:
            return work(wh)
    except (WarehouseError, ValueError, OSError) as e:
        raise fail(str(e)) from None


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
        target = out_file.absolute()  # a link at --out is replaced, never written through
        n = _on_existing_warehouse(db, lambda wh: wh.export_facts(target), allowed_dirs=(target.parent,))
        out.print(f"wrote {n} facts to {safe(out_file)}", highlight=False)
        return
    if folder is None:
        raise fail("give a folder to export into, e.g. `gwr export out/ --format csv`")
    if excel:
        fmt = ExportFormat.csv
    dest = folder.resolve()
    written = _on_existing_warehouse(
        db, lambda wh: wh.export(dest, fmt.value, excel=excel, only=only), allowed_dirs=(dest,)
    )
    out.print(f"wrote {len(written)} files ({sum(written.values())} rows) and datapackage.json to {safe(folder)}",
              highlight=False)


@app.command()
def report(
    out_file: Annotated[Path, typer.Option("--out", "-o", help="the HTML file to write")] = Path("report.html"),
    indicator: Annotated[str | None, typer.Option(help="indicator code of the series chart "
                                                  "[default: the one most regions have]")] = None,
    measure: Annotated[str | None, typer.Option(help="its measure: level, growth, share, pp_change")] = None,
    db: DbOption = None,
) -> None:
    """Write a self-contained HTML report (charts and tables, opens offline): targets vs results, series, conflicts."""
    from reports.page import build_report
    from warehouse import WarehouseError
    from warehouse.files import atomic_file

    page = _on_existing_warehouse(db, lambda wh: build_report(wh, indicator=indicator, measure=measure))
    try:
        with atomic_file(out_file.absolute()) as fh:  # a link at --out is replaced, never written through
            fh.write(page.encode("utf-8"))
    except (WarehouseError, OSError) as e:
        raise fail(str(e) if isinstance(e, WarehouseError) else f"cannot write {out_file}: {e.strerror}") from None
    out.print(f"wrote {safe(out_file)} ({len(page.encode('utf-8')) / 2**20:.1f} MB, opens offline)", highlight=False)


@app.command()
def serve(
    inbox: Annotated[Path, typer.Option(help="folder to watch for new and changed report files")],
    cron: Annotated[str | None, typer.Option(help='cron schedule, e.g. "0 6 * * *"')] = None,
    interval: Annotated[float | None, typer.Option(help="run every N seconds instead of a cron schedule")] = None,
    db: DbOption = None,
    name: Annotated[str, typer.Option(help="deployment name")] = "gwr-inbox",
) -> None:
    """Serve a scheduled Prefect deployment that loads the inbox (starts a local Prefect server if needed)."""
    from gwr.preflight import check_api_url, check_cron, check_prefect_home
    from gwr.serve import Schedule, serve_inbox
    from gwr.server import ServerStartError

    if (cron is None) == (interval is None):
        raise fail("give exactly one of --cron or --interval")
    if interval is not None and not 0 < interval < float("inf"):
        raise fail("--interval must be a positive number of seconds")
    cfg = _settings(db)
    try:
        apply_prefect_defaults()
        if cron is not None:
            check_cron(cron)
        check_prefect_home()
        check_api_url()
        inbox.mkdir(parents=True, exist_ok=True)
        serve_inbox(Schedule(inbox.resolve(), name, cron=cron, interval=interval), cfg, err)
    except (ServerStartError, *_known_errors()) as e:
        raise fail(str(e)) from None


def _mount() -> None:
    """`gwr server` and `gwr review`, defined beside this module (they import the helpers above)."""
    from gwr.review_cli import review_app
    from gwr.server_cli import server_app

    app.add_typer(server_app, name="server")
    app.add_typer(review_app, name="review")


_mount()

if __name__ == "__main__":
    app()
