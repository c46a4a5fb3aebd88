"""The DuckDB instance a process writes a warehouse file through, kept between the times it opens it.

A run opens the warehouse for each of its steps (its start, every batch, its end) and closes it in
between, so that a reviewer's decision or a query can get in (`warehouse.connection`). Starting a DuckDB
instance costs 12-30 ms of CPU (it registers DuckDB's built-in functions), about half of what the rest
of an open costs: a cold 1,000-document run paid it four times, an unchanged rerun four times too.
Closing now detaches the file, which closes it and releases DuckDB's lock on it as closing the
instance did, and keeps the empty instance for the next open of the same file in this process. One
instance is kept, the last one closed: each holds about 5 MB, and a process that opens many
warehouses (the test suite, a notebook) would otherwise keep one for every file it ever wrote.

The warehouse is written through a cursor of the instance, closed when the open ends: a `Warehouse`
kept past its block fails on its next statement instead of writing into the instance's in-memory
catalog. What a cursor made for itself (the temp table of paths, registered frames) goes with it.
Settings are the instance's: each open sets how the file is closed (`warehouse.connection`).
"""

from __future__ import annotations

import atexit
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.sqlfiles import sql

_idle: dict[Path, duckdb.DuckDBPyConnection] = {}  # at most one: an instance with nothing attached, by its file
_guard = threading.Lock()


@dataclass(frozen=True, slots=True)
class Writer:
    """A writer's connection to the warehouse (`cursor`) and the instance it belongs to."""

    path: Path
    instance: duckdb.DuckDBPyConnection
    cursor: duckdb.DuckDBPyConnection


def open_writer(path: Path, config: dict[str, object]) -> Writer:
    """Attach the warehouse at `path` (`writer_attach`) to this process's idle instance for it, or to a new one made
    with `config`, and return a cursor using it (`writer_use`). DuckDB's errors (a file another program holds)
    are raised as they are; the instance is then closed."""
    with _guard:
        instance = _idle.pop(path, None)
    if instance is None:
        instance = duckdb.connect(config={**config, "temp_directory": f"{path}.tmp"})
    try:
        instance.execute(sql("writer_attach"), {"path": str(path)})
        cursor = instance.cursor()
        cursor.execute(sql("writer_use"))
    except BaseException:
        instance.close()
        raise
    return Writer(path, instance, cursor)


def close_writer(writer: Writer) -> None:
    """Close the cursor and detach the warehouse (closing the file: checkpointed unless the open deferred it); keep
    the instance for the next open in place of any kept before. An instance that fails to detach is closed, and
    its error raised."""
    writer.cursor.close()  # rolls back a transaction left open
    try:
        writer.instance.execute(sql("writer_detach"))
    except BaseException:
        writer.instance.close()
        raise
    with _guard:
        others = list(_idle.values())
        _idle.clear()
        _idle[writer.path] = writer.instance
    for other in others:  # a file opened meanwhile by another thread, or an earlier file: closed
        other.close()


@atexit.register
def _close_idle() -> None:
    """Close the kept instance as the process ends, as closing each writer did: DuckDB then removes its spill
    folder (`<file>.tmp`) rather than leaving it to the interpreter's teardown."""
    with _guard:
        kept = list(_idle.values())
        _idle.clear()
    for instance in kept:
        instance.close()
