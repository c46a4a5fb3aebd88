"""`gwr review`: check and correct facts in a browser; `export` / `import` a CSV of them; `status`.

Its own module so that `gwr/cli.py` stays the run-and-read commands; `cli.py` mounts it.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gwr.cli import DbOption, _settings, err, fail, out

if TYPE_CHECKING:
    from review.store import Store

review_app = typer.Typer(no_args_is_help=False,
                         help="Start a local web app (127.0.0.1) to check and correct facts in a browser and open "
                              "the browser at it; corrections survive reruns. Or export / import them as CSV.")


def _store(db: str | None, *, must_exist: bool = True) -> Store:
    from review.store import Store

    cfg = _settings(db)
    if must_exist and not cfg.db.exists():
        raise fail(f"no warehouse at {cfg.db}; run `gwr run PATH` first")
    return Store(cfg.db, cfg.lock_timeout)


def _reviewer() -> str:
    """The operating-system user, who every decision names."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@review_app.callback(invoke_without_command=True)
def review(
    ctx: typer.Context,
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on; anything but 127.0.0.1 lets other machines in")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8765,
    browser: Annotated[bool, typer.Option("--browser/--no-browser", help="open the browser at the app")] = True,
) -> None:
    """Start the review app on 127.0.0.1 and open the browser at it (Ctrl-C stops it)."""
    if ctx.invoked_subcommand is not None:
        return
    from review.app import ReviewConfig
    from review.security import is_loopback
    from review.server import serve, url
    from warehouse import WarehouseError

    store = _store(db)
    config = ReviewConfig(store.db, store.wait_seconds, _reviewer(), host=host, port=port)
    if not is_loopback(host):
        err.print(f"warning: gwr review listens on {host}: anyone who reaches this machine can change the facts",
                  highlight=False, soft_wrap=True)
    out.print(f"gwr review at {url(config)} (warehouse {store.db}); Ctrl-C stops it", highlight=False, soft_wrap=True)
    try:
        serve(config, open_browser=browser)
    except (WarehouseError, OSError) as e:
        raise fail(str(e)) from None


@review_app.command("export")
def export_review(
    out_file: Annotated[Path, typer.Option("--out", "-o", help="the CSV file to write")] = Path("review.csv"),
    db: DbOption = None,
) -> None:
    """Write every fact to a CSV file with an empty `decision` column (accept, reject or edit) for Excel."""
    from review.exchange import export_csv
    from warehouse import WarehouseError

    try:
        n = export_csv(_store(db), out_file)
    except (WarehouseError, OSError) as e:
        raise fail(str(e)) from None
    out.print(f"wrote {n} facts to {out_file}; fill `decision` with accept, reject or edit, then "
              f"`gwr review import {out_file}`", highlight=False, soft_wrap=True)


@review_app.command("import")
def import_review(
    csv_file: Annotated[Path, typer.Argument(help="a CSV file written by `gwr review export`, decisions filled in")],
    db: DbOption = None,
) -> None:
    """Apply the decisions of a CSV file: every row is checked first, and one bad row means nothing is applied."""
    from review.exchange import ImportRejected, import_csv
    from warehouse import WarehouseError

    if not csv_file.is_file():
        raise fail(f"no file {csv_file}")
    store = _store(db)
    try:
        store.prepare()
        done = import_csv(store, csv_file, _reviewer())
    except ImportRejected as e:
        for problem in e.problems:
            err.print(problem, highlight=False, soft_wrap=True, markup=False)
        raise fail(str(e)) from None
    except (WarehouseError, OSError) as e:
        raise fail(str(e)) from None
    out.print(f"imported {done.decisions} decisions from {csv_file} ({done.rows} rows read)", highlight=False)


@review_app.command("status")
def status(db: DbOption = None) -> None:
    """Count the decisions by what became of them, and list the orphaned ones (their span is not found)."""
    from warehouse import WarehouseError

    try:
        rows = _store(db).rows("review_decisions")
    except WarehouseError as e:
        raise fail(str(e)) from None
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    out.print(f"{len(rows)} decisions: " + (", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "none"),
              highlight=False)
    for row in rows:
        if row["status"] == "orphaned":
            out.print(f"orphaned {row['action']} of {row['quote']!r} in {row['doc'] or row['doc_id']}: "
                      f"{row['orphan_reason']}", highlight=False, soft_wrap=True, markup=False)
