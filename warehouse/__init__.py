"""The DuckDB warehouse: star schema, atomic idempotent loads, one-writer lock, export, data tests.

with open_warehouse(Path("gwr.duckdb")) as wh:
    wh.load_documents(run_id, [DocumentLoad(document, paths, facts, quarantine)])
"""

from warehouse.connection import check_writable, open_reader, open_warehouse
from warehouse.errors import (
    NotAWarehouse,
    QueryFailed,
    QueryRefused,
    WarehouseBusy,
    WarehouseCorrupt,
    WarehouseError,
    WarehouseOutdated,
    WarehouseUnavailable,
)
from warehouse.store import Warehouse

__all__ = [
    "NotAWarehouse",
    "QueryFailed",
    "QueryRefused",
    "Warehouse",
    "WarehouseBusy",
    "WarehouseCorrupt",
    "WarehouseError",
    "WarehouseOutdated",
    "WarehouseUnavailable",
    "check_writable",
    "open_reader",
    "open_warehouse",
]
