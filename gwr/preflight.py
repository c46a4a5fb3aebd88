"""Checks of the environment a command needs, made before Prefect starts, each failing in one sentence.

Without them a read-only PREFECT_HOME costs minutes of waiting and thousands of
log lines, a dead PREFECT_API_URL a page of connection tracebacks, and a bad cron
expression a started server and a pydantic dump.
"""

from __future__ import annotations

import os
import tempfile
import urllib.request
from collections.abc import Sequence
from pathlib import Path


class PreflightError(ValueError):
    """The environment cannot run the command; the message says what to change."""


def prefect_home() -> Path:
    """Prefect's home folder: PREFECT_HOME, or ~/.prefect as Prefect itself defaults."""
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()


def check_prefect_home() -> Path:
    """PREFECT_HOME exists (or can be made) and takes files: Prefect keeps its database and logs there."""
    home = prefect_home()
    try:
        home.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=home):
            pass
    except OSError as exc:
        raise PreflightError(f"PREFECT_HOME {home} is not writable ({exc.strerror or exc}); "
                             "point PREFECT_HOME at a folder you can write") from None
    return home


def check_api_url() -> str | None:
    """PREFECT_API_URL, when set, answers Prefect's health check."""
    url = os.environ.get("PREFECT_API_URL", "").strip()
    if not url:
        return None
    reason = "no answer"
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=5) as resp:
            if resp.status == 200:
                return url
            reason = f"HTTP {resp.status}"
    except ValueError:
        reason = "not a URL"
    except OSError as exc:
        reason = str(getattr(exc, "reason", None) or exc)
    raise PreflightError(f"PREFECT_API_URL {url} does not answer ({reason}); start that server, "
                         "or unset PREFECT_API_URL to let gwr use its own")


def check_paths(paths: Sequence[str]) -> None:
    """At least one of the paths named can be read: else there is nothing to load, and no warehouse is made or
    published for it (a typo'd folder used to end in exit 0 and an empty snapshot)."""
    from ingest.sources import named_refusal

    reasons = []
    for path in paths:
        refused = named_refusal(path)
        if refused is None:
            return
        reasons.append(str(refused))
    raise PreflightError(f"nothing gwr can read was named: {'; '.join(reasons)}")


def check_cron(expression: str) -> str:
    """`expression` is a five-field cron schedule Prefect accepts.

    >>> check_cron("0 6 * * *")
    '0 6 * * *'
    >>> check_cron("every tuesday")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gwr.preflight.PreflightError: --cron 'every tuesday' is not a cron schedule Prefect accepts; ...
    """
    # Prefect's own validator, so gwr accepts exactly what the deployment will.
    from prefect._internal.schemas.validators import validate_cron_string

    try:
        validate_cron_string(expression)
    except (ValueError, TypeError, KeyError):
        raise PreflightError(f"--cron {expression!r} is not a cron schedule Prefect accepts; "
                             'e.g. "0 6 * * 2" (06:00 every Tuesday)') from None
    return expression
