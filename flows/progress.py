"""The two channels between a running flow and whoever started it: progress out, a stop request in.

The CLI installs a listener that drives a rich progress bar; under `gwr serve`
no listener is installed and the flow's own log lines tell the story. A stop
request (SIGTERM or Ctrl-C in `gwr run`) is a flag the flow reads between
batches: it finishes the batch it is loading, records the run as interrupted
with what was committed, and returns.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Listener = Callable[[int, int], None]  # (documents done, documents total)

_listener: Listener | None = None
_stop = threading.Event()


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
    """Forget an earlier stop request (a new run in the same process)."""
    _stop.clear()
