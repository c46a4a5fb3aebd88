"""Opening the warehouse: one gwr process at a time, with a bounded wait.

DuckDB lets one process open a database file for writing, and a second opener (even
read-only) fails at once with "Could not set lock on file". gwr therefore takes an OS file
lock on `<db>.lock` before opening and waits for it a bounded time, so concurrent runs and
queries queue instead of crashing. The lock is an `flock`, released by the kernel when its
holder dies, `kill -9` included.

Settings arrive as parameters (`gwr.config` reads them from ``GWR_LOCK_TIMEOUT`` and
``GWR_MIN_FREE_MB``): how long to wait for another gwr process, and how much free space a
writer needs — a load that runs out of space mid-way is rolled back by DuckDB, but failing
before any work gives the clearer message.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

from warehouse.errors import WarehouseBusy, WarehouseUnavailable
from warehouse.sqlfiles import DDL_ORDER, sql
from warehouse.store import Warehouse

LOCK_TIMEOUT_ENV = "GWR_LOCK_TIMEOUT"  # named in messages; parsed by gwr.config
DEFAULT_LOCK_TIMEOUT = 60.0
MIN_FREE_ENV = "GWR_MIN_FREE_MB"
DEFAULT_MIN_FREE_MB = 50.0


def lock_path(path: Path) -> Path:
    """The lock file guarding `path`: ``gwr.duckdb`` -> ``gwr.duckdb.lock``."""
    return path.with_name(path.name + ".lock")


@contextmanager
def open_warehouse(
    path: Path,
    *,
    wait_seconds: float = DEFAULT_LOCK_TIMEOUT,
    read_only: bool = False,
    min_free_mb: float = DEFAULT_MIN_FREE_MB,
) -> Iterator[Warehouse]:
    """Lock, open and (unless `read_only`) migrate the warehouse at `path`; close and unlock on exit.

    Raises `WarehouseBusy` when another process keeps it past the wait, and
    `WarehouseUnavailable` when it cannot be created, written or (read-only) found.
    """
    path = Path(path).expanduser().absolute()
    wait = float(wait_seconds)
    if read_only:
        if not path.is_file():
            raise WarehouseUnavailable(f"warehouse {path} does not exist; run the pipeline to create it")
        lockable = _can_create_lock(path)
    else:
        check_writable(path, min_free_mb)
        lockable = True

    # A read-only copy on read-only media cannot hold a lock file; DuckDB's own lock still
    # refuses to open it while a writer has it, which _connect reports as busy.
    lock = FileLock(lock_path(path), timeout=wait) if lockable else None
    if lock is not None:
        try:
            lock.acquire()
        except Timeout:
            raise WarehouseBusy(
                f"warehouse {path} is busy: another gwr process holds it (waited {wait:g} s); "
                f"try again later or raise {LOCK_TIMEOUT_ENV}"
            ) from None
    try:
        con = _connect(path, read_only=read_only)
        try:
            if not read_only:
                apply_ddl(con, path)
            yield Warehouse(con, path, read_only=read_only)
        finally:
            con.close()
    finally:
        if lock is not None:
            lock.release()


def apply_ddl(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Create every table and view in `DDL_ORDER`, in one transaction; safe to repeat."""
    con.begin()
    try:
        for name in DDL_ORDER:
            con.execute(sql(name))
        con.commit()
    except duckdb.IOException as exc:
        with suppress(duckdb.Error):
            con.rollback()
        raise WarehouseUnavailable(f"warehouse {path} could not be written: {exc}") from exc
    except BaseException:
        with suppress(duckdb.Error):
            con.rollback()
        raise


def check_writable(path: Path, min_free_mb: float = DEFAULT_MIN_FREE_MB) -> None:
    """Fail before any work when the warehouse's folder cannot take a file or is nearly full."""
    blocker = next((folder for folder in path.parents if folder.exists() and not folder.is_dir()), None)
    if blocker is not None:
        raise WarehouseUnavailable(f"warehouse {path} cannot be created: {blocker} is a file, not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseUnavailable(
            f"warehouse {path} cannot be created: its folder {path.parent} could not be made ({exc.strerror})"
        ) from exc
    if not _can_create_lock(path):
        raise WarehouseUnavailable(
            f"warehouse {path} cannot be written: its folder {path.parent} is read-only or not a folder"
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise WarehouseUnavailable(f"warehouse {path} cannot be written: the file is read-only")
    free = shutil.disk_usage(path.parent).free
    needed = min_free_mb * 2**20
    if free < needed:
        raise WarehouseUnavailable(
            f"warehouse {path} cannot be written: only {free / 2**20:.0f} MB free on its disk, "
            f"{needed / 2**20:.0f} MB needed (set by {MIN_FREE_ENV})"
        )


def _can_create_lock(path: Path) -> bool:
    """True when the lock file exists or can be created (root ignores chmod, so we try)."""
    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return False
    os.close(fd)
    return True


def _connect(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        # Our lock keeps gwr processes apart; this is another program (a BI tool, the duckdb
        # shell) holding DuckDB's own lock on the file.
        if "lock" in str(exc).lower():
            raise WarehouseBusy(
                f"warehouse {path} is busy: another program has it open (a BI tool or duckdb shell?); "
                "close it and try again"
            ) from exc
        raise WarehouseUnavailable(f"warehouse {path} cannot be opened: {exc}") from exc

