"""Building a published snapshot: the snapshot file and its Parquet folder, by two writers at once.

The work is two chains of about equal length, run at the same time on two cursors of one DuckDB
instance (so under one memory limit), one thread each:

- the snapshot: the warehouse's schema copied, the star schema's keys declared on the still empty
  fact table (`warehouse.keys`), every table's rows copied once;
- the views: their rows computed once each (`warehouse.view_rows`) and written to Parquet files.

Then each writer takes the tables' Parquet files in turn until none is left; the snapshot's writer
reads them from its copy, where a document's text is stored unpacked. A writer that fails stops the
other, and its error is raised (`warehouse.publish` retries one that says the memory limit was
reached without the limit, and reports any other).

A build asked to `fold_log` runs a third job beside them: the checkpoint of the warehouse that the run's
last writer left to it (`close_run`), which would otherwise run after the run's last commit and before the
build. Like a writer's, it writes the run's rows as row groups of their own (`NO_VACUUM`): merging them
into the last row group compressed every document's text again at N = 1,000, 0.3 s of CPU. The warehouse
is then attached writable; a program that holds it open itself (DuckDB refuses a writer beside it) gets
the read-only attachment as before, and the log stays for the warehouse's next writer.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from pathlib import Path

import duckdb

from warehouse.connection import CONNECTION_CONFIG, NO_VACUUM, lock_refused
from warehouse.keys import declare_star_keys
from warehouse.sqlfiles import VIEWS, sql
from warehouse.view_rows import materialise_views

# How DuckDB words an allocation the memory limit refused, quoted by the error of a checkpoint it failed.
_REFUSED_ALLOCATION = re.compile(r"failed to (?:allocate|pin)")


def build(db: Path, building: Path, folder: Path, settings: dict[str, object], *, fold_log: bool = False) -> list[str]:
    """Write the snapshot file `building` and the Parquet folder `folder` (new, empty) from the warehouse `db`,
    with DuckDB `settings`, and fold `db`'s write-ahead log into it meanwhile if `fold_log` (and no other program
    holds it); return the relations written."""
    con = duckdb.connect(config={**dict(CONNECTION_CONFIG), **dict(NO_VACUUM), **settings})
    try:
        folding = fold_log and _attach_writable(con, db)
        if not folding:
            con.execute(sql("publish_attach_warehouse"), {"path": str(db)})
        con.execute(sql("publish_attach_snapshot"), {"path": str(building)})
        con.execute(sql("publish_attach_view_rows"))
        con.execute(sql("publish_use_warehouse"))
        names = [name for (name,) in con.execute(sql("q_user_tables")).fetchall()]
        views = [name for name in names if name in VIEWS]
        tables = deque(name for name in names if name not in VIEWS)

        def snapshot_then_tables(cursor: duckdb.DuckDBPyConnection) -> None:
            _copy_into_snapshot(cursor)
            _write_parquet(cursor, tables, folder)
            cursor.execute(sql("publish_use_warehouse"))
            cursor.execute(sql("publish_detach_snapshot"))

        def views_then_tables(cursor: duckdb.DuckDBPyConnection) -> None:
            materialise_views(cursor)
            _write_parquet(cursor, deque(views), folder)
            _write_parquet(cursor, tables, folder)

        def fold(cursor: duckdb.DuckDBPyConnection) -> None:
            cursor.execute(sql("publish_fold_warehouse_log"))

        _together(con, snapshot_then_tables, views_then_tables, *([fold] if folding else []))
        return names
    finally:
        con.close()


def _attach_writable(con: duckdb.DuckDBPyConnection, db: Path) -> bool:
    """Attach the warehouse `db` writable to `con`; False, attaching nothing, when DuckDB refuses it a writer's lock
    (another program has the file open)."""
    try:
        con.execute(sql("writer_attach"), {"path": str(db)})
    except duckdb.IOException as exc:
        if not lock_refused(exc):
            raise
        return False
    return True


def _copy_into_snapshot(con: duckdb.DuckDBPyConnection) -> None:
    """Copy the warehouse's schema into the snapshot, declare the star schema's keys there, then copy the rows;
    leave `con` using the snapshot."""
    con.execute(sql("publish_copy_schema"))
    con.execute(sql("publish_use_snapshot"))
    declare_star_keys(con)
    con.execute(sql("publish_copy_data"))


def _write_parquet(con: duckdb.DuckDBPyConnection, names: deque[str], folder: Path) -> None:
    """Write a Parquet file of each relation `names` holds, taking them one by one (another writer may take some)."""
    while True:
        try:
            name = names.popleft()
        except IndexError:
            return
        con.execute(sql("export_relation_parquet"), {"relation": name, "out": str(folder / f"{name}.parquet")})


def _together(con: duckdb.DuckDBPyConnection, *jobs: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    """Run each job in a thread of its own, on a cursor of `con` of its own; once one fails (or this thread is
    interrupted), stop the others and raise its error (one that says the memory limit was reached before any
    other, so that the build is retried unbounded)."""
    cursors = [con.cursor() for _ in jobs]
    try:
        with ThreadPoolExecutor(len(jobs), thread_name_prefix="gwr-publish") as pool:
            running = [pool.submit(job, cursor) for job, cursor in zip(jobs, cursors, strict=True)]
            finished = False
            try:
                wait(running, return_when=FIRST_EXCEPTION)
                finished = all(job.done() and job.exception() is None for job in running)
            finally:
                if not finished:
                    for cursor in cursors:
                        cursor.interrupt()
        errors = [error for job in running if (error := job.exception()) is not None]
    finally:
        for cursor in cursors:
            cursor.close()
    if errors:
        raise min(errors, key=_telling)


def _telling(error: BaseException) -> int:
    """Which error of the jobs to raise first (lowest): the memory limit's, then the cause, then the interrupted."""
    if isinstance(error, duckdb.Error) and out_of_memory(error):
        return 0
    return 2 if isinstance(error, duckdb.InterruptException) else 1


def out_of_memory(error: duckdb.Error) -> bool:
    """Whether `error` says the memory limit was reached: an OutOfMemoryException, or the TransactionException
    of a commit whose checkpoint ran out of memory (it quotes the original error).

    >>> out_of_memory(duckdb.TransactionException('Failed to commit: Checkpoint failed for database "snapshot". '
    ...     'Original error: failed to allocate data of size 4.0 MiB (486.2 MiB/488.2 MiB used)'))
    True
    >>> out_of_memory(duckdb.ConstraintException("Violates foreign key constraint"))
    False
    """
    return isinstance(error, duckdb.OutOfMemoryException) or (
        isinstance(error, duckdb.TransactionException) and _REFUSED_ALLOCATION.search(str(error)) is not None
    )
