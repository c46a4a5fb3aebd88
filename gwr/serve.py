"""`gwr serve`: a scheduled Prefect deployment of the pipeline that loads an inbox folder.

Prefect's ephemeral API refuses schedules ("Cannot schedule flows on an
ephemeral server"), so unless PREFECT_API_URL or `gwr server start` provides a
server, one is started for as long as `gwr serve` runs (and `gwr run`s use it
meanwhile). The deployment is served from a child process so that it can be
stopped on a bounded deadline, whatever Prefect's runner does with signals.
The settings are resolved here, once, and handed to the deployment as the flow's
parameters: its scheduled runs do what `gwr serve` was started with.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from gwr.output import safe
from gwr.server import ServerStartError, server_for_run, stop_process_group
from settings import Settings


@dataclass(frozen=True, slots=True)
class Schedule:
    """What `gwr serve` serves: the inbox, the deployment's name and when it runs (a cron or an interval)."""

    inbox: Path
    name: str
    cron: str | None = None
    interval: float | None = None


def serve_inbox(schedule: Schedule, cfg: Settings, console: Console) -> None:
    """Serve the pipeline on a schedule until interrupted (Ctrl-C or SIGTERM)."""
    # SIGTERM (systemd, a test, `kill`) stops as cleanly as Ctrl-C does.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, _raise_interrupt)
    try:
        with server_for_run(console, cfg.server_start_timeout, keep=True) as server:
            console.print(f"serving deployment gwr-pipeline/{schedule.name} against {server.api_url}; "
                          f"inbox {safe(schedule.inbox)}; Ctrl-C stops", highlight=False)
            when = ["--cron", schedule.cron] if schedule.cron else ["--interval", str(schedule.interval)]
            options = cfg.run_options().model_dump_json()
            runner = subprocess.Popen([sys.executable, "-m", "flows.deployment", str(schedule.inbox), options,
                                       schedule.name, *when], start_new_session=True)
            try:
                code = runner.wait()
                raise ServerStartError(f"the Prefect runner serving the deployment exited with code {code}")
            finally:
                stop_process_group(runner.pid, grace=20)
    except KeyboardInterrupt:
        console.print("stopped", style="dim")


def _raise_interrupt(*_: object) -> None:
    raise KeyboardInterrupt
