"""One `gwr run` per warehouse at a time.

DuckDB allows one writing process per file. The warehouse's own lock is held
only while a connection is open (so `gwr query` can slip in between batches);
this second, run-wide lock makes a concurrent `gwr run` wait a bounded time and
then stop with a clear message instead of interleaving with the first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from settings import LOCK_TIMEOUT, MIN_FREE_MB
from warehouse.connection import check_writable, run_floor
from warehouse.errors import WarehouseBusy


@contextmanager
def run_lock(db: Path, wait_seconds: float, min_free_mb: float = MIN_FREE_MB.default) -> Iterator[None]:
    """Hold the run-wide lock of `db` for the block, waiting at most `wait_seconds` for another run."""
    check_writable(db, min_free_mb)  # a read-only folder or a full disk is said now, before any work
    lock = FileLock(str(db) + ".run.lock")
    try:
        lock.acquire(timeout=wait_seconds)
    except Timeout:
        raise WarehouseBusy(
            f"warehouse {db} is busy: another gwr run is loading it (waited {wait_seconds:g} s); "
            f"try again later or raise {LOCK_TIMEOUT.env}"
        ) from None
    try:
        with run_floor(db, min_free_mb):  # the run's own opens need what the run was started with
            yield
    finally:
        lock.release()


def run_in_progress(db: Path) -> bool:
    """Whether a `gwr run` holds the run-wide lock of `db` now (a reviewer's write defers its checkpoint then)."""
    lock = FileLock(str(db) + ".run.lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    lock.release()
    return False
