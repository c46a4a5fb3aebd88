"""The flow's parameters: what one run of the pipeline is configured by, typed and range-checked.

A pydantic model, so Prefect validates it when a run starts and its UI shows it as a form
with each field's range and meaning. Every field but `db` has the default its `GWR_*`
variable has; nothing here reads the environment: `gwr run` and `gwr serve` resolve the
variables (`settings.environment`) and pass the result, and a deployment passes its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from settings.paths import published_beside
from settings.variables import (
    BATCH_SIZE,
    DOC_TIMEOUT,
    LOCK_TIMEOUT,
    MAX_FILE_MB,
    MIN_FREE_MB,
    WORKERS,
    Number,
    cores,
    most_workers,
)


def _bounded(number: Number, description: str) -> Any:
    """A field with the default and the range of `number`, described as Prefect's UI shows it."""
    return Field(number.default, ge=number.low, le=number.high, description=f"{description} ({number.env})")


def _beside_db(data: dict[str, Any]) -> Path | None:
    return published_beside(data["db"]) if "db" in data else None


class RunOptions(BaseModel):
    """How one run loads: the warehouse, the batch size, the extraction processes and the limits it keeps."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    db: Path = Field(description="the DuckDB warehouse file (GWR_DB)")
    batch_size: int = _bounded(BATCH_SIZE, "documents to extract per batch (and files read at a time)")
    max_file_mb: float = _bounded(MAX_FILE_MB, "larger input files are refused")
    lock_timeout: float = _bounded(LOCK_TIMEOUT, "seconds to wait for a warehouse another gwr process holds")
    min_free_mb: float = _bounded(MIN_FREE_MB, "free disk space the run needs beside the warehouse")
    workers: int = _bounded(WORKERS, "extraction processes, 0 = one per core")
    doc_timeout: float = _bounded(DOC_TIMEOUT, "seconds one document may take to decode and extract")
    prune: bool = Field(False, description="retire loaded documents whose files are gone from the paths")
    follow_links: bool = Field(False, description="read files that symlinks in the folders lead to outside them")
    publish: Path | None = Field(default_factory=_beside_db,
                                 description="the snapshot BI tools open, written after a completed run; "
                                             "null: none (GWR_PUBLISH; default beside the warehouse)")

    @field_validator("db")
    @classmethod
    def _absolute(cls, db: Path) -> Path:
        """The warehouse as an absolute path: a relative one is resolved where the run starts."""
        return db.expanduser().resolve()

    @property
    def worker_count(self) -> int:
        """Extraction processes: `workers`, or one per core when it is 0; never past `most_workers()`, which a
        deployment's parameters, checked for no machine in particular, may ask for."""
        return min(self.workers, most_workers()) if self.workers else cores()
