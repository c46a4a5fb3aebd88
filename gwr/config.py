"""The one place gwr's settings are parsed and range-checked: defaults, then `GWR_*` variables, then flags.

Paths are resolved from the project, never from the current working directory,
except where a user passes a path on the command line. Every other module takes
its settings as parameters; a bad value is one sentence here, before Prefect starts.

| variable | flag | meaning | default |
| --- | --- | --- | --- |
| `GWR_DB` | `--db` | the DuckDB warehouse file | `data/gwr.duckdb` under the project root |
| `GWR_LOCK_TIMEOUT` | | seconds to wait for a warehouse another gwr process holds | 60 |
| `GWR_MAX_FILE_MB` | | larger input files are refused with an `ingest_errors` row | 50 |
| `GWR_BATCH_SIZE` | `--batch-size` | documents per Prefect task call | 50 |
| `GWR_MIN_FREE_MB` | | free disk space a run needs beside the warehouse | 50 |
| `GWR_SERVER_START_TIMEOUT` | | seconds `gwr serve` / `gwr server start` wait for a Prefect server | 180 |
| `GWR_WORKERS` | `--workers` | extraction processes (0 = one per core) | 0 |
| `GWR_DOC_TIMEOUT` | `--doc-timeout` | seconds one document may take to decode and extract | 120 |
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = PROJECT_ROOT / "data" / "samples"
DEFAULT_DB = PROJECT_ROOT / "data" / "gwr.duckdb"

# Prefect's in-process ("ephemeral") API server takes 15-25 s to start on a
# 2-core machine; its own default timeout of 20 s makes first runs flake.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "DO_NOT_TRACK": "1",
}


@dataclass(frozen=True, slots=True)
class Bound:
    """How one numeric setting is read: its variable, its flag, its type and its allowed range."""

    env: str
    flag: str | None
    default: float
    low: float
    high: float
    whole: bool = False  # an integer setting


BOUNDS: dict[str, Bound] = {
    "lock_timeout": Bound("GWR_LOCK_TIMEOUT", None, 60, 0, 86_400),
    "max_file_mb": Bound("GWR_MAX_FILE_MB", None, 50, 0.001, 100_000),
    "batch_size": Bound("GWR_BATCH_SIZE", "--batch-size", 50, 1, 100_000, whole=True),
    "min_free_mb": Bound("GWR_MIN_FREE_MB", None, 50, 0, 10_000_000),
    "server_start_timeout": Bound("GWR_SERVER_START_TIMEOUT", None, 180, 1, 3_600),
    "workers": Bound("GWR_WORKERS", "--workers", 0, 0, 1_024, whole=True),
    "doc_timeout": Bound("GWR_DOC_TIMEOUT", "--doc-timeout", 120, 1, 86_400),
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

    @property
    def worker_count(self) -> int:
        """Extraction processes: `workers`, or one per core when it is 0."""
        return self.workers or os.cpu_count() or 1


def checked(name: str, raw: Any, source: str) -> float | int:
    """`raw` as the number setting `name` allows, or a ValueError naming `source` and the range.

    >>> checked("batch_size", "20", "GWR_BATCH_SIZE")
    20
    >>> checked("max_file_mb", "inf", "GWR_MAX_FILE_MB")
    Traceback (most recent call last):
    ...
    ValueError: GWR_MAX_FILE_MB must be a number from 0.001 to 100000, got 'inf'
    >>> checked("batch_size", -1, "--batch-size")
    Traceback (most recent call last):
    ...
    ValueError: --batch-size must be a whole number from 1 to 100000, got -1
    """
    bound = BOUNDS[name]
    kind = "a whole number" if bound.whole else "a number"
    problem = ValueError(f"{source} must be {kind} from {bound.low:g} to {bound.high:g}, got {raw!r}")
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise problem from None
    if not math.isfinite(value) or not bound.low <= value <= bound.high or (bound.whole and value != int(value)):
        raise problem
    return int(value) if bound.whole else value


def settings(db: str | Path | None = None, **flags: float | int | None) -> Settings:
    """Settings from the environment; `db` (`--db`) and `flags` given on the command line take precedence."""
    unknown = set(flags) - set(BOUNDS)
    if unknown:
        raise TypeError(f"unknown settings {sorted(unknown)}")
    values: dict[str, Any] = {}
    for name, bound in BOUNDS.items():
        flag_value = flags.get(name)
        raw_env = os.environ.get(bound.env, "").strip()
        if flag_value is not None:
            values[name] = checked(name, flag_value, bound.flag or name)
        elif raw_env:
            values[name] = checked(name, raw_env, bound.env)
        else:
            values[name] = int(bound.default) if bound.whole else bound.default
    chosen = db or os.environ.get("GWR_DB") or DEFAULT_DB
    return Settings(db=Path(chosen).expanduser().resolve(), **values)


def apply_prefect_defaults() -> None:
    """Set Prefect settings that gwr needs unless the user already chose them; call before importing prefect."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
