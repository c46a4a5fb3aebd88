"""The published snapshot: a copy readers open, built beside its place and renamed into it."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from settings import from_environment
from tests.helpers import copy_samples, load_document, sync_indicators
from tests.review.helpers import decide, load_folder
from transforms.knowledge import lexicon
from warehouse import WarehouseUnavailable, open_warehouse
from warehouse import publish as warehouse_publish
from warehouse.publish import parquet_folder, publish, wal_of

Doc = tuple[dict[str, Any], pd.DataFrame]
NOBODY = 65534  # the unprivileged user and group of Debian and most Linux systems


def snapshot_path(db: Path, chosen: Path | None = None) -> Path | None:
    """Where a run on `db` publishes, as `gwr run` resolves it: `chosen` (--publish), else GWR_PUBLISH, else beside."""
    return from_environment(db, publish=None if chosen is None else str(chosen)).publish


def load(db_path: Path, *docs: Doc) -> Path:
    """Sync the indicators and load documents, then close the warehouse, as a run does before it publishes."""
    with open_warehouse(db_path) as wh:
        sync_indicators(wh, pd.DataFrame(lexicon.indicator_rows()))
        for doc, facts in docs:
            load_document(wh, "run-1", doc, [f"/corpus/{doc['doc']}"], facts, None)
    return db_path


@pytest.fixture
def loaded(db_path: Path, doc_001: Doc) -> Path:
    return load(db_path, doc_001)


def test_the_default_place_is_beside_the_warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GWR_PUBLISH", raising=False)
    assert snapshot_path(tmp_path / "gwr.duckdb") == tmp_path / "gwr_published.duckdb"
    monkeypatch.setenv("GWR_PUBLISH", str(tmp_path / "bi" / "snap.duckdb"))
    assert snapshot_path(tmp_path / "gwr.duckdb") == tmp_path / "bi" / "snap.duckdb"
    assert snapshot_path(tmp_path / "gwr.duckdb", tmp_path / "flag.duckdb") == tmp_path / "flag.duckdb"
    monkeypatch.setenv("GWR_PUBLISH", "none")
    assert snapshot_path(tmp_path / "gwr.duckdb") is None
    assert parquet_folder(tmp_path / "gwr_published.duckdb") == tmp_path / "gwr_published-parquet"


def test_the_snapshot_holds_every_table_and_view_and_a_parquet_file_of_each(loaded: Path, tmp_path: Path) -> None:
    with open_warehouse(loaded, read_only=True) as wh:
        names = {name for (name,) in wh.query(
            "select table_name from information_schema.tables where table_schema = 'main'")[1]}
        n_facts = wh.query("select count(*) from v_facts")[1][0][0]
    target = tmp_path / "bi" / "gwr_published.duckdb"
    done = publish(loaded, target)
    assert done.relations == len(names) and n_facts == 4
    with open_warehouse(target, read_only=True) as snapshot:  # a gwr reader checks its schema version too
        assert snapshot.query("select count(*) from v_facts")[1] == [(n_facts,)]
        assert snapshot.query("select region_code from v_facts limit 1")[1] == [("500101",)]
        # The fact table, declared again with its foreign keys, keeps its descriptions for BI tools.
        described = snapshot.query("select count(*) = count(comment) from duckdb_columns() "
                                   "where table_name = 'fct_indicator_value'")[1]
        assert described == [(True,)]
    assert {p.stem for p in done.parquet.glob("*.parquet")} == names
    assert pq.read_table(done.parquet / "v_facts.parquet").schema.field("region_code").type == "string"
    assert not [p.name for p in target.parent.iterdir() if ".building" in p.name or p.name.endswith(".wal")]


def test_every_parquet_file_holds_the_rows_of_its_table_or_view_in_the_snapshot(tmp_path: Path) -> None:
    # The views' files are written from their rows computed once, in a database of their own
    # (warehouse.view_rows), not from the snapshot's views: a reviewer's decisions included, the two agree.
    db = tmp_path / "gwr.duckdb"
    load_folder(db, copy_samples(tmp_path / "inbox"))
    decide(db, "税收收入44.6亿元", "reject")
    decide(db, "社会消费品零售总额470.6亿元", "edit", year=2022)
    done = publish(db, tmp_path / "gwr_published.duckdb")
    with duckdb.connect(str(done.snapshot), read_only=True) as con:
        assert con.execute("select count(*) from v_review_decisions where status = 'applied'").fetchall() == [(2,)]
        for file in sorted(done.parquet.glob("*.parquet")):
            relation, rows = {"relation": file.stem}, {"file": str(file)}
            columns = "select column_name, column_type from (describe select * from {})"
            assert (con.execute(columns.format("query_table($relation)"), relation).fetchall()
                    == con.execute(columns.format("read_parquet($file)"), rows).fetchall()), file.name
            for first, second in (("query_table($relation)", "read_parquet($file)"),
                                  ("read_parquet($file)", "query_table($relation)")):
                extra = f"select count(*) from (select * from {first} except all select * from {second})"
                assert con.execute(extra, relation | rows).fetchall() == [(0,)], file.name


def test_a_publish_that_fails_leaves_the_previous_snapshot_as_it_was(loaded: Path, tmp_path: Path) -> None:
    # The snapshot declares the fact table's key to dim_region, which the warehouse only checks with
    # data tests: a fact whose region row is missing fails the copy while the views' files are written.
    target = tmp_path / "gwr_published.duckdb"
    before = publish(loaded, target)
    files = {p.name: p.read_bytes() for p in before.parquet.iterdir()}
    with duckdb.connect(str(loaded)) as con:
        con.execute("delete from dim_region where region_key in (select region_key from fct_indicator_value)")
    with pytest.raises(WarehouseUnavailable, match="could not be written: .*foreign key"):
        publish(loaded, target)  # the copy's error, not the interruption of the views' writer
    assert {p.name: p.read_bytes() for p in before.parquet.iterdir()} == files
    with duckdb.connect(str(target), read_only=True) as con:
        assert con.execute("select count(*) from v_facts").fetchall() == [(4,)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gwr_published-parquet", "gwr_published.duckdb", "wh"]


def test_a_reader_holding_the_snapshot_keeps_its_copy_while_a_new_one_is_published(
    loaded: Path, doc_000: Doc, tmp_path: Path
) -> None:
    target = tmp_path / "gwr_published.duckdb"
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
    # cannot hold (here: bounds of 1 and 2 MB, below what DuckDB needs for any table) is made within
    # the next bound, and at last unbounded.
    monkeypatch.setattr("warehouse.publish._BOUNDS", ("1MB", "2MB"))
    tried = _bounds_tried(monkeypatch)
    target = tmp_path / "gwr_published.duckdb"
    done = publish(loaded, target)
    assert tried == ["1MB", "2MB", None]
    with duckdb.connect(str(target), read_only=True) as con:
        assert con.execute("select count(*) from fct_indicator_value").fetchone() == (4,)
    assert (done.parquet / "fct_indicator_value.parquet").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gwr_published-parquet", "gwr_published.duckdb", "wh"]


def test_a_copy_that_fits_the_first_bound_is_made_once(loaded: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    tried = _bounds_tried(monkeypatch)
    publish(loaded, tmp_path / "gwr_published.duckdb")
    assert tried == ["384MB"]


def _bounds_tried(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The memory bound of every build `publish` makes from now on, in order (None: unbounded)."""
    tried: list[str | None] = []
    build = warehouse_publish._build

    def counted(db: Path, building: Path, folder: Path, settings: dict[str, Any], **options: Any) -> list[str]:
        tried.append(settings.get("memory_limit"))
        return build(db, building, folder, settings, **options)

    monkeypatch.setattr(warehouse_publish, "_build", counted)
    return tried


