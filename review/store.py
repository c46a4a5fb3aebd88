"""The review app's way into the warehouse: open it for one request, never keep it.

DuckDB has one writer and `gwr run` needs the file between its batches, so the app holds no
connection. A page opens the warehouse read-only for its reads (waiting, like `gwr query`, at
most for the batch a run is loading); a decision opens it for writing for one short transaction
under the same per-connection lock a run's batches take — never the run-wide lock a whole run
holds. A review therefore waits at most for one batch, and a run waits at most for one insert of
a few rows; the run's statements never touch `review_decision`, so it cannot lose a review. While
a run is loading, the decision's commit stays in the write-ahead log (as the run's own batches'
do) and the run's last step folds it in.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warehouse import open_reader, open_warehouse
from warehouse.runlock import run_in_progress


@dataclass(frozen=True, slots=True)
class Reader:
    """Named reads on one open, read-only warehouse."""

    wh: Any  # warehouse.Warehouse

    def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """The rows of `warehouse/sql/queries/q_<name>.sql` as dicts."""
        columns, rows = self.wh.read(name, **params)
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def one(self, name: str, **params: Any) -> dict[str, Any] | None:
        found = self.rows(name, **params)
        return found[0] if found else None


@dataclass(slots=True)
class Store:
    """The warehouse file, how long to wait for it, and one connection at a time from this process."""

    db: Path
    wait_seconds: float
    _turn: threading.Lock = field(default_factory=threading.Lock)

    def prepare(self) -> None:
        """Open the warehouse once for writing, which brings an older file to this gwr's schema (decisions need it)."""
        with self._turn, open_warehouse(self.db, wait_seconds=self.wait_seconds,
                                        defer_checkpoint=run_in_progress(self.db)):
            pass

    @contextmanager
    def reading(self) -> Iterator[Reader]:
        """A read-only warehouse for the block (a page's reads)."""
        with self._turn, open_reader(self.db, wait_seconds=self.wait_seconds) as wh:
            yield Reader(wh)

    def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        with self.reading() as reader:
            return reader.rows(name, **params)

    def record(self, decisions: list[dict[str, Any]]) -> int:
        """Write decisions in one short transaction; return how many."""
        with self._turn, open_warehouse(self.db, wait_seconds=self.wait_seconds,
                                        defer_checkpoint=run_in_progress(self.db)) as wh:
            return wh.record_decisions(decisions)
