"""The two channels between a running flow and whoever started it: progress out, a stop request in.

The CLI installs a listener that drives a rich progress bar; under `gwr serve`
no listener is installed and the flow's own log lines tell the story. A stop
request (SIGTERM or Ctrl-C in `gwr run`, or its Prefect server gone) is a flag the
flow reads between batches: it finishes the batch it is loading, records the run
as interrupted with what was committed, and returns — saying so through `finish`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Listener = Callable[[int, int], None]  # (documents done, documents total)

_listener: Listener | None = None
_stop = threading.Event()
_finished: list[dict] = []  # the summary of the flow that ran last, once its body has returned it


def set_listener(listener: Listener | None) -> None:
    global _listener
    _listener = listener


def report(done: int, total: int) -> None:
    if _listener is not None:
        _listener(done, total)


def request_stop() -> None:
    """Ask the running flow to stop after the batch it is loading."""
    _stop.set()


def stop_requested() -> bool:
    return _stop.is_set()


def clear_stop() -> None:
    """Forget an earlier stop request and run (a new run in the same process)."""
    _stop.clear()
    _finished.clear()


def finish(summary: dict) -> dict:
    """Say that the flow's body is done, with what it committed, and return `summary`.

    Whoever started the flow can then act on it before Prefect has recorded the flow's end,
    which against a server that is gone takes minutes of retries.
    """
    _finished[:] = [summary]
    return summary


def finished() -> dict | None:
    """The summary of the flow whose body returned last, or None while it runs."""
    return _finished[0] if _finished else None
