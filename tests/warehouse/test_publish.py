"""The published snapshot: a copy readers open, built beside its place and renamed into it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from settings import from_environment
from tests.helpers import load_document
from warehouse import open_warehouse
from warehouse.publish import parquet_folder, publish

Doc = tuple[dict[str, Any], pd.DataFrame]


def snapshot_path(db: Path, chosen: Path | None = None) -> Path | None:
    """Where a run on `db` publishes, as `gwr run` resolves it: `chosen` (--publish), else GWR_PUBLISH, else beside."""
    return from_environment(db, publish=None if chosen is None else str(chosen)).publish


def load(db_path: Path, *docs: Doc) -> Path:
    """Load documents and close the warehouse, as a run does before it publishes."""
    with open_warehouse(db_path) as wh:
        for doc, facts in docs:
            load_document(wh, "run-1", doc, [f"/corpus/{doc['doc']}"], facts, None)
    return db_path


@pytest.fixture
def loaded(db_path: Path, doc_001: Doc) -> Path:
    return load(db_path, doc_001)


def test_the_default_place_is_beside_the_warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GWR_PUBLISH", raising=False)
    assert snapshot_path(tmp_path / "gwr.duckdb") == tmp_path / "gwr-published.duckdb"
    monkeypatch.setenv("GWR_PUBLISH", str(tmp_path / "bi" / "snap.duckdb"))
    assert snapshot_path(tmp_path / "gwr.duckdb") == tmp_path / "bi" / "snap.duckdb"
    assert snapshot_path(tmp_path / "gwr.duckdb", tmp_path / "flag.duckdb") == tmp_path / "flag.duckdb"
    monkeypatch.setenv("GWR_PUBLISH", "none")
    assert snapshot_path(tmp_path / "gwr.duckdb") is None
    assert parquet_folder(tmp_path / "gwr-published.duckdb") == tmp_path / "gwr-published-parquet"


def test_the_snapshot_holds_every_table_and_view_and_a_parquet_file_of_each(loaded: Path, tmp_path: Path) -> None:
    with open_warehouse(loaded, read_only=True) as wh:
        names = {name for (name,) in wh.query(
            "select table_name from information_schema.tables where table_schema = 'main'")[1]}
        n_facts = wh.query("select count(*) from v_facts")[1][0][0]
    target = tmp_path / "bi" / "gwr-published.duckdb"
    done = publish(loaded, target)
    assert done.relations == len(names) and n_facts == 4
    with open_warehouse(target, read_only=True) as snapshot:  # a gwr reader checks its schema version too
        assert snapshot.query("select count(*) from v_facts")[1] == [(n_facts,)]
        assert snapshot.query("select region_code from v_facts limit 1")[1] == [("500101",)]
    assert {p.stem for p in done.parquet.glob("*.parquet")} == names
    assert pq.read_table(done.parquet / "v_facts.parquet").schema.field("region_code").type == "string"
    assert not [p.name for p in target.parent.iterdir() if ".building" in p.name or p.name.endswith(".wal")]


def test_a_reader_holding_the_snapshot_keeps_its_copy_while_a_new_one_is_published(
    loaded: Path, doc_000: Doc, tmp_path: Path
) -> None:
    target = tmp_path / "gwr-published.duckdb"
    publish(loaded, target)
    reader = duckdb.connect(str(target), read_only=True)
    try:
        publish(load(loaded, doc_000), target)
        assert reader.execute("select count(*) from v_facts").fetchall() == [(4,)]
    finally:
        reader.close()
    with duckdb.connect(str(target), read_only=True) as fresh:
        assert fresh.execute("select count(*) from v_facts").fetchall() == [(5,)]


def test_a_copy_that_outgrows_the_memory_bound_is_made_without_it(
    loaded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bound keeps a big warehouse's copy from adding its size to a run's peak memory; a copy it
    # cannot hold (here: a bound of 1 MB, below what DuckDB needs for any table) is made unbounded.
    monkeypatch.setattr("warehouse.publish._BOUNDED", {"memory_limit": "1MB", "threads": 1})
    target = tmp_path / "gwr-published.duckdb"
    done = publish(loaded, target)
    with duckdb.connect(str(target), read_only=True) as con:
        assert con.execute("select count(*) from fct_indicator_value").fetchone() == (4,)
    assert (done.parquet / "fct_indicator_value.parquet").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gwr-published-parquet", "gwr-published.duckdb", "wh"]


def test_the_views_answer_from_a_snapshot_attached_under_another_name(
    loaded: Path, doc_000: Doc, tmp_path: Path
) -> None:
    # The views read the intermediate layer (schema `intermediate`), which names `main.` what it
    # reads: unqualified, a view outside `main` would look for v_latest_facts in its own schema
    # once the file is attached as `bi` rather than opened.
    target = tmp_path / "gwr-published.duckdb"
    publish(load(loaded, doc_000), target)
    with duckdb.connect() as con:
        con.execute("attach $path as bi (read_only)", {"path": str(target)})
        pairs = con.execute("select indicator, target_value, actual_value from bi.v_target_vs_actual").fetchall()
        cube = con.execute("select count(*) from bi.v_cube where not is_estimate").fetchall()
    assert pairs == [("retail_sales", 8.0, 5.5)] and cube == [(3,)]


def test_publishing_never_writes_through_a_planted_link(loaded: Path, tmp_path: Path) -> None:
    """Issue 19: a dangling `.gwr-published.duckdb.building` link made the snapshot land where it pointed."""
    bi, elsewhere = tmp_path / "bi", tmp_path / "elsewhere"
    bi.mkdir()
    elsewhere.mkdir()
    target = bi / "gwr-published.duckdb"
    for name in (".gwr-published.duckdb.building", ".gwr-published-parquet.building", ".gwr-published.duckdb.spill",
                 ".gwr-published-parquet.old"):
        (bi / name).symlink_to(elsewhere / name)  # dangling: whoever follows it creates a file elsewhere
    (bi / "gwr-published-parquet").symlink_to(elsewhere)  # a link where the Parquet folder goes
    publish(loaded, target)
    publish(loaded, target)  # and again, over the first
    assert list(elsewhere.iterdir()) == []
    assert target.is_file() and not target.is_symlink()
    assert (bi / "gwr-published-parquet").is_dir() and not (bi / "gwr-published-parquet").is_symlink()
    planted = {".gwr-published.duckdb.building", ".gwr-published-parquet.building", ".gwr-published.duckdb.spill",
               ".gwr-published-parquet.old"}
    assert {p.name for p in bi.iterdir()} == {"gwr-published.duckdb", "gwr-published-parquet"} | planted
