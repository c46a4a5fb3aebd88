"""A warehouse written by the release before schema versions (f2ef4ed) is upgraded in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_data_tests, table_counts
from tests.warehouse.legacy_ddl import build_legacy
from warehouse import WarehouseOutdated, open_warehouse
from warehouse.migrate import migrations
from warehouse.sqlfiles import data_tests


def test_a_read_of_the_old_warehouse_asks_for_gwr_run(db_path: Path) -> None:
    build_legacy(db_path)
    before = db_path.read_bytes()
    with (
        pytest.raises(WarehouseOutdated, match=r"older gwr .*; run `gwr run` to upgrade it"),
        open_warehouse(db_path, read_only=True),
    ):
        pass
    assert db_path.read_bytes() == before


def test_the_writer_upgrades_it_in_place_keeping_every_row(db_path: Path) -> None:
    build_legacy(db_path)
    with open_warehouse(db_path) as wh:
        counts = table_counts(wh)
        wh.start_run("run-new", None, {})
        wh.finish_run("run-new", "interrupted", {"docs_seen": 1}, message="interrupted after 1 of 3 documents")
        wh.record_warning("run-new", "/corpus/a.txt", "d1", "decode", "PDF pages 2–4 have no text layer")
    assert (counts["dim_document"], counts["fct_indicator_value"], counts["run_log"]) == (1, 2, 2)
    with open_warehouse(db_path, read_only=True) as wh:
        versions = [v for (v,) in wh.query("select version from schema_version order by version")[1]]
        assert versions == [m.version for m in migrations()]
        assert wh.query("select direction from dim_indicator")[1] == [("none",)]
        assert wh.query("select value, kind from v_facts order by kind")[1] == [(6.5, "actual"), (6.0, "target")]
        runs = dict(wh.query("select run_id, status from run_log")[1])
        assert runs == {"run-old": "completed", "run-killed": "failed", "run-new": "interrupted"}
        assert run_data_tests(wh) == dict.fromkeys(data_tests(), 0)


def test_an_empty_old_warehouse_upgrades_too(db_path: Path) -> None:
    build_legacy(db_path, with_rows=False)
    with open_warehouse(db_path):
        pass
    with open_warehouse(db_path, read_only=True) as wh:
        assert table_counts(wh)["dim_period"] > 0
