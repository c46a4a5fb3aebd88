"""Extraction in worker processes: all cores, and a time limit no single document can outlast.

Python cannot stop a thread that is stuck in a long scan, so each document is
decoded and extracted in a worker process that is killed when it passes the
time limit; its document becomes a failure naming the limit and the rest of the
batch goes on. `pebble.ProcessPool` does exactly this (a per-call timeout that
kills and replaces the worker), which beats hand-written process juggling.

Workers are forked from a forkserver that has already loaded jieba and the
lexicon, so a worker replaced after a timeout is ready at once and the
dictionaries are built once per machine start, not once per worker. Results come
back in submission order: a parallel run loads exactly what a serial one does.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import multiprocessing
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import NamedTuple, TypeVar

from pebble import ProcessExpired, ProcessPool

from flows import progress, shipping  # noqa: F401  (shipping: how a processed document travels back)
from ingest.sources import read_again
from settings import DOC_TIMEOUT
from transforms import process_document
from transforms.errors import InputError
from transforms.records import Failure, Processed, SourceFile

T = TypeVar("T")

_lock = threading.RLock()
_pool: ProcessPool | None = None
_pool_size = 0
_STEP = 0.2  # seconds between two looks at the stop request while a result is awaited


def _context() -> multiprocessing.context.BaseContext:
    """A forkserver whose one-time preload warms jieba and the lexicon for every worker it forks."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["flows._warm"])
    return ctx


class Stopped(Exception):
    """The run was asked to stop (SIGTERM, Ctrl-C) while extraction waited: nothing more is extracted."""


def pool(workers: int) -> ProcessPool:
    """The process-wide pool of `workers` extraction processes (started on first use).

    Raises `Stopped` when a stop is asked before or while its workers start: a pool is never
    started after a stop, so none outlives the run.
    """
    global _pool, _pool_size
    with _lock:
        if progress.stop_requested():
            raise Stopped
        if not _started(workers):
            if _pool is not None:
                _pool.stop()
            _pool, _pool_size = ProcessPool(max_workers=workers, context=_context()), workers
            # pebble starts a call's clock when it hands the call to a worker, and the first
            # workers wait for the forkserver to load jieba: wait for every worker to answer
            # once, so that a document's time limit measures the document alone.
            for ready in [_pool.schedule(_ready) for _ in range(workers)]:
                outcome(ready)
        return _pool


def start_early(workers: int) -> None:
    """Start the pool's workers in the background, for a run that will certainly extract (into a new warehouse, or
    once a read batch holds a document to extract): the forkserver loads jieba and the lexicon (about 1.5 s), and
    the workers start, while the flow creates the warehouse and reads files, instead of after. A pool already
    started is left as it is, with no thread started to look (a run asks once a read batch). A stop, or a failure to
    start, is left to the run's first `pool()` call."""
    if not _started(workers):
        threading.Thread(target=_start_quietly, args=(workers,), name="gwr-pool-start", daemon=True).start()


def _started(workers: int) -> bool:
    """Whether the pool of `workers` processes is started (or being started: `pool()` holds `_lock` meanwhile)."""
    return _pool is not None and _pool_size == workers and _pool.active


def _start_quietly(workers: int) -> None:
    with contextlib.suppress(Stopped, RuntimeError, BrokenProcessPool, OSError):
        pool(workers)


def outcome(future: Future[T]) -> T:
    """The result of `future`, waited for in short steps: raises `Stopped` as soon as a stop is asked.

    A pool stopped under a waiting call never resolves its futures; a plain `result()` would wait
    for ever, and with it Prefect's task runner, which waits for its tasks before the flow can end.
    """
    while not wait([future], timeout=_STEP).done:
        if progress.stop_requested():
            raise Stopped
    return future.result()


def _ready() -> None:
    """A call that returns as soon as a worker runs it."""


_stopping: list[threading.Thread] = []  # pools being stopped in the background (`shutdown(wait=False)`)


def shutdown(*, wait: bool = True) -> None:
    """Stop the worker processes now (a finished or interrupted run); unless `wait`, return at once and let a thread
    wait for them.

    Waiting took a run 0.08-0.1 s, most of it pebble's threads noticing the stop at their next look
    (every 0.1 s): a run's last steps need not wait for it, as the workers are stopped all the same
    within that time. The process waits for them as it ends.
    """
    global _pool
    with _lock:  # released within a _STEP by a pool() starting its workers once a stop is asked
        stopping, _pool = _pool, None
    if stopping is None:
        return
    stopping.stop()
    if wait:
        _join(stopping)
        return
    joining = threading.Thread(target=_join, args=(stopping,), name="gwr-pool-stop", daemon=True)
    joining.start()
    with _lock:
        _stopping[:] = [thread for thread in _stopping if thread.is_alive()] + [joining]


def _join(stopping: ProcessPool) -> None:
    with contextlib.suppress(TimeoutError, RuntimeError):
        stopping.join(timeout=10)


