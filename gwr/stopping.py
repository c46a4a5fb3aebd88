"""How `gwr run` stops: on SIGTERM or Ctrl-C, when its Prefect server goes away, and at its very end.

A first signal asks the flow to stop after the batch it is loading (`flows.progress`)
and stops the extraction workers at once; a second one ends the process now. The
handlers are installed before anything else of the run (its checks, its server's
start), so a signal at any moment is handled by them, and they stay until the process
exits: a signal after the run has finished changes neither its outcome nor its exit code.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import psutil

from flows import progress

SIGNALS = (signal.SIGTERM, signal.SIGINT)


@contextmanager
def on_signals(received: list[int]) -> Iterator[None]:
    """SIGTERM/SIGINT ask the flow to stop (each is appended to `received`); a second one ends the process now.
    Children never outlive the block."""

    def on_signal(signum: int, _frame: object) -> None:
        if progress.stop_requested():
            stop_children(grace=2)
            exit_now(128 + signum)
        received.append(signum)
        progress.request_stop()
        # Not in the handler itself: the main thread may hold the pool's lock right now.
        threading.Thread(target=stop_workers, daemon=True).start()

    def quiet_after_stop(args: threading.ExceptHookArgs) -> None:
        # Stopping the workers mid-document can make the pool's own threads fail on a
        # closed channel; after a stop request that is expected, not news.
        if not progress.stop_requested():
            default_hook(args)

    progress.clear_stop()
    default_hook = threading.excepthook
    threading.excepthook = quiet_after_stop
    for sig in SIGNALS:
        signal.signal(sig, on_signal)
    try:
        yield
    finally:
        stop_workers()
        stop_children()
        # The run is over: a signal now is too late to stop anything, and must not turn the exit
        # code of a finished run into 143 (the default action) while it prints its summary.
        for sig in SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        threading.excepthook = default_hook


def stop_workers() -> None:
    """Stop the extraction workers, if this run started any (importing the pool would cost a second)."""
    isolation = sys.modules.get("flows.isolation")
    if isolation is not None:
        with contextlib.suppress(Exception):
            isolation.shutdown()


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


def exit_now(code: int) -> None:
    """End the process now with `code`, after what it printed is out.

    No interpreter shutdown: Prefect drains its queued events and logs then, and against a
    server that is gone it retries each of them for seconds (measured: 317 s for one run).
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)
