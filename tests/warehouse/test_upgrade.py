"""A warehouse written by the release before schema versions (f2ef4ed) is upgraded in place."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse import WarehouseOutdated, open_warehouse
from warehouse.migrate import migrations
from warehouse.sqlfiles import data_tests

LEGACY = Path(__file__).parent / "legacy"


def build_legacy(path: Path, *, with_rows: bool = True) -> None:
    """A warehouse as f2ef4ed's DDL wrote it, from the DDL files of that commit."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute((LEGACY / "f2ef4ed_ddl.sql").read_text(encoding="utf-8"))
        if with_rows:
            con.execute((LEGACY / "f2ef4ed_rows.sql").read_text(encoding="utf-8"))
    finally:
        con.close()


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
        counts = wh.table_counts()
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
        assert wh.run_data_tests() == dict.fromkeys(data_tests(), 0)


def test_an_empty_old_warehouse_upgrades_too(db_path: Path) -> None:
    build_legacy(db_path, with_rows=False)
    with open_warehouse(db_path):
        pass
    with open_warehouse(db_path, read_only=True) as wh:
        assert wh.table_counts()["dim_period"] > 0
