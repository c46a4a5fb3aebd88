"""`gwr server start` / `stop` / `status`: a local Prefect server that later runs use.

Its own module so that `gwr/cli.py` stays the run-and-read commands; `cli.py` mounts it.
"""

from __future__ import annotations

import os

import typer

from gwr.cli import _known_errors, _settings, err, fail, out
from gwr.output import safe
from settings import apply_prefect_defaults

server_app = typer.Typer(no_args_is_help=True, help="A local Prefect server that later runs use (gwr run, gwr serve).")


@server_app.command("start")
def server_start() -> None:
    """Start a local Prefect server that later `gwr run`s use (saves ~20 s per run); it runs until `gwr server stop`."""
    from gwr.preflight import check_prefect_home
    from gwr.server import ServerStartError, record, recorded_server, start_server

    cfg = _settings()
    apply_prefect_defaults()
    try:
        check_prefect_home()
        running = recorded_server()
        if running is not None:
            out.print(f"a Prefect server is already running at {running.api_url} (pid {running.pid})",
                      highlight=False, soft_wrap=True)
            return
        server = start_server(err, cfg.server_start_timeout)
        record(server)
    except (ServerStartError, *_known_errors()) as e:
        raise fail(str(e)) from None
    out.print(f"Prefect server running at {server.api_url} (pid {server.pid}, started in {server.started_in:.1f} s); "
              "`gwr run` uses it; `gwr server stop` stops it", highlight=False, soft_wrap=True)


@server_app.command("stop")
def server_stop() -> None:
    """Stop the Prefect server `gwr server start` started."""
    from gwr.server import forget, recorded_server, stop_process_group

    running = recorded_server()
    if running is None or running.pid is None:
        raise fail("no Prefect server started by `gwr server start` is running")
    stop_process_group(running.pid)
    forget(running)
    out.print(f"stopped the Prefect server at {running.api_url}", highlight=False, soft_wrap=True)


@server_app.command("status")
def server_status() -> None:
    """Say which Prefect server `gwr run` would use."""
    from gwr.server import recorded_server

    given = os.environ.get("PREFECT_API_URL")
    running = recorded_server()
    if given:
        out.print(f"PREFECT_API_URL is set: gwr run uses {safe(given)}", highlight=False, soft_wrap=True)
    elif running is not None:
        out.print(f"gwr run uses the server at {running.api_url} (pid {running.pid})", highlight=False, soft_wrap=True)
    else:
        out.print("no Prefect server is running: each gwr run starts a temporary one (~20 s); "
                  "`gwr server start` keeps one running", highlight=False, soft_wrap=True)
