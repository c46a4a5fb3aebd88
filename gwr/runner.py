"""`gwr run` in this process: find or start a Prefect server, pick the task runner, run the flow, stop cleanly.

SIGTERM and Ctrl-C ask the flow to stop after the batch it is loading (`gwr.stopping`);
the extraction workers are stopped at once, the run is recorded as interrupted with
what was committed, and every child process (a temporary Prefect server, the
extraction workers, a local Dask cluster) is gone before gwr exits. A signal before
the flow starts (while a temporary server starts) ends the command then, with nothing
loaded. A Prefect server that goes away under a run (`gwr server stop`) stops it the
same way, said in one sentence (`ServerGone`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from flows import progress
from gwr.server import ServerStartInterrupted, answers, server_for_run
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


class RunInterrupted(Exception):
    """A signal came before the flow started: nothing was loaded."""

    def __init__(self, signum: int) -> None:
        super().__init__("interrupted before the run started: nothing was loaded")
        self.signum = signum


class ServerGone(Exception):
    """The Prefect server stopped answering under the run; `summary` is what the flow committed, if it got that far."""

    def __init__(self, api_url: str, summary: dict | None) -> None:
        if summary is None:
            done = "the documents committed before stay in the warehouse; run again to finish"
        elif summary["status"] == "completed":
            done = f"the run had loaded all {summary['docs_total']} documents, which the warehouse holds"
        else:
            done = (f"the run stopped after {summary['docs_done']} of {summary['docs_total']} documents, which the "
                    "warehouse holds; run again to finish")
        super().__init__(f"the Prefect server at {api_url} stopped answering during the run (stopped with "
                         f"`gwr server stop`?): {done}")
        self.summary = summary


def run_pipeline(request: RunRequest, console: Console, received: list[int]) -> dict:
    """Run the flow as `request` asks, with a progress bar on `console`; the summary says how long each part took.

    `received` is where the signal handlers (`gwr.stopping.on_signals`) note the signals that came."""
    started = time.monotonic()
    options = request.settings.run_options(prune=request.prune, follow_links=request.follow_links)
    gone = threading.Event()
    try:
        with server_for_run(console, request.settings.server_start_timeout, stopped=progress.stop_requested) as server:
            _check_not_stopped(received)
            flow_started = time.monotonic()
            from flows.pipeline import gwr_pipeline  # imports Prefect: only when running, after the API URL is set

            _check_not_stopped(received)  # importing Prefect takes seconds: a signal meanwhile starts nothing
            flow = gwr_pipeline.with_options(task_runner=_dask_runner(request.dask_address, options)) \
                if request.on_dask else gwr_pipeline
            with _progress_bar(console):
                try:
                    summary = _in_thread(lambda: waited_on(lambda: flow(paths=request.paths, options=options)),
                                         server.api_url, gone)
                finally:
                    if not gone.is_set():
                        _drain_prefect_services()
            flow_seconds = time.monotonic() - flow_started
    except ServerStartInterrupted:
        _check_not_stopped(received)
        raise
    summary["server_start_seconds"] = server.started_in
    summary["flow_seconds"] = round(flow_seconds, 2)
    summary["wall_seconds"] = round(time.monotonic() - started, 2)
    summary["signal"] = received[0] if received else None
    return summary


def waited_on(call: Callable[[], dict]) -> dict:
    """Run the flow `call` as one this process waits on: without Prefect's flow-run heartbeats, unless the user
    set their frequency.

    Since Prefect 3.8 a flow run sends a heartbeat every 180 s from a thread that sleeps a second at a
    time, and the run's end waits for that thread to wake: 0.5 s of every `gwr run` on average, for
    nothing, since a run's heartbeats only serve Prefect's detection of runs whose process died
    unseen, and `gwr run`'s user sees its process (a run that died is failed by the next one,
    `run_log`). Runs of a deployment (`gwr serve`) keep them. The setting is entered in the calling
    thread, the one the flow runs in: Prefect's settings are per thread context.
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, get_current_settings, temporary_settings

    if "heartbeat_frequency" in get_current_settings().flows.model_fields_set:  # set by the environment or a profile
        return call()
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return call()


def _check_not_stopped(received: list[int]) -> None:
    if progress.stop_requested():
        raise RunInterrupted(received[0] if received else 15)


def _drain_prefect_services(timeout: float = 10) -> None:
    """Send Prefect's buffered logs and events now, while its server still runs.

    Prefect drains them when the interpreter exits; by then a temporary server is
    gone, and the drain would wait on a dead API (measured: a hang after Ctrl-C).
    """
    from prefect._internal.concurrency.services import _QueueServiceBase

    with contextlib.suppress(Exception):
        _QueueServiceBase.drain_all(timeout=timeout)


def _in_thread(work: Callable[[], dict], api_url: str, gone: threading.Event) -> dict:
    """Run `work` in a thread while the main thread keeps the signal handlers and watches the Prefect server.

    Prefect's engine replaces the SIGTERM handler with one that raises inside
    whatever the flow is doing (a load, mid-transaction) — but only when it runs
    in the main thread. Here it cannot, so a stop is ours to make between batches.

    A server that refuses connections twice in a row is gone (a busy one answers late, it does
    not refuse): the flow is asked to stop as on SIGTERM, and `ServerGone` is raised once it has
    recorded what it committed, without waiting for Prefect to give up on the server.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["summary"] = work()
        except BaseException as exc:  # handed to the main thread, raised there
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="gwr-flow", daemon=True)
    thread.start()
    refusals, next_look, gone_at = 0, time.monotonic() + LOOK_EVERY, 0.0
    while thread.is_alive():
        thread.join(0.2)
        if gone.is_set():
            if progress.finished() is not None or time.monotonic() - gone_at > GONE_GRACE:
                break  # the flow recorded its end (or is stuck past a batch's time): Prefect's retries are not awaited
        elif time.monotonic() >= next_look:
            next_look = time.monotonic() + LOOK_EVERY
            refusals = refusals + 1 if answers(api_url) is False else 0
            if refusals >= 2:
                _server_gone(gone)
                gone_at = time.monotonic()
    if gone.is_set() or ("error" in outcome and answers(api_url) is False):
        raise ServerGone(api_url, progress.finished())
    if "error" in outcome:
        raise outcome["error"]
    return outcome["summary"]


LOOK_EVERY = 1.0  # seconds between two health checks of the Prefect server during a run
GONE_GRACE = 60.0  # seconds a flow whose server is gone has to finish the batch it is loading and record its end


def _server_gone(gone: threading.Event) -> None:
    """Stop the run as a signal does, and silence Prefect, which would log every event it can no longer send."""
    gone.set()
    logging.disable(logging.CRITICAL)
    progress.request_stop()
    from gwr.stopping import stop_workers

    threading.Thread(target=stop_workers, daemon=True).start()


def _dask_runner(address: str | None, options: RunOptions) -> Any:
    """A `DaskTaskRunner` on the cluster at `address`, or on a local cluster of one process per worker."""
    import dask
    from prefect_dask import DaskTaskRunner

    if os.environ.get("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL") == "CRITICAL":  # not --verbose: the summary says it
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
