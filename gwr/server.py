"""The Prefect server gwr talks to: one already running, a long-lived one (`gwr server start`), or a temporary one.

A Prefect API is needed by every run. Starting one costs 15-25 s on a 2-core
machine, so people who run often keep one running (`gwr server start`, or the
one `gwr serve` starts); `gwr run` finds it through a small state file in
PREFECT_HOME and otherwise starts a temporary server of its own for the run.
Every server gwr starts runs in its own session (a Ctrl-C in the terminal reaches
gwr only, which then stops the server last, after the run's bookkeeping), writes
its log inside PREFECT_HOME to a file created anew (never through a planted link), and is
stopped with its whole process group.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout
from rich.console import Console

from gwr.preflight import prefect_home
from settings import SERVER_START_TIMEOUT


class ServerStartError(RuntimeError):
    """A Prefect server gwr started did not come up."""


class ServerStartInterrupted(Exception):
    """A stop was asked (SIGTERM, Ctrl-C) while a Prefect server was starting: it was stopped again."""


@dataclass(frozen=True, slots=True)
class Server:
    """A running Prefect server: its API URL and, when gwr started it, its process id and log."""

    api_url: str
    pid: int | None = None
    log: Path | None = None
    started_in: float = 0.0  # seconds this process spent starting it (0 when it was already running)


def state_file() -> Path:
    """Where `gwr server start` records the server it keeps running."""
    return prefect_home() / "gwr-server.json"


def healthy(api_url: str, timeout: float = 2) -> bool:
    """Whether a Prefect API answers its health check at `api_url`."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as resp:
            return resp.status == 200
    except (OSError, ValueError):
        return False


