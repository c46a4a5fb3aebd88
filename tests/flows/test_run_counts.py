"""The run counters are listed once (`warehouse.run_counts`); the table and its update must agree with that list."""

from __future__ import annotations

import re
from pathlib import Path

from warehouse import open_warehouse
from warehouse.run_counts import RUN_COUNTS
from warehouse.sqlfiles import sql


def test_run_log_has_a_column_per_counter(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "gwr.duckdb") as wh:
        columns = {row[0] for row in wh.query("select column_name from information_schema.columns "
                                              "where table_name = 'run_log'")[1]}
    assert set(RUN_COUNTS) <= columns


def test_finishing_a_run_sets_every_counter() -> None:
    assigned = set(re.findall(r"^\s*([a-z_]+)\s*=", sql("dml_finish_run"), flags=re.MULTILINE))
    assert set(RUN_COUNTS) <= assigned
