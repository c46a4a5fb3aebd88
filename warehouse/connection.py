"""Opening the warehouse: one gwr process at a time, with a bounded wait.

DuckDB lets one process open a database file for writing, and a second opener (even
read-only) fails at once with "Could not set lock on file". gwr therefore takes an OS file
lock on `<db>.lock` before opening and waits for it a bounded time, so concurrent runs and
queries queue instead of crashing. The lock is an `flock`, released by the kernel when its
holder dies, `kill -9` included.

Settings arrive as parameters (the CLI reads them from ``GWR_LOCK_TIMEOUT`` and
``GWR_MIN_FREE_MB`` through `settings`, which owns their defaults): how long to wait for
another gwr process, and how much free space a writer needs — a load that runs out of space
mid-way is rolled back by DuckDB, but failing before any work gives the clearer message.
"""

from __future__ import annotations

import functools
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

from settings import LOCK_TIMEOUT, MIN_FREE_MB
from warehouse.errors import QueryFailed, WarehouseBusy, WarehouseUnavailable
from warehouse.identity import check_is_duckdb, check_whole, corrupt_or_none
from warehouse.migrate import check_current, check_is_gwr, upgrade
from warehouse.sqlfiles import sql
from warehouse.store import Warehouse
from warehouse.writers import close_writer, open_writer

# On every connection, writer's too: a file must never make DuckDB download or load code
# (a SQLite file asks for the sqlite extension). The extensions gwr uses are built in.
CONNECTION_CONFIG = (("autoinstall_known_extensions", False), ("autoload_known_extensions", False))
# A writer works on one thread: its statements are a batch's few set-based ones, and while a run
# loads, the extraction workers have every core. DuckDB's threads beside the flow's spent 0.7 s of
# CPU on a cold 1,000-document run for the same work the one thread does in 0.07 s more.
# And within a memory bound: DuckDB's default is 80 % of the machine, which its buffer pool fills
# with the file's blocks as a run's commits fold the log into a growing file. A 20,000-document run's
# peak (flow and workers) was 2,439 MB against 1,523 at N = 1,000; with 384 MB it was 1,839-1,871 MB
# in two runs, for the same rows (BENCHMARKS.md). What needs more spills beside the file (DuckDB's `<file>.tmp`).
# Without DuckDB's row-group vacuum, which merges trailing row groups that fit in one (always under 2,048
# rows): each run's checkpoint compressed all the text of a table under 2,048 documents again (0.3 s of CPU
# at N = 1,000). A run's rows go beside the row groups before them; `warehouse.runbook.compact` merges them.
NO_VACUUM = (("max_vacuum_tasks", 0),)
WRITER_CONFIG = (*CONNECTION_CONFIG, ("threads", 1), ("memory_limit", "384MB"), *NO_VACUUM)


# The free space each run this process holds the run lock of was started with (`GWR_MIN_FREE_MB`), by
# warehouse: a writer opened meanwhile (the run's tasks) needs as much, not the default
# (GWR_MIN_FREE_MB=1 passed a run's own check, then its first task asked for 50 MB).
_run_floors: dict[Path, float] = {}


@contextmanager
def run_floor(path: Path, min_free_mb: float) -> Iterator[None]:
    """While the block runs, writers of `path` opened without a `min_free_mb` of their own need `min_free_mb`."""
    key = Path(path).expanduser().absolute()
    _run_floors[key] = min_free_mb
    try:
        yield
    finally:
        _run_floors.pop(key, None)


def lock_path(path: Path) -> Path:
    """The lock file guarding `path`: ``gwr.duckdb`` -> ``gwr.duckdb.lock``."""
    return path.with_name(path.name + ".lock")


