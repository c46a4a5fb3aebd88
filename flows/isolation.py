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
import datetime as dt
import multiprocessing
import threading
import time
from collections.abc import Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from typing import NamedTuple

from pebble import ProcessExpired, ProcessPool

from flows import progress
from settings import DOC_TIMEOUT
from transforms import process_document
from transforms.records import Failure, Processed, SourceFile

_lock = threading.RLock()
_pool: ProcessPool | None = None
_pool_size = 0


def _context() -> multiprocessing.context.BaseContext:
    """A forkserver whose one-time preload warms jieba and the lexicon for every worker it forks."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["flows._warm"])
    return ctx


def pool(workers: int) -> ProcessPool:
    """The process-wide pool of `workers` extraction processes (started on first use)."""
    global _pool, _pool_size
    with _lock:
        if _pool is None or _pool_size != workers or not _pool.active:
            if _pool is not None:
                _pool.stop()
            _pool, _pool_size = ProcessPool(max_workers=workers, context=_context()), workers
            # pebble starts a call's clock when it hands the call to a worker, and the first
            # workers wait for the forkserver to load jieba: wait for every worker to answer
            # once, so that a document's time limit measures the document alone.
            for ready in [_pool.schedule(_ready) for _ in range(workers)]:
                ready.result()
        return _pool


def _ready() -> None:
    """A call that returns as soon as a worker runs it."""


def shutdown() -> None:
    """Stop the worker processes now (a finished or interrupted run)."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.stop()
            _pool.join(timeout=10)
            _pool = None


atexit.register(shutdown)


class WorkerTime(NamedTuple):
    """Seconds a worker spent on documents: wall time, and the CPU time it had (less when cores are shared)."""

    wall: float
    cpu: float

    def __add__(self, other: object) -> WorkerTime:
        if not isinstance(other, WorkerTime):
            return NotImplemented
        return WorkerTime(self.wall + other.wall, self.cpu + other.cpu)


def timed_process(src: SourceFile) -> tuple[Processed | Failure, WorkerTime]:
    """`process_document` and the time it took in the worker, for the run's stage timings."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = process_document(src, dt.date.today())
    return out, WorkerTime(time.perf_counter() - wall, time.process_time() - cpu)


def process_isolated(todo: list[SourceFile], workers: int, doc_timeout: float
                     ) -> Iterator[tuple[Processed | Failure, WorkerTime]]:
    """Decode, clean and extract each document in a worker process, in order; past `doc_timeout` s it fails.

    Yields each outcome with the time the worker spent on it.
    """
    if not todo or progress.stop_requested():
        return
    if multiprocessing.current_process().daemon:
        # A daemonic process (a Dask worker by default) may not start children:
        # extract here, without the time limit, rather than not at all.
        yield from map(timed_process, todo)
        return
    futures = [pool(workers).schedule(timed_process, args=(src,), timeout=doc_timeout) for src in todo]
    for src, future in zip(todo, futures, strict=True):
        if progress.stop_requested():
            for rest in futures:
                rest.cancel()
            return
        try:
            yield future.result()
        except FutureTimeout:
            late = (f"{src.path}: decoding and extraction took longer than the {doc_timeout:g} s limit "
                    f"for one document ({DOC_TIMEOUT.env}); the document was skipped")
            yield Failure(src.path, src.sha256, "extract", "TimeLimitExceeded", late), WorkerTime(doc_timeout, 0.0)
        except ProcessExpired as err:
            yield Failure(src.path, src.sha256, "extract", "WorkerDied",
                          f"{src.path}: the worker process extracting it died ({err}); "
                          "the document was skipped"), WorkerTime(0.0, 0.0)


__all__ = ["WorkerTime", "pool", "process_isolated", "shutdown"]
