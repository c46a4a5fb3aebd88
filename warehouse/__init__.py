"""The DuckDB warehouse: star schema, atomic idempotent loads, one-writer lock, export, data tests.

with open_warehouse(Path("gwr.duckdb")) as wh:
    wh.load_document(run_id, document, paths, facts, quarantine)
"""

from warehouse.connection import check_writable, open_warehouse
from warehouse.errors import WarehouseBusy, WarehouseError, WarehouseUnavailable
from warehouse.store import Warehouse

__all__ = ["Warehouse", "check_writable", "WarehouseBusy", "WarehouseError", "WarehouseUnavailable", "open_warehouse"]
