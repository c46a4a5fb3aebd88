"""`gwr run` in this process: find or start a Prefect server, pick the task runner, run the flow, stop cleanly.

SIGTERM and Ctrl-C ask the flow to stop after the batch it is loading; the
extraction workers are stopped at once, the run is recorded as interrupted with
what was committed, and every child process (a temporary Prefect server, the
extraction workers, a local Dask cluster) is gone before gwr exits. A second
signal stops at once: the warehouse is still whole, as after `kill -9`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import psutil
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from flows import progress
from gwr.server import server_for_run
from settings import Settings

if TYPE_CHECKING:
    from settings.options import RunOptions


@dataclass(frozen=True, slots=True)
class RunRequest:
    """What `gwr run` was asked for: the files, the resolved settings, and where extraction runs."""

    paths: list[str]
    settings: Settings
    prune: bool = False
    follow_links: bool = False  # read what symlinks in the folders lead to outside them
    dask: bool = False  # a local Dask cluster
    dask_address: str | None = None  # an existing Dask cluster

    @property
    def on_dask(self) -> bool:
        return self.dask or bool(self.dask_address)


def run_pipeline(request: RunRequest, console: Console) -> dict:
    """Run the flow as `request` asks, with a progress bar on `console`; the summary says how long each part took."""
    started = time.monotonic()
    received: list[int] = []
    options = request.settings.run_options(prune=request.prune, follow_links=request.follow_links)
    with _stop_on_signals(received), server_for_run(console, request.settings.server_start_timeout) as server:
        flow_started = time.monotonic()
        from flows.pipeline import gwr_pipeline  # imports Prefect: only when running, after the API URL is set

        flow = gwr_pipeline.with_options(task_runner=_dask_runner(request.dask_address, options)) \
            if request.on_dask else gwr_pipeline
        with _progress_bar(console):
            try:
                summary = _in_thread(lambda: flow(paths=request.paths, options=options))
            finally:
                _drain_prefect_services()
        flow_seconds = time.monotonic() - flow_started
    summary["server_start_seconds"] = server.started_in
    summary["flow_seconds"] = round(flow_seconds, 2)
    summary["wall_seconds"] = round(time.monotonic() - started, 2)
    summary["signal"] = received[0] if received else None
    return summary


def _drain_prefect_services(timeout: float = 10) -> None:
    """Send Prefect's buffered logs and events now, while its server still runs.

    Prefect drains them when the interpreter exits; by then a temporary server is
    gone, and the drain would wait on a dead API (measured: a hang after Ctrl-C).
    """
    from prefect._internal.concurrency.services import _QueueServiceBase

    with contextlib.suppress(Exception):
        _QueueServiceBase.drain_all(timeout=timeout)


def _in_thread(work: Callable[[], dict]) -> dict:
    """Run `work` in a thread while the main thread keeps the signal handlers.

    Prefect's engine replaces the SIGTERM handler with one that raises inside
    whatever the flow is doing (a load, mid-transaction) — but only when it runs
    in the main thread. Here it cannot, so a stop is ours to make between batches.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["summary"] = work()
        except BaseException as exc:  # handed to the main thread, raised there
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="gwr-flow", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.2)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["summary"]


def _dask_runner(address: str | None, options: RunOptions) -> Any:
    """A `DaskTaskRunner` on the cluster at `address`, or on a local cluster of one process per worker."""
    import dask
    from prefect_dask import DaskTaskRunner

    if os.environ.get("PREFECT_LOGGING_LEVEL") == "CRITICAL":  # not --verbose: the summary says what matters
        logging.getLogger("distributed").setLevel(logging.ERROR)

    if address:
        return DaskTaskRunner(address=address)
    # Non-daemonic workers may start the process that enforces the per-document time limit.
    dask.config.set({"distributed.worker.daemon": False})
    return DaskTaskRunner(cluster_kwargs={"n_workers": options.worker_count, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


@contextmanager
def _progress_bar(console: Console) -> Iterator[None]:
    bar = Progress(TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=console, transient=True, disable=not console.is_terminal)
    task = bar.add_task("documents", total=None)
    progress.set_listener(lambda done, total: bar.update(task, completed=done, total=total))
    try:
        with bar:
            yield
    finally:
        progress.set_listener(None)


@contextmanager
def _stop_on_signals(received: list[int]) -> Iterator[None]:
    """SIGTERM/SIGINT ask the flow to stop; a second one ends the process now. Children never outlive it."""

    def on_signal(signum: int, _frame: object) -> None:
        if progress.stop_requested():
            stop_children(grace=2)
            os._exit(128 + signum)
        received.append(signum)
        progress.request_stop()
        from flows import isolation

        # Not in the handler itself: the main thread may hold the pool's lock right now.
        threading.Thread(target=isolation.shutdown, daemon=True).start()

    def quiet_after_stop(args: threading.ExceptHookArgs) -> None:
        # Stopping the workers mid-document can make the pool's own threads fail on a
        # closed channel; after a stop request that is expected, not news.
        if not progress.stop_requested():
            default_hook(args)

    progress.clear_stop()
    default_hook = threading.excepthook
    threading.excepthook = quiet_after_stop
    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            from flows import isolation

            isolation.shutdown()
        stop_children()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        threading.excepthook = default_hook


def stop_children(grace: float = 5) -> None:
    """SIGTERM every process this one started (and theirs), then SIGKILL what is left after `grace` seconds.

    multiprocessing's resource tracker is left alone: it ignores SIGTERM by design,
    exits by itself when this process does, and cleans up after the workers then.
    """
    from multiprocessing import resource_tracker

    tracker = getattr(resource_tracker._resource_tracker, "_pid", None)
    children = [child for child in psutil.Process().children(recursive=True) if child.pid != tracker]
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=grace)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()
