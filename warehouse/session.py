"""An open warehouse connection's plumbing: named statements with bound parameters, transactions, frames.

Every statement is a `.sql` file (see `warehouse.sqlfiles`); the warehouse's methods
(`warehouse.store.Warehouse`) run them by name through `Session._run` and draw their
transaction boundaries with `Session._transaction`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from warehouse.errors import WarehouseUnavailable
from warehouse.sqlfiles import sql

if TYPE_CHECKING:  # pandas is imported by the loading methods only: `gwr query` never pays for it
    import pandas as pd
    import pyarrow as pa

_PARAMETER = re.compile(r"\$([a-z_][a-z0-9_]*)")


class Session:
    """The connection, and the plumbing every group of the warehouse's methods shares. All timestamps are UTC."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool = False) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only

    def _run(self, name: str, **params: Any) -> duckdb.DuckDBPyConnection:
        """Execute `sql/<name>.sql`, binding the named parameters it mentions (`$now` is supplied)."""
        text = sql(name)
        params.setdefault("now", datetime.now(UTC).replace(tzinfo=None))
        wanted = set(_PARAMETER.findall(text))
        return self._con.execute(text, {key: _plain(value) for key, value in params.items() if key in wanted})

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """Commit everything in the block or nothing; a failed write leaves the previous state."""
        self._con.begin()
        try:
            yield
            self._con.commit()
        except BaseException as exc:
            with suppress(duckdb.Error):
                self._con.rollback()
            if isinstance(exc, duckdb.IOException):
                raise WarehouseUnavailable(f"warehouse {self.path} could not be written: {exc}") from exc
            raise

    @contextmanager
    def _registered_per_segment(self) -> Iterator[Callable[[dict[str, pd.DataFrame | pa.Table]], None]]:
        """`_registered` for frames that change inside one transaction: each call replaces the views.

        Enter it outside `_transaction`, for the same reason: they are unregistered after the rollback.
        """
        names: set[str] = set()

        def register(views: dict[str, pd.DataFrame | pa.Table]) -> None:
            for name, frame in views.items():
                self._con.register(name, frame)
                names.add(name)

        try:
            yield register
        finally:
            for name in names:
                self._con.unregister(name)

    @contextmanager
    def _registered(self, **views: pd.DataFrame | pa.Table) -> Iterator[None]:
        """Expose DataFrames (or Arrow tables) to SQL under fixed names for the block, so inserts are set-based.

        Enter it outside `_transaction`: DuckDB refuses to unregister inside an aborted
        transaction, so the rollback must come first.
        """
        with self._registered_per_segment() as register:
            register(views)
            yield


def _plain(value: Any) -> Any:
    """A Python value DuckDB can bind: numpy scalars (a year read by pandas) and NA become plain."""
    if value is None or isinstance(value, str | bytes | datetime | list | tuple):
        return value
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return None if isinstance(value, float) and value != value else value