def test_the_views_answer_from_a_snapshot_attached_under_another_name(
    loaded: Path, doc_000: Doc, tmp_path: Path
) -> None:
    # The views read the intermediate layer (schema `intermediate`), which names `main.` what it
    # reads: unqualified, a view outside `main` would look for v_latest_facts in its own schema
    # once the file is attached as `bi` rather than opened.
    target = tmp_path / "gwr_published.duckdb"
    publish(load(loaded, doc_000), target)
    with duckdb.connect() as con:
        con.execute("attach $path as bi (read_only)", {"path": str(target)})
        pairs = con.execute("select indicator, target_value, actual_value from bi.v_target_vs_actual").fetchall()
        cube = con.execute("select count(*) from bi.v_cube where not is_estimate").fetchall()
    assert pairs == [("retail_sales", 8.0, 5.5)] and cube == [(3,)]


def test_the_snapshot_is_published_without_write_bits(loaded: Path, tmp_path: Path) -> None:
    done = publish(loaded, tmp_path / "gwr_published.duckdb")
    for path in (done.snapshot, *done.parquet.iterdir()):
        assert path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) == 0, path
    publish(loaded, done.snapshot)  # and a read-only snapshot is replaced by the next publish


def test_a_client_opening_the_snapshot_read_write_is_refused(loaded: Path) -> None:
    # Root ignores file modes, so as root the client is a child that becomes `nobody`, as a BI
    # server runs as its own user; that it still opens the file read-only shows that what
    # refuses it is the missing write bits.
    shared = Path(tempfile.mkdtemp(prefix="gwr-snapshot-"))
    try:
        shared.chmod(0o755)
        snapshot = publish(loaded, shared / "gwr_published.duckdb").snapshot
        assert _open_as_a_client(snapshot, read_only=True) == "opened"
        assert "Permission denied" in _open_as_a_client(snapshot, read_only=False)
    finally:
        shutil.rmtree(shared)


def _open_as_a_client(path: Path, *, read_only: bool) -> str:
    """Open `path` with DuckDB in a child process that is not root; "opened", or the error DuckDB gave."""
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe and never returns
        os.close(reading)
        try:
            if os.geteuid() == 0:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            duckdb.connect(str(path), read_only=read_only).close()
            said = "opened"
        except BaseException as exc:  # everything goes back to the test
            said = str(exc)
        os.write(writing, said.encode())
        os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as answer:
        said = answer.read().decode()
    os.waitpid(child, 0)
    return said


def test_a_write_ahead_log_left_beside_the_old_snapshot_never_reaches_the_new_one(
    loaded: Path, doc_000: Doc, tmp_path: Path
) -> None:
    # A client that wrote into the old snapshot (root, or a snapshot an older gwr left writable) and
    # left its log: DuckDB would replay the log onto whatever file then has the snapshot's name.
    target = tmp_path / "gwr_published.duckdb"
    publish(loaded, target)
    target.chmod(0o644)
    writer = duckdb.connect(str(target))
    writer.execute("pragma disable_checkpoint_on_shutdown")
    writer.execute("delete from fct_indicator_value")
    writer.close()
    assert wal_of(target).stat().st_size > 0
    publish(load(loaded, doc_000), target)
    assert not wal_of(target).exists()
    with duckdb.connect(str(target), read_only=True) as reader:
        assert reader.execute("select count(*) from v_facts").fetchall() == [(5,)]


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
