"""One place that resolves gwr's settings: defaults, then `GWR_*` environment variables, then flags.

Paths are resolved from the project, never from the current working directory,
except where a user passes a path on the command line.

| variable | meaning | default |
| --- | --- | --- |
| `GWR_DB` | the DuckDB warehouse file | `data/gwr.duckdb` under the project root |
| `GWR_LOCK_TIMEOUT` | seconds to wait for a warehouse another gwr process holds | 60 |
| `GWR_MAX_FILE_MB` | larger input files are refused with an `ingest_errors` row | 50 |
| `GWR_BATCH_SIZE` | documents per Prefect task call | 50 |
| `GWR_MIN_FREE_MB` | free disk space a run needs beside the warehouse (read in `warehouse/connection.py`) | 50 |
| `GWR_SERVER_START_TIMEOUT` | seconds `gwr serve` waits for its Prefect server (read in `gwr/serve.py`) | 180 |
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

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


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {raw!r}")
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    db: Path
    lock_timeout: float
    max_file_mb: float
    batch_size: int


def settings(db: str | Path | None = None) -> Settings:
    """Settings from the environment, with `db` (a `--db` flag) taking precedence over `GWR_DB`."""
    chosen = db or os.environ.get("GWR_DB") or DEFAULT_DB
    return Settings(
        db=Path(chosen).expanduser().resolve(),
        lock_timeout=_env_number("GWR_LOCK_TIMEOUT", 60),
        max_file_mb=_env_number("GWR_MAX_FILE_MB", 50),
        batch_size=int(_env_number("GWR_BATCH_SIZE", 50)),
    )


def apply_prefect_defaults() -> None:
    """Set Prefect settings that gwr needs unless the user already chose them; call before importing prefect."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
