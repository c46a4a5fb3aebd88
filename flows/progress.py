"""A tiny progress channel from the flow to whoever shows it.

The CLI installs a listener that drives a rich progress bar; under `gwr serve`
no listener is installed and the flow's own log lines tell the story.
"""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[int, int], None]  # (documents done, documents total)

_listener: Listener | None = None


def set_listener(listener: Listener | None) -> None:
    global _listener
    _listener = listener


def report(done: int, total: int) -> None:
    if _listener is not None:
        _listener(done, total)