@atexit.register
def _shutdown_all() -> None:
    """Stop the workers as the process ends, and wait for any being stopped in the background."""
    shutdown()
    for thread in list(_stopping):
        thread.join(timeout=10)

_runs = 0  # runs of this process between `held`'s enter and exit


@contextlib.contextmanager
def held() -> Iterator[None]:
    """The block of a run that may extract; when the last such block of the process ends, the workers stop.

    Idle workers held about 600 MB (two of them) through the rest of a run: at N = 20,000 the run's
    peak memory came while it published, the flow process building the snapshot beside workers with
    nothing left to do. Their forkserver stays, so a later run's workers start from it at once.
    """
    global _runs
    with _lock:
        _runs += 1
    try:
        yield
    finally:
        with _lock:
            _runs -= 1
            last = _runs == 0
        if last:
            shutdown(wait=False)


class WorkerTime(NamedTuple):
    """Seconds a worker spent on documents: wall time, and the CPU time it had (less when cores are shared)."""

    wall: float
    cpu: float

    def __add__(self, other: object) -> WorkerTime:
        if not isinstance(other, WorkerTime):
            return NotImplemented
        return WorkerTime(self.wall + other.wall, self.cpu + other.cpu)


def timed_process(src: SourceFile, by_path: bool = False) -> tuple[Processed | Failure, WorkerTime]:
    """`process_document` and the time it took in the worker, for the run's stage timings; `by_path`: `src` came
    without its bytes, which the worker reads again from its path (`_sent`)."""
    wall, cpu = time.perf_counter(), time.process_time()
    out: Processed | Failure
    try:
        whole = read_again(src) if by_path else src
    except InputError as err:  # the file changed or went since the run read it
        out = Failure.from_error(src.path, src.sha256, err)
    else:
        out = process_document(whole, dt.date.today())
    return out, WorkerTime(time.perf_counter() - wall, time.process_time() - cpu)


def _sent(src: SourceFile, by_path: bool) -> tuple[SourceFile, bool]:
    """What a worker is sent of a document, and whether it reads the file's bytes itself: with `by_path` (the
    worker is on the machine that read the file), the file's path, size and sha256 but not its bytes.

    Sending the bytes cost the flow process about 0.1 s of CPU for the benchmark's 1,000 documents (39 MB
    pickled and written through pebble's pipes); the worker reads them again from the page cache and checks
    them against the sha256, in parallel with the other workers.
    """
    return (replace(src, data=b""), True) if by_path and src.data else (src, False)


def process_isolated(todo: list[SourceFile], workers: int, doc_timeout: float, *, by_path: bool = False
                     ) -> Iterator[tuple[Processed | Failure, WorkerTime]]:
    """Decode, clean and extract each document in a worker process, in order; past `doc_timeout` s it fails.

    Yields each outcome with the time the worker spent on it. With `by_path` (the files were read on this
    machine), each worker reads its document's bytes again from the file rather than being sent them; a file
    that no longer holds the bytes the run read fails with `ChangedWhileRead`.
    """
    if not todo or progress.stop_requested():
        return
    if multiprocessing.current_process().daemon:
        # A daemonic process (a Dask worker by default) may not start children:
        # extract here, without the time limit, rather than not at all.
        yield from map(timed_process, todo)
        return
    futures: list[Future] = []
    try:
        running = pool(workers)
        futures += [running.schedule(timed_process, args=_sent(src, by_path), timeout=doc_timeout) for src in todo]
        yield from _outcomes(todo, futures, doc_timeout)
    except (Stopped, RuntimeError, BrokenProcessPool):
        # After a stop the pool may be stopped under us ("The Pool is not active") or its
        # workers gone: the run is ending, and what was not extracted is not loaded.
        if not progress.stop_requested():
            raise
    finally:
        for rest in futures:
            rest.cancel()


def _outcomes(todo: list[SourceFile], futures: list[Future], doc_timeout: float
              ) -> Iterator[tuple[Processed | Failure, WorkerTime]]:
    """Each document's outcome in order: its result, or a failure for a document past its time or whose worker died."""
    for src, future in zip(todo, futures, strict=True):
        try:
            yield outcome(future)
        except FutureTimeout:
            late = (f"{src.path}: decoding and extraction took longer than the {doc_timeout:g} s limit "
                    f"for one document ({DOC_TIMEOUT.env}); the document was skipped")
            yield Failure(src.path, src.sha256, "extract", "TimeLimitExceeded", late), WorkerTime(doc_timeout, 0.0)
        except ProcessExpired as err:
            yield Failure(src.path, src.sha256, "extract", "WorkerDied",
                          f"{src.path}: the worker process extracting it died ({err}); "
                          "the document was skipped"), WorkerTime(0.0, 0.0)


__all__ = ["Stopped", "WorkerTime", "held", "outcome", "pool", "process_isolated", "shutdown"]
