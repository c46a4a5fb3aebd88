"""Settings from the environment: defaults, then `GWR_*` variables, then the command line's flags.

The one module that reads a `GWR_*` variable. The CLI calls `from_environment` once per
command, before Prefect starts, so a bad value is one sentence; everything below the CLI
takes the resolved values as typed parameters (the flow as a `RunOptions`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from settings.paths import DEFAULT_DB, published_beside
from settings.variables import (
    DB_ENV,
    NUMBERS,
    PUBLISH_ENV,
    PUBLISH_OFF,
    WORKERS,
    WORKERS_PER_CORE,
    SettingsError,
    cores,
    most_workers,
)

if TYPE_CHECKING:  # pydantic is imported by the commands that run the flow only: `gwr query` never pays for it
    from settings.options import RunOptions

# Prefect's in-process ("ephemeral") API server takes 15-25 s to start on a
# 2-core machine; its own default timeout of 20 s makes first runs flake.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "DO_NOT_TRACK": "1",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting of a gwr command, parsed and range-checked."""

    db: Path
    lock_timeout: float
    max_file_mb: float
    batch_size: int
    min_free_mb: float
    server_start_timeout: float
    workers: int
    doc_timeout: float
    publish: Path | None  # the snapshot a completed run writes; None: none

    def run_options(self, *, prune: bool = False, follow_links: bool = False) -> RunOptions:
        """The flow's parameters for a run with these settings."""
        from settings.options import RunOptions

        return RunOptions(db=self.db, batch_size=self.batch_size, max_file_mb=self.max_file_mb,
                          lock_timeout=self.lock_timeout, min_free_mb=self.min_free_mb, workers=self.workers,
                          doc_timeout=self.doc_timeout, prune=prune, follow_links=follow_links,
                          publish=self.publish)


def from_environment(db: str | Path | None = None, *, publish: str | None = None,
                     **flags: float | None) -> Settings:
    """Settings from the environment; `db` (`--db`), `publish` (`--publish`) and the numeric `flags` given on the
    command line take precedence. Raises `SettingsError` (a ValueError) naming the variable or flag at fault."""
    unknown = set(flags) - set(NUMBERS)
    if unknown:
        raise TypeError(f"unknown settings {sorted(unknown)}")
    values: dict[str, Any] = {}
    for name, number in NUMBERS.items():
        flag_value = flags.get(name)
        raw_env = os.environ.get(number.env, "").strip()
        if flag_value is not None:
            values[name] = number.check(flag_value, number.flag or name)
        elif raw_env:
            values[name] = number.check(raw_env, number.env)
        else:
            values[name] = int(number.default) if number.whole else number.default
    if values["workers"] > most_workers():
        source = WORKERS.flag if flags.get("workers") is not None else WORKERS.env
        raise SettingsError(f"{source} must be at most {most_workers()} ({WORKERS_PER_CORE} per core, and this "
                            f"machine has {cores()}), got {values['workers']}")
    chosen = Path(db or os.environ.get(DB_ENV) or DEFAULT_DB).expanduser().resolve()
    target = publish if publish is not None else os.environ.get(PUBLISH_ENV, "").strip()
    return Settings(db=chosen, publish=publish_target(chosen, target), **values)


def publish_target(db: Path, chosen: str) -> Path | None:
    """Where `db`'s snapshot goes: `chosen` (the --publish flag or GWR_PUBLISH), else beside `db`; None for `none`.

    >>> publish_target(Path("/srv/gwr.duckdb"), "")
    PosixPath('/srv/gwr_published.duckdb')
    >>> publish_target(Path("/srv/gwr.duckdb"), "None") is None
    True
    """
    if chosen.lower() == PUBLISH_OFF:
        return None
    if chosen:
        return Path(chosen).expanduser().absolute()
    return published_beside(db)


def apply_prefect_defaults() -> None:
    """Set Prefect settings that gwr needs unless the user already chose them; call before importing prefect."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
