"""Why the warehouse could not be used, each said in one sentence a user can act on."""

from __future__ import annotations


class WarehouseError(Exception):
    """Base of every error the warehouse raises on purpose."""


class WarehouseBusy(WarehouseError):
    """Another process holds the warehouse file (DuckDB allows one writer per file)."""


class WarehouseUnavailable(WarehouseError):
    """The warehouse file cannot be opened or written: missing, read-only, or out of space."""


class NotAWarehouse(WarehouseUnavailable):
    """The file is something else: another program's DuckDB tables, a SQLite file, a text file."""


class WarehouseCorrupt(WarehouseUnavailable):
    """The file is a DuckDB database that DuckDB cannot read: truncated or damaged."""


class WarehouseOutdated(WarehouseUnavailable):
    """The file's schema version differs from this gwr's: `gwr run` upgrades an older one."""


class QueryRefused(WarehouseError):
    """An analyst's statement would write, or reach outside the warehouse."""


class QueryFailed(WarehouseError):
    """DuckDB could not answer a reader's statement (a missing table, a type error): its first line, said as such."""


class OutputUnwritable(WarehouseError):
    """A file gwr writes for readers (an export, the report, the snapshot) cannot be written where it was asked."""
