"""`gwr serve`: a scheduled Prefect deployment of the pipeline that loads an inbox folder.

Prefect's ephemeral in-process API refuses schedules ("Cannot schedule flows on
an ephemeral server"), so unless `PREFECT_API_URL` already points at a server we
start `prefect server start` on loopback as a child process, wait until it is
healthy, serve the deployment against it, and stop it on exit (Ctrl-C or
SIGTERM). Scheduled runs execute in subprocesses that inherit the API URL.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

from gwr.config import apply_prefect_defaults

SERVER_START_TIMEOUT = float(os.environ.get("GWR_SERVER_START_TIMEOUT", "180"))


class ServerStartError(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


@contextmanager
def local_prefect_server(console: Console) -> Iterator[str]:
    """Start a loopback Prefect server (analytics off) unless PREFECT_API_URL is set; yield the API URL."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    # The UI is served: Prefect's runner and CLI print links to it for every run and deployment.
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    prefect_bin = str(Path(sys.executable).with_name("prefect"))
    # The server logs steadily; an unread pipe would fill and stall it, so it writes to a file.
    log_path = Path(tempfile.gettempdir()) / f"gwr-prefect-server-{port}.log"
    console.print(f"starting a local Prefect server on 127.0.0.1:{port} (log: {log_path}) …", style="dim")
    with log_path.open("wb") as log:
        child = subprocess.Popen(
            [prefect_bin, "server", "start", "--host", "127.0.0.1", "--port", str(port), "--analytics-off"],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not _healthy(api_url):
            if child.poll() is not None:
                tail = log_path.read_text(errors="replace")[-500:]
                raise ServerStartError(f"the local Prefect server exited with code {child.returncode}: {tail}")
            if time.monotonic() > deadline:
                raise ServerStartError(f"the local Prefect server did not answer within {SERVER_START_TIMEOUT:g} s")
            time.sleep(0.5)
        os.environ["PREFECT_API_URL"] = api_url
        console.print(f"Prefect UI: {api_url.removesuffix('/api')}", highlight=False)
        yield api_url
    finally:
        _stop(child)


def _stop(child: subprocess.Popen, grace: float = 20) -> None:
    """SIGTERM the child's process group, then SIGKILL it after `grace` seconds.

    A run killed mid-load is safe: each document loads in one transaction.
    """
    if child.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGTERM)
    try:
        child.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()


def serve_inbox(inbox: Path, db: str, *, cron: str | None, interval: float | None, name: str,
                console: Console) -> None:
    """Serve the pipeline on a schedule until interrupted (Ctrl-C or SIGTERM)."""
    apply_prefect_defaults()
    # SIGTERM (systemd, a test, `kill`) stops as cleanly as Ctrl-C does.
    signal.signal(signal.SIGTERM, _raise_interrupt)
    with local_prefect_server(console) as api_url:
        console.print(f"serving deployment gwr-pipeline/{name} against {api_url}; inbox {inbox}; Ctrl-C stops",
                      highlight=False)
        when = ["--cron", cron] if cron else ["--interval", str(interval)]
        runner = subprocess.Popen([sys.executable, "-m", "flows.deployment", str(inbox), db, name, *when],
                                  start_new_session=True)
        try:
            code = runner.wait()
            raise ServerStartError(f"the Prefect runner serving the deployment exited with code {code}")
        except KeyboardInterrupt:
            console.print("stopping", style="dim")
        finally:
            _stop(runner)


def _raise_interrupt(*_: object) -> None:
    raise KeyboardInterrupt
