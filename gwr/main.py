"""The `gwr` command's entry point: a signal before the command has set up how it stops ends it quietly.

Python takes a second or two to import the command line (typer, rich, settings); a Ctrl-C in
that time raised KeyboardInterrupt in the middle of an import (a traceback, or click's
"Aborted!" and exit 1) and a SIGTERM ended it unannounced. Until a command installs its own
handlers (`gwr run`: `gwr.stopping`), a signal ends it with 128 + the signal and nothing said,
having started nothing.
"""

from __future__ import annotations

import signal


def _quit(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main() -> None:
    """Run the `gwr` command line."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, _quit)
    from gwr.cli import app

    app()