def answers(api_url: str, timeout: float = 2) -> bool | None:
    """True when the Prefect API at `api_url` answers its health check, False when nothing listens there any more
    (the connection is refused), None when it cannot be told (a busy server answering late)."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as resp:
            return resp.status == 200
    except urllib.error.URLError as exc:
        return False if isinstance(exc.reason, ConnectionRefusedError) else None
    except ConnectionRefusedError:
        return False
    except (OSError, ValueError):
        return None


def recorded_server() -> Server | None:
    """The long-lived server `gwr server start` (or `gwr serve`) recorded, if it still answers."""
    try:
        state = json.loads(state_file().read_text(encoding="utf-8"))
        server = Server(state["api_url"], state.get("pid"), Path(state["log"]) if state.get("log") else None)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return server if healthy(server.api_url) else None


def start_server(console: Console, start_timeout: float, *, temporary: bool = False,
                 stopped: Callable[[], bool] = lambda: False) -> Server:
    """Start `prefect server start` on a free loopback port in its own session; return once it answers.

    A `temporary` server dies with this process, even one killed with SIGKILL (Linux). When
    `stopped()` turns true while it starts, it is stopped and `ServerStartInterrupted` raised.
    """
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    prefect_home().mkdir(parents=True, exist_ok=True)
    log_path = prefect_home() / f"gwr-server-{port}.log"
    env = {**os.environ, **server_environment(port)}
    env.pop("PREFECT_API_URL", None)
    prefect_bin = str(Path(sys.executable).with_name("prefect"))
    console.print(f"starting a Prefect server on 127.0.0.1:{port} (log: {log_path}) …", style="dim",
                  highlight=False, soft_wrap=True)
    started = time.monotonic()
    # Servers sharing a PREFECT_HOME share its database: two first starts at once race
    # in its migrations (measured: "no such table: block_data", exit 3), so starts take turns.
    with _start_turn(started + start_timeout, stopped):
        child = _spawn(prefect_bin, port, env, log_path, temporary)
        try:
            _wait_until_healthy(child, Start(api_url, log_path, started + start_timeout, start_timeout, stopped))
        except BaseException:  # a signal ending the command (gwr.main) leaves no half-started server behind
            stop_process_group(child.pid)
            raise
    console.print(f"Prefect UI: {api_url.removesuffix('/api')}", style="dim", highlight=False, soft_wrap=True)
    return Server(api_url, child.pid, log_path, round(time.monotonic() - started, 1))


def server_environment(port: int) -> dict[str, str]:
    """The settings of a Prefect server gwr starts on 127.0.0.1:`port`.

    The UI is served: Prefect's runner and CLI print links to it for every run and deployment.
    Its page asks `/ui-settings` where the API is, and Prefect answers from its own settings,
    not from the `--port` the server was started with: unset, that is 127.0.0.1:4200, where
    no gwr server listens ("Can't connect to Server API"). So the server is told its own address.
    """
    api_url = f"http://127.0.0.1:{port}/api"
    return {
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_API_HOST": "127.0.0.1",
        "PREFECT_SERVER_API_PORT": str(port),
        "PREFECT_UI_API_URL": api_url,
        "PREFECT_UI_URL": api_url.removesuffix("/api"),
    }


def _spawn(prefect_bin: str, port: int, env: dict[str, str], log_path: Path, temporary: bool) -> subprocess.Popen:
    with os.fdopen(_new_log(log_path), "wb") as log:
        return subprocess.Popen(
            [prefect_bin, "server", "start", "--host", "127.0.0.1", "--port", str(port), "--analytics-off"],
            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            preexec_fn=_die_with_parent if temporary and sys.platform == "linux" else None,
        )


def _new_log(path: Path) -> int:
    """A new, empty log file at `path`, open for writing, readable by this user alone.

    Whatever stood at the name is removed first and the file is created exclusively: a symlink
    or a hard link planted there (to a file of the user's) is never written through or truncated.
    """
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except OSError as exc:
        raise ServerStartError(f"cannot write the Prefect server's log {path}: {exc.strerror or exc}") from None


def _die_with_parent() -> None:
    """In the child before exec: the kernel sends it SIGTERM when gwr dies, `kill -9` included.

    Its own session keeps a terminal's Ctrl-C away from it; this keeps it from
    outliving a gwr run that could not stop it (measured: a kill -9 left it running).
    """
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


@dataclass(frozen=True, slots=True)
class Start:
    """A server being started: where it will answer, its log, until when it may take, and whether to give up."""

    api_url: str
    log: Path
    deadline: float
    timeout: float
    stopped: Callable[[], bool]


@contextmanager
def _start_turn(deadline: float, stopped: Callable[[], bool]) -> Iterator[None]:
    """Take the turn to start a server in PREFECT_HOME, waiting in steps so that a stop is not kept waiting."""
    lock = FileLock(prefect_home() / "gwr-server-start.lock")
    while True:
        if stopped():
            raise ServerStartInterrupted
        try:
            lock.acquire(timeout=min(0.25, max(deadline - time.monotonic(), 0)))
            break
        except Timeout:
            if time.monotonic() > deadline:
                raise ServerStartError("another gwr kept PREFECT_HOME's server start past "
                                       f"{SERVER_START_TIMEOUT.env}") from None
    try:
        yield
    finally:
        lock.release()


def _wait_until_healthy(child: subprocess.Popen, start: Start) -> None:
    while not healthy(start.api_url):
        if child.poll() is not None:
            tail = start.log.read_text(errors="replace").strip().splitlines()[-1:] or ["(empty log)"]
            raise ServerStartError(f"the Prefect server exited with code {child.returncode}: {tail[0]} "
                                   f"(log: {start.log})")
        if start.stopped():
            stop_process_group(child.pid)
            raise ServerStartInterrupted
        if time.monotonic() > start.deadline:
            stop_process_group(child.pid)
            raise ServerStartError(f"the Prefect server did not answer within {start.timeout:g} s "
                                   f"({SERVER_START_TIMEOUT.env}; log: {start.log})")
        time.sleep(0.25)


def record(server: Server) -> None:
    """Make `server` the one later `gwr run`s use."""
    from warehouse.files import atomic_file

    state = {"api_url": server.api_url, "pid": server.pid, "log": str(server.log) if server.log else None}
    with atomic_file(state_file()) as fh:  # never through a link planted at its name
        fh.write(json.dumps(state).encode("utf-8"))


def forget(server: Server) -> None:
    """Drop the state file if it names `server`."""
    with contextlib.suppress(OSError, ValueError):
        if json.loads(state_file().read_text(encoding="utf-8")).get("api_url") == server.api_url:
            state_file().unlink()


@contextmanager
def server_for_run(console: Console, start_timeout: float, *, keep: bool = False,
                   stopped: Callable[[], bool] = lambda: False) -> Iterator[Server]:
    """PREFECT_API_URL's server, else the recorded one, else a temporary one stopped when the block ends.

    With `keep`, a server started here is recorded for other runs while the block lasts (`gwr serve`);
    either way it dies with this process. A temporary server's start gives up when `stopped()`.
    """
    given = os.environ.get("PREFECT_API_URL")
    if given:
        yield Server(given)
        return
    running = recorded_server()
    if running is not None:
        os.environ["PREFECT_API_URL"] = running.api_url
        yield running
        return
    server = start_server(console, start_timeout, temporary=True, stopped=stopped)
    os.environ["PREFECT_API_URL"] = server.api_url
    if keep:
        record(server)
    try:
        yield server
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        if keep:
            forget(server)
        if server.pid is not None:
            stop_process_group(server.pid)


def stop_process_group(pid: int, grace: float = 5) -> None:
    """SIGTERM the process group led by `pid`, then SIGKILL whatever is left after `grace` seconds."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except (ProcessLookupError, PermissionError):
            return
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
