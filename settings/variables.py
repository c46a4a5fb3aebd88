"""Every `GWR_*` environment variable gwr knows: its name, its flag, its default and its check.

Only `settings.environment` reads these variables; every other module names them (in a
message, say) through the objects here and takes the values as typed parameters.

| variable | flag | meaning | default |
| --- | --- | --- | --- |
| `GWR_DB` | `--db` | the DuckDB warehouse file | `data/gwr.duckdb` under the project root |
| `GWR_LOCK_TIMEOUT` | | seconds to wait for a warehouse another gwr process holds | 60 |
| `GWR_MAX_FILE_MB` | | larger input files are refused with an `ingest_errors` row | 50 |
| `GWR_BATCH_SIZE` | `--batch-size` | documents to extract per batch (and files read at a time) | 500 |
| `GWR_MIN_FREE_MB` | | free disk space a run needs beside the warehouse | 50 |
| `GWR_SERVER_START_TIMEOUT` | | seconds `gwr serve` / `gwr server start` wait for a Prefect server | 180 |
| `GWR_WORKERS` | `--workers` | extraction processes (0 = one per core; at most 4 per core) | 0 |
| `GWR_DOC_TIMEOUT` | `--doc-timeout` | seconds one document may take to decode and extract | 120 |
| `GWR_PUBLISH` | `--publish` | the snapshot BI tools open; `none`: don't publish | beside the warehouse |
| `GWR_HOME` | | the project folder a Prefect worker runs in (read by `prefect deploy`, from prefect.yaml) | none |
| `GWR_INBOX` | | the folder the prefect.yaml deployment loads (read by `prefect deploy`) | none |
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any


class SettingsError(ValueError):
    """A setting's value is outside what gwr accepts; the message says which, and what it may be."""


@dataclass(frozen=True, slots=True)
class Number:
    """How one numeric setting is read: its variable, its flag, its default and its allowed range."""

    env: str
    flag: str | None
    default: float
    low: float
    high: float
    whole: bool = False  # an integer setting

    def check(self, raw: Any, source: str) -> float | int:
        """`raw` as this setting allows it, or a SettingsError naming `source` (the variable or flag) and the range.

        >>> BATCH_SIZE.check("20", "GWR_BATCH_SIZE")
        20
        >>> MAX_FILE_MB.check("inf", "GWR_MAX_FILE_MB")
        Traceback (most recent call last):
        ...
        settings.variables.SettingsError: GWR_MAX_FILE_MB must be a number from 0.001 to 100000, got 'inf'
        >>> BATCH_SIZE.check(-1, "--batch-size")
        Traceback (most recent call last):
        ...
        settings.variables.SettingsError: --batch-size must be a whole number from 1 to 100000, got -1
        """
        kind = "a whole number" if self.whole else "a number"
        problem = SettingsError(f"{source} must be {kind} from {self.low:g} to {self.high:g}, got {raw!r}")
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise problem from None
        if not math.isfinite(value) or not self.low <= value <= self.high or (self.whole and value != int(value)):
            raise problem
        return int(value) if self.whole else value


LOCK_TIMEOUT = Number("GWR_LOCK_TIMEOUT", None, 60, 0, 86_400)
MAX_FILE_MB = Number("GWR_MAX_FILE_MB", None, 50, 0.001, 100_000)
# What a batch costs the flow process is mostly fixed (Prefect's task runs, two pandera calls of
# about 25 and 13 ms whatever the rows, opening the warehouse, committing and folding the log into
# the file): a cold 1,000-document run in batches of 500 spends 2.6 s of flow CPU against 3.3 s in
# batches of 200, for 58 MB more peak memory in the flow process (654 against 596 MB).
BATCH_SIZE = Number("GWR_BATCH_SIZE", "--batch-size", 500, 1, 100_000, whole=True)
MIN_FREE_MB = Number("GWR_MIN_FREE_MB", None, 50, 0, 10_000_000)
SERVER_START_TIMEOUT = Number("GWR_SERVER_START_TIMEOUT", None, 180, 1, 3_600)
WORKERS = Number("GWR_WORKERS", "--workers", 0, 0, 1_024, whole=True)
DOC_TIMEOUT = Number("GWR_DOC_TIMEOUT", "--doc-timeout", 120, 1, 86_400)

# Extraction is CPU-bound: processes past a few per core only add memory and contention
# (--workers 1000 took 86 s and 15 GB for one document on 2 cores).
WORKERS_PER_CORE = 4


def cores() -> int:
    """The cores this process may run on: its CPU affinity where the system says it, else the machine's."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def most_workers() -> int:
    """The most extraction processes a run starts here: `WORKERS_PER_CORE` per core."""
    return WORKERS_PER_CORE * cores()


#: The numeric settings by the name a `Settings` field and a `RunOptions` field carry.
NUMBERS: dict[str, Number] = {
    "lock_timeout": LOCK_TIMEOUT,
    "max_file_mb": MAX_FILE_MB,
    "batch_size": BATCH_SIZE,
    "min_free_mb": MIN_FREE_MB,
    "server_start_timeout": SERVER_START_TIMEOUT,
    "workers": WORKERS,
    "doc_timeout": DOC_TIMEOUT,
}

DB_ENV = "GWR_DB"
PUBLISH_ENV = "GWR_PUBLISH"
PUBLISH_OFF = "none"  # GWR_PUBLISH=none / --publish none: no snapshot
# Read by `prefect deploy` when it fills prefect.yaml's templates, never by gwr itself.
HOME_ENV = "GWR_HOME"
INBOX_ENV = "GWR_INBOX"
