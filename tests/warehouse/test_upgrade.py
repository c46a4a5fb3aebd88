"""Older warehouses upgrade in place: one written before schema versions (f2ef4ed), and one that
recorded migrations under the numbers they had before they were renumbered to follow the rule."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from tests.helpers import load_document, run_data_tests, sync_indicators, table_counts
from tests.warehouse.legacy_ddl import build_legacy
from warehouse import WarehouseOutdated, open_warehouse
from warehouse.migrate import RENUMBERED, migrations
from warehouse.sqlfiles import data_tests, sql

# sha256 of the renumbered migrations as released under their old names (git show 439f5a1:warehouse/migrations/…).
RELEASED = {
    "013_run_log_message.sql": "fd53f1203f910c24026b170c951e1ddd29296d7ff0f1dd8edd50e7bc2dc8b708",
    "201_dim_document_published.sql": "54d3c207ab8179066a5c4dbe7e9dba222e37a64bd9c2d2215a2a5a1528aa0335",
}
APPLIED_AT = datetime(2026, 11, 26, 12, 0)


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


def build_before_renumbering(path: Path) -> None:
    """A warehouse as gwr's runner wrote it before the renumbering (439f5a1): every migration applied in
    the old number order (013 before 014, 201 last) and recorded under its old number and name."""
    old_name = {new: old for old, new in RENUMBERED.items()}
    applied = sorted((old_name.get(m.name, m.name), m) for m in migrations())
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute(sql("schema_version"))
        for name, migration in applied:
            con.execute(migration.text)
            con.execute(sql("dml_record_migration"),
                        {"version": int(name[:3]), "name": name, "sha256": migration.sha256, "now": APPLIED_AT})
    finally:
        con.close()


def test_the_renumbered_migrations_are_the_released_files() -> None:
    by_name = {m.name: m.sha256 for m in migrations()}
    assert {old: by_name[new] for old, new in RENUMBERED.items()} == RELEASED


def test_a_warehouse_that_applied_the_old_numbers_upgrades_without_running_them_again(
    db_path: Path, doc_001: tuple[dict[str, Any], pd.DataFrame], wh_lexicon: pd.DataFrame
) -> None:
    build_before_renumbering(db_path)
    doc, facts = doc_001
    with open_warehouse(db_path, read_only=True) as wh:  # a reader finds nothing missing and nothing newer
        assert [v for (v,) in wh.query("select version from schema_version where version > 99")[1]] == [101, 201]
    for _ in range(2):  # the writer renumbers the rows once; opening again changes nothing
        with open_warehouse(db_path) as wh:
            sync_indicators(wh, wh_lexicon)
            wh.start_run("run-1", None, {})
            load_document(wh, "run-1", doc, ["/corpus/001.txt"], facts, None)
            wh.finish_run("run-1", "interrupted", {"docs_seen": 1}, message="interrupted after 1 of 3 documents")
    with open_warehouse(db_path, read_only=True) as wh:
        rows = wh.query("select version, name, sha256, applied_at from schema_version order by version")[1]
        assert [(version, name) for version, name, _, _ in rows] == [(m.version, m.name) for m in migrations()]
        assert [sha for _, _, sha, _ in rows] == [m.sha256 for m in migrations()]
        assert {applied_at for *_, applied_at in rows} == {APPLIED_AT}, "no migration ran again"
        assert wh.query("select message from run_log")[1] == [("interrupted after 1 of 3 documents",)]
        assert wh.query("select count(*) from v_facts")[1] == [(4,)]
        assert run_data_tests(wh) == dict.fromkeys(data_tests(), 0)