@contextmanager
def open_warehouse(
    path: Path,
    *,
    wait_seconds: float = LOCK_TIMEOUT.default,
    read_only: bool = False,
    min_free_mb: float | None = None,
    allowed_dirs: Sequence[Path] = (),
    defer_checkpoint: bool = False,
) -> Iterator[Warehouse]:
    """Lock and open the warehouse at `path`; close and unlock on exit.

    A writer (`gwr run`) upgrades the schema first. A reader never writes: the file is opened
    read-only, must already be at this gwr's schema version, and sees no other file than
    those under `allowed_dirs` (an export's target folder) and no extension.

    A writer needs `min_free_mb` free on the warehouse's disk: by default, what the run holding its run
    lock in this process was started with (`run_floor`), else `GWR_MIN_FREE_MB`'s default.

    Raises `WarehouseBusy` when another process keeps it past the wait, `NotAWarehouse` /
    `WarehouseCorrupt` / `WarehouseOutdated` for a file that is not, no longer or not yet
    what this gwr reads, and `WarehouseUnavailable` when it cannot be created or written.

    A writer that will open the file again soon (a run's batches) may `defer_checkpoint`: its
    commits stay in the write-ahead log, which every later opener replays (read-only ones
    too, and the snapshot `publish` copies), instead of being folded into the file each time
    it closes; that folding cost a cold 1,000-document run about a fifth of its load time
    (BENCHMARKS.md). DuckDB still folds the log in once it passes its `checkpoint_threshold`
    (16 MB), and the run's last writer (`close_run`) closes normally. A run killed between
    batches leaves the log, and the next opener replays it (tests/warehouse/test_defer_checkpoint.py).
    """
    path = Path(path).expanduser().absolute()
    wait = float(wait_seconds)
    deadline = time.monotonic() + wait
    if read_only:
        if not path.is_file():
            raise WarehouseUnavailable(f"warehouse {path} does not exist; run the pipeline to create it")
        lockable = _can_create_lock(path)
    else:
        floor = min_free_mb if min_free_mb is not None else _run_floors.get(path, MIN_FREE_MB.default)
        check_writable(path, floor, identify=False)  # the file is identified once connected
        lockable = True
    if path.is_file():
        check_is_duckdb(path)

    # A read-only copy on read-only media cannot hold a lock file; DuckDB's own lock still
    # refuses to open it while a writer has it, which _connect waits for and reports as busy.
    lock = FileLock(lock_path(path), timeout=wait) if lockable else None
    if lock is not None:
        try:
            lock.acquire()
        except Timeout:
            raise WarehouseBusy(
                f"warehouse {path} is busy: another gwr process holds it (waited {wait:g} s); "
                f"try again later or raise {LOCK_TIMEOUT.env}"
            ) from None
    try:
        con, close = _connect(path, read_only=read_only, deadline=deadline, wait=wait)
        try:
            if read_only:
                check_whole(con, path)
                check_current(con, path)
                _seal(con, allowed_dirs)
            else:
                _upgrade(con, path)
                con.execute(sql("writer_defer_checkpoint" if defer_checkpoint else "writer_checkpoint_on_close"))
            yield Warehouse(con, path, read_only=read_only)
        finally:
            close()
    finally:
        if lock is not None:
            lock.release()


@contextmanager
def locked_if_free(path: Path) -> Iterator[bool]:
    """Hold the lock every gwr opener of `path` takes (`<db>.lock`) through the block if no one holds it now;
    yield whether it is held. For a step of a run that may otherwise do its work without writing the file
    (`warehouse.publish`), so it never waits for a reader."""
    lock = FileLock(lock_path(Path(path).expanduser().absolute()), timeout=0)
    try:
        lock.acquire()
    except (Timeout, OSError):
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


@contextmanager
def open_reader(path: Path, *, wait_seconds: float = LOCK_TIMEOUT.default,
                allowed_dirs: Sequence[Path] = ()) -> Iterator[Warehouse]:
    """`open_warehouse` read-only for a reading command, where any DuckDB failure, opening or in the block,
    becomes a `WarehouseError` in one sentence: `WarehouseCorrupt` for a damaged file (a truncated one can open
    and fail on its first page read), else `QueryFailed`."""
    try:
        with open_warehouse(path, wait_seconds=wait_seconds, read_only=True, allowed_dirs=allowed_dirs) as wh:
            yield wh
    except duckdb.Error as exc:
        raise corrupt_or_none(path, exc) or QueryFailed(f"query failed: {str(exc).splitlines()[0]}") from None


