"""The published snapshot: what BI tools, notebooks and other DuckDB clients open.

After every successful run the warehouse is copied to a snapshot file, in the storage
format of DuckDB 1.0 so that clients from 1.1 on open it, and every table and view is
written to a Parquet file beside it. Both are built beside their final place and renamed
into it, so a reader sees the previous snapshot or the new one, never half of one; a
reader holding the snapshot open never blocks a run (on Linux it keeps the old file until
it closes it). BI tools point here, not at the live warehouse, which a run needs to itself.

The snapshot declares the star schema's keys, which the warehouse checks with data tests
(`warehouse.keys`). Its files are published without write bits, so a client that opens the
snapshot read-write is refused (except root, whom file modes do not stop), and a write-ahead
log a writer left beside the old snapshot is removed as the new one takes its place: DuckDB
would otherwise replay it onto the new file for every reader.

The build (`warehouse.publish_build`) runs under a memory limit, spilling to disk; one that needs
more is made again without it. Two writers share it: the snapshot file, and the views' rows, each
view computed once (`warehouse.view_rows`).

Where the snapshot goes is a setting (``GWR_PUBLISH`` / `--publish`, resolved by `settings`:
by default beside the warehouse, ``gwr_published.duckdb`` for ``gwr.duckdb``); this module
is handed the path.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import stat
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.connection import locked_if_free
from warehouse.errors import WarehouseUnavailable
from warehouse.files import private_folder, publish_file
from warehouse.publish_build import build, out_of_memory

RENAME_EXCHANGE = 2  # Linux renameat2 flag: swap two paths in one step


@dataclass(frozen=True, slots=True)
class Published:
    snapshot: Path
    parquet: Path
    relations: int
    seconds: float


def parquet_folder(snapshot: Path) -> Path:
    """The folder of Parquet files beside a snapshot: ``gwr_published.duckdb`` -> ``gwr_published-parquet/``."""
    return snapshot.with_name(f"{snapshot.stem}-parquet")


def publish(db: Path, target: Path, *, fold_log: bool = False) -> Published:
    """Copy the warehouse at `db` to the snapshot `target` and its Parquet folder; return what was written.

    Raises `WarehouseUnavailable` (or OSError) when they cannot be written; the previous
    snapshot then stays as it was.

    Call it while no run writes `db` (the flow does, holding the run lock, after its last
    commit): it reads `db` through a read-only attachment, beside any readers. Asked to
    `fold_log` (a run whose last writer left its commits in the write-ahead log), it folds the
    log into the file while it copies (`publish_build`), holding the lock gwr's openers take, so
    readers wait for it as for a batch; if a reader holds the warehouse as it starts, it reads
    beside it as it otherwise does and leaves the log to the next writer.
    """
    started = time.monotonic()
    target = Path(target).absolute()
    folder = parquet_folder(target)
    # Built in a folder of a random name made for this call: a name fixed in advance
    # (.gwr-published.duckdb.building) could be a planted symlink that DuckDB would write through.
    with private_folder(target) as work, (locked_if_free(db) if fold_log else nullcontext(False)) as folding:
        building, folder_building = work / target.name, work / folder.name
        spill = {"temp_directory": str(work / "spill")}  # what does not fit in memory goes here, never elsewhere
        try:
            names = _build_within_bounds(db, building, folder_building, spill, fold_log=folding)
        except duckdb.Error as exc:
            raise WarehouseUnavailable(f"snapshot {target} could not be written: {str(exc).splitlines()[0]}") from exc
        # A write-ahead log beside the snapshot is a client's that opened the old file read-write
        # (root ignores the file's mode): DuckDB would replay it onto the new file for every reader.
        _remove(wal_of(target))
        publish_file(building, target, read_only=True)
        _read_only(*folder_building.iterdir())
        _swap_folder(folder_building, folder, work / "previous")
    return Published(target, folder, len(names), round(time.monotonic() - started, 2))


# The copy runs at the end of a run, in the flow's process: bounded, it spills to disk instead of
# adding the warehouse's size to the run's peak memory (a 5,000-document warehouse: a peak RSS
# of 584 MB, where the unbounded retry takes 1 GB). One thread per statement: the build runs two
# at a time (`publish_build`). A 20,000-document warehouse (a 455 MB file) is built within 384 MB
# (+458 MB of RSS, against +571 MB within 512 MB, in the same 14 s), not within 256 MB: the two
# writers together then ask for more. A copy that needs more than a bound is made again within
# the next (`out_of_memory`), the last without one: a warehouse a little too big for the first
# does not jump to taking all it wants.
_BOUNDS = ("384MB", "1536MB")
_BOUNDED = {"threads": 1, "preserve_insertion_order": False}  # the settings of a bounded build


def _build_within_bounds(db: Path, building: Path, folder: Path, spill: dict[str, object], *,
                         fold_log: bool = False) -> list[str]:
    """`_build` within each of `_BOUNDS` in turn, then unbounded, until one fits."""
    for bound in _BOUNDS:
        try:
            return _build(db, building, folder, {**_BOUNDED, "memory_limit": bound, **spill}, fold_log=fold_log)
        except duckdb.Error as exc:
            if not out_of_memory(exc):
                raise
    return _build(db, building, folder, spill, fold_log=fold_log)  # a warehouse that needs more: all it takes


def _build(db: Path, building: Path, folder: Path, settings: dict[str, object], *, fold_log: bool = False) -> list[str]:
    """`publish_build.build` into a new, empty `folder`, over whatever a failed attempt left."""
    _remove(building, Path(f"{building}.wal"), folder)
    folder.mkdir()
    return build(db, building, folder, settings, fold_log=fold_log)


def wal_of(snapshot: Path) -> Path:
    """DuckDB's write-ahead log of a database file: ``gwr_published.duckdb`` -> ``gwr_published.duckdb.wal``."""
    return snapshot.with_name(f"{snapshot.name}.wal")


def _read_only(*paths: Path) -> None:
    """Take the write bits off: a client that opens the snapshot read-write is refused, as one that
    wrote into it would change what every other reader sees until the next publish."""
    for path in paths:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _swap_folder(new: Path, final: Path, previous: Path) -> None:
    """Put `new` in `final`'s place in one step where Linux allows it, else in two renames; what `final` held
    ends at `previous` (in the caller's private folder, which removes it)."""
    if os.path.lexists(final) and _exchange(new, final):
        os.replace(new, previous)  # now the previous folder (or a symlink that stood there: moved, not followed)
        return
    if os.path.lexists(final):
        os.replace(final, previous)
    os.replace(new, final)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False where the system lacks it."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), RENAME_EXCHANGE) == 0


def _remove(*paths: Path) -> None:
    for path in paths:
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
