"""Why the warehouse could not be used, each said in one sentence a user can act on."""

from __future__ import annotations


class WarehouseError(Exception):
    """Base of every error the warehouse raises on purpose."""


class WarehouseBusy(WarehouseError):
    """Another process holds the warehouse file (DuckDB allows one writer per file)."""


class WarehouseUnavailable(WarehouseError):
    """The warehouse file cannot be opened or written: missing, read-only, or out of space."""