def _upgrade(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Bring the file to this gwr's schema; a write the disk refuses is said as such."""
    try:
        upgrade(con, path)
    except duckdb.IOException as exc:
        raise WarehouseUnavailable(f"warehouse {path} could not be written: {exc}") from exc


def _seal(con: duckdb.DuckDBPyConnection, allowed_dirs: Sequence[Path]) -> None:
    allowed = [str(Path(folder).absolute()) + os.sep for folder in allowed_dirs]
    con.execute(sql("reader_allow_dirs"), {"allowed": allowed})
    con.execute(sql("reader_seal"))


def check_writable(path: Path, min_free_mb: float = MIN_FREE_MB.default, *, identify: bool = True) -> None:
    """Fail before any work when the warehouse's folder cannot take a file or is nearly full,
    or (with `identify`) when the file is there but is not a gwr warehouse or is damaged."""
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
    free = free_bytes(path.parent)
    needed = min_free_mb * 2**20
    if free < needed:
        raise WarehouseUnavailable(
            f"warehouse {path} cannot be written: only {free / 2**20:.0f} MB free on its disk, "
            f"{needed / 2**20:.0f} MB needed (set by {MIN_FREE_MB.env})"
        )
    if identify and path.is_file():
        check_is_duckdb(path)
        _peek(path)


def free_bytes(folder: Path) -> int:
    """Free bytes on the disk of `folder`, for an unprivileged writer."""
    return shutil.disk_usage(folder).free


def _peek(path: Path) -> None:
    """Open an existing file read-only for a moment: someone else's tables or damage are said now."""
    try:
        con = duckdb.connect(str(path), read_only=True, config=dict(CONNECTION_CONFIG))
    except duckdb.Error as exc:
        damaged = corrupt_or_none(path, exc)
        if damaged is not None:
            raise damaged from exc
        return  # held by another program: the open proper waits for it and says so
    try:
        check_whole(con, path)
        check_is_gwr(con, path)
    finally:
        con.close()


def _can_create_lock(path: Path) -> bool:
    """True when the lock file exists or can be created (root ignores chmod, so we try)."""
    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)  # as filelock opens it
    except OSError:
        return False
    os.close(fd)
    return True


def lock_refused(exc: duckdb.IOException) -> bool:
    """Whether DuckDB refused to open or attach a file because another program holds its lock on it."""
    return "lock" in str(exc).lower()


def _connect(path: Path, *, read_only: bool, deadline: float, wait: float
             ) -> tuple[duckdb.DuckDBPyConnection, Callable[[], None]]:
    """Open the file, waiting until `deadline` for a program that holds DuckDB's own lock on it; return the
    connection and what closes it.

    A writer writes in row groups of 2,048 rows (`writer_attach`). DuckDB appends a load's rows to a
    table's last row group and, at the next checkpoint, writes that whole row group again, every
    document's text in it included: with its default of 122,880 rows, `dim_document`'s last row group
    held every document of a 20,000-document warehouse, so each checkpoint (one every other batch)
    compressed all their text again, and the flow process's peak memory grew with the warehouse. Row
    groups of 2,048 rows bound that to 2,048 documents. What does not fit in memory spills beside the
    file, as when the file is opened (`<file>.tmp`). Its DuckDB instance is kept between opens
    (`warehouse.writers`).
    """
    pause = 0.05
    while True:
        try:
            if read_only:
                con = duckdb.connect(str(path), read_only=True, config=dict(CONNECTION_CONFIG))
                return con, con.close
            writer = open_writer(path, dict(WRITER_CONFIG))
            return writer.cursor, functools.partial(close_writer, writer)
        except duckdb.IOException as exc:
            # Our lock keeps gwr processes apart; this is another program (a BI tool, the duckdb
            # shell, a notebook) holding DuckDB's own lock on the file.
            if not lock_refused(exc):
                raise corrupt_or_none(path, exc) or WarehouseUnavailable(
                    f"warehouse {path} cannot be opened: {str(exc).splitlines()[0]}"
                ) from exc
            if time.monotonic() + pause > deadline:
                raise WarehouseBusy(
                    f"warehouse {path} is busy: another program has it open (a BI tool, notebook or duckdb "
                    f"shell?) and kept it past {wait:g} s; point readers at the published snapshot "
                    f"instead, or raise {LOCK_TIMEOUT.env}"
                ) from exc
            time.sleep(pause)
            pause = min(pause * 2, 1.0)
        except duckdb.Error as exc:
            raise corrupt_or_none(path, exc) or WarehouseUnavailable(
                f"warehouse {path} cannot be opened: {str(exc).splitlines()[0]}"
            ) from exc

