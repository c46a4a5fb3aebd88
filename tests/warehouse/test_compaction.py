"""A writer's checkpoint writes the rows a batch added as row groups of their own, leaving the row groups
before them as they were; a run's end compacts them once they pass `COMPACT_AFTER`
(`warehouse.connection.NO_VACUUM`, `warehouse.runbook`).

The documents are the bundled samples, extracted and validated as a flow does; every warehouse is a
real DuckDB file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows import dimensions
from tests.helpers import run_data_tests
from warehouse import Warehouse, open_warehouse, runbook
from warehouse.loads import DocumentLoad
from warehouse.publish import publish, wal_of


def row_groups(wh: Warehouse, table: str = "dim_document") -> list[tuple[int, int]]:
    """(row group, rows) of `table`, in order."""
    return [(group, rows) for group, rows in wh.query(
        f"select row_group_id, max(count) from pragma_storage_info('{table}') group by all order by 1")[1]]


def loaded(db: Path, units: list[DocumentLoad]) -> None:
    """The samples but the last, loaded and folded into the file; the last loaded by a batch that leaves it in the
    write-ahead log, as a run's batches do."""
    with open_warehouse(db) as wh:
        wh.sync_dimensions(*dimensions.dimension_frames(), dimensions.knowledge_fingerprint())
        wh.load_documents("run-1", units[:-1])
    with open_warehouse(db, defer_checkpoint=True) as wh:
        wh.load_documents("run-2", units[-1:])


def test_a_checkpoint_writes_a_batchs_rows_beside_the_row_group_before_them(
    tmp_path: Path, units: list[DocumentLoad]
) -> None:
    db = tmp_path / "gwr.duckdb"
    loaded(db, units)
    with open_warehouse(db) as last:  # a run's last writer folds the log in as it closes
        last.start_run("run-3", None, {})
    with open_warehouse(db, read_only=True) as reader:
        assert row_groups(reader) == [(0, len(units) - 1), (1, 1)], "the first row group was not written again"
        assert set(run_data_tests(reader).values()) == {0}
        (docs,) = reader.query("select count(*) from dim_document")[1][0]
    assert docs == len(units)


def test_a_publish_folding_the_log_leaves_the_row_group_before_it_too(
    tmp_path: Path, units: list[DocumentLoad]
) -> None:
    template = tmp_path / "template" / "gwr.duckdb"
    template.parent.mkdir()
    loaded(template, units)
    # Whether DuckDB would merge them depends on when the fold starts beside the copy's readers (a checkpoint
    # beside an older reader does not merge): a few publishes, each of the same warehouse and log.
    for trial in range(3):
        db = tmp_path / str(trial) / "gwr.duckdb"
        db.parent.mkdir()
        for part in (template, wal_of(template)):
            shutil.copy(part, db.parent / part.name)
        publish(db, tmp_path / str(trial) / "bi" / "gwr_published.duckdb", fold_log=True)
        assert not wal_of(db).exists() or wal_of(db).stat().st_size == 0
        with open_warehouse(db, read_only=True) as reader:
            assert row_groups(reader) == [(0, len(units) - 1), (1, 1)], trial


def test_a_compaction_merges_them_and_the_writers_after_it_merge_none(
    tmp_path: Path, units: list[DocumentLoad]
) -> None:
    db = tmp_path / "gwr.duckdb"
    loaded(db, units)
    with open_warehouse(db) as wh:
        wh.compact()
    with open_warehouse(db, read_only=True) as reader:
        assert row_groups(reader) == [(0, len(units))]
        facts = reader.query("select count(*) from fct_indicator_value")[1][0][0]
        assert set(run_data_tests(reader).values()) == {0}
    assert facts == sum(len(unit.facts) for unit in units)
    with open_warehouse(db) as wh:  # the instance the compaction ran in is kept for the next writer
        assert wh.query("select current_setting('max_vacuum_tasks')")[1] == [(0,)]


@pytest.mark.parametrize(("after", "compacts"), [(0, True), (1, False)])
def test_a_run_compacts_as_it_closes_once_its_row_groups_pass_compact_after(
    tmp_path: Path, units: list[DocumentLoad], monkeypatch: pytest.MonkeyPatch, after: int, compacts: bool
) -> None:
    monkeypatch.setattr(runbook, "COMPACT_AFTER", after)
    db = tmp_path / "gwr.duckdb"
    loaded(db, units)  # two row groups where one would do: the first four documents, and the last
    with open_warehouse(db) as wh:  # close_run
        wh.start_run("run-3", None, {})
        wh.finish_run("run-3", "completed", {})
        assert wh.compact_if_due() is compacts
    with open_warehouse(db, read_only=True) as reader:
        assert row_groups(reader) == ([(0, len(units))] if compacts else [(0, len(units) - 1), (1, 1)])
