"""Unchanged means the same content read by the same extractor: a rerun parses nothing, an upgrade re-extracts."""

from __future__ import annotations

from pathlib import Path

import pytest

import flows.batch
import flows.isolation
import flows.pipeline
import validation.batch
import warehouse.runbook
from flows.pipeline import gwr_pipeline
from settings.options import RunOptions
from tests.helpers import SAMPLES, copy_samples, task_runs
from transforms import EXTRACTOR_VERSION
from warehouse import open_warehouse
from warehouse.publish import wal_of

pytestmark = pytest.mark.slow  # runs the flow through Prefect


def logged(db: Path) -> bool:
    """Whether commits are left in the warehouse's write-ahead log."""
    wal = wal_of(db)
    return wal.exists() and wal.stat().st_size > 0


def rows(db: Path, sql: str) -> list[tuple]:
    with open_warehouse(db) as wh:
        return wh.query(sql)[1]


def test_a_rerun_parses_nothing_and_an_extractor_upgrade_reextracts(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, db = copy_samples(tmp_path / "in"), tmp_path / "gwr.duckdb"
    with monkeypatch.context() as old:  # the warehouse as an older extractor left it
        for module in (flows.batch, validation.batch, flows.pipeline):
            old.setattr(module, "EXTRACTOR_VERSION", "0.0-old")
        first = gwr_pipeline([str(inbox)], RunOptions(db=db))
    assert first["docs_new"] == len(SAMPLES)
    facts = rows(db, "select doc_id, count(*) from fct_indicator_value group by all order by 1")

    upgraded = gwr_pipeline([str(inbox)], RunOptions(db=db))
    assert upgraded["docs_reextracted"] == len(SAMPLES) and upgraded["docs_unchanged"] == 0
    assert upgraded["stale_before"] == len(SAMPLES)
    assert rows(db, "select distinct extractor_version from dim_document") == [(EXTRACTOR_VERSION,)]
    assert rows(db, "select distinct extractor_version from fct_indicator_value") == [(EXTRACTOR_VERSION,)]
    assert rows(db, "select doc_id, count(*) from fct_indicator_value group by all order by 1") == facts

    rerun = gwr_pipeline([str(inbox)], RunOptions(db=db))
    assert rerun["docs_unchanged"] == len(SAMPLES) and rerun["docs_reextracted"] == 0
    # No document was parsed: no extraction or validation task ran at all.
    names = {run.name.rsplit("-", 1)[0] for run in task_runs(rerun["run_id"])}
    assert "transform_batch" not in names and "validate_batch" not in names
    assert names >= {"discover_files", "open_run", "read_batch", "load_batch", "close_run"}


def test_files_gone_are_counted_and_pruned_only_when_asked(tmp_path: Path) -> None:
    inbox, db = copy_samples(tmp_path / "in"), tmp_path / "gwr.duckdb"
    gwr_pipeline([str(inbox)], RunOptions(db=db))
    gone = inbox / SAMPLES[0].name
    gone.unlink()

    counted = gwr_pipeline([str(inbox)], RunOptions(db=db))
    assert counted["docs_missing"] == 1 and counted["docs_retired"] == 0
    assert rows(db, f"select count(*) from v_facts where doc = '{gone.name}'") != [(0,)]

    pruned = gwr_pipeline([str(inbox)], RunOptions(db=db, prune=True))
    assert pruned["docs_missing"] == 1 and pruned["docs_retired"] == 1
    assert rows(db, f"select is_current from document_path where path = '{gone}'") == [(False,)]
    assert rows(db, f"select count(*) from v_facts where doc = '{gone.name}'") == [(0,)]
    assert gwr_pipeline([str(inbox)], RunOptions(db=db))["docs_missing"] == 0


def test_a_folder_that_vanished_retires_nothing_even_with_prune(tmp_path: Path) -> None:
    """Issue 19: `--prune` on a folder moved away counted its 5 files gone and retired every fact."""
    inbox, other, db = copy_samples(tmp_path / "in"), copy_samples(tmp_path / "other"), tmp_path / "gwr.duckdb"
    gwr_pipeline([str(inbox), str(other)], RunOptions(db=db))
    inbox.rename(tmp_path / "moved-away")
    (other / SAMPLES[0].name).unlink()  # a file really removed from a folder that is still there

    pruned = gwr_pipeline([str(inbox), str(other)], RunOptions(db=db, prune=True))
    assert pruned["docs_missing"] == 1 and pruned["docs_retired"] == 1
    assert [e["message"] for e in pruned["errors"]] == [f"no such file or directory: {inbox}"]
    assert rows(db, f"select count(*) from document_path where path like '{inbox}/%' and is_current") == [
        (len(SAMPLES),)]
    assert rows(db, "select count(*) from v_facts")[0][0] > 0


def test_a_rerun_that_changed_nothing_leaves_the_snapshot_as_it_was(tmp_path: Path) -> None:
    """Nothing to do, nothing done: the snapshot is republished only when a reader would see a change."""
    inbox, db, snapshot = copy_samples(tmp_path / "in"), tmp_path / "gwr.duckdb", tmp_path / "pub" / "gwr-pub.duckdb"
    first = gwr_pipeline([str(inbox)], RunOptions(db=db, publish=snapshot))
    assert str(snapshot) in first["published"]
    assert not logged(db), "close_run left the run's log to the publish, which folded it into the file"
    published = snapshot.stat().st_mtime_ns, snapshot.stat().st_ino

    again = gwr_pipeline([str(inbox)], RunOptions(db=db, publish=snapshot))
    assert again["docs_unchanged"] == len(SAMPLES) and "not published again" in again["published"]
    assert (snapshot.stat().st_mtime_ns, snapshot.stat().st_ino) == published
    assert rows(db, "select count(*) from run_log")[0][0] == 2  # the warehouse keeps every run

    # A run that loaded without publishing leaves the snapshot behind: the next run catches it up.
    (inbox / "new.txt").write_text(SAMPLES[0].read_text(encoding="utf-8") + "\n新增一行。\n", encoding="utf-8")
    gwr_pipeline([str(inbox)], RunOptions(db=db, publish=None))
    assert not logged(db), "a run that does not publish folds its log in as it closes"
    caught_up = gwr_pipeline([str(inbox)], RunOptions(db=db, publish=snapshot))
    assert caught_up["docs_unchanged"] == len(SAMPLES) + 1 and str(snapshot) in caught_up["published"]
    assert "not published again" not in caught_up["published"]
    assert snapshot.stat().st_ino != published[1]

    # A run that loads knows the snapshot is behind: it publishes without comparing the two first.
    from flows.tasks import publish_snapshot

    current = snapshot.stat().st_ino
    assert "not published again" in publish_snapshot.fn(str(db), str(snapshot))
    assert str(snapshot) in publish_snapshot.fn(str(db), str(snapshot), behind=True)
    assert snapshot.stat().st_ino != current


def test_a_rerun_extracts_and_loads_the_changed_files_of_many_read_batches_together(tmp_path: Path) -> None:
    inbox, db = copy_samples(tmp_path / "in"), tmp_path / "gwr.duckdb"
    options = RunOptions(db=db, batch_size=2, publish=None)  # the 5 samples are read 2, 2 and 1 at a time
    cold = gwr_pipeline([str(inbox)], options)
    assert cold["docs_new"] == len(SAMPLES)

    def runs_of(summary: dict) -> list[str]:
        return sorted(run.name.rsplit("-", 1)[0] for run in task_runs(summary["run_id"]))

    assert runs_of(cold).count("transform_batch") == 3  # a batch extracts batch_size documents at most
    first, last = sorted(inbox.iterdir())[0], sorted(inbox.iterdir())[-1]  # in the first and the last read batch
    for changed in (first, last):
        changed.write_text(changed.read_text(encoding="utf-8") + "\n（修订）\n", encoding="utf-8")

    rerun = gwr_pipeline([str(inbox)], options)
    assert (rerun["docs_changed"], rerun["docs_unchanged"], rerun["docs_failed"]) == (2, 3, 0)
    names = runs_of(rerun)
    assert (names.count("read_batch"), names.count("transform_batch"), names.count("load_batch")) == (3, 1, 1)
    assert rows(db, "select count(*) from document_path where last_seen_run = "
                    f"'{rerun['run_id']}'") == [(len(SAMPLES),)]
    assert rows(db, f"select count(distinct doc) from v_facts where doc in ('{first.name}', '{last.name}')") == [(2,)]


def test_a_run_compacts_the_warehouse_as_it_closes_once_its_row_groups_pass_compact_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run's rows go into row groups of their own (warehouse.connection.NO_VACUUM); the run that finds more than
    COMPACT_AFTER beyond what the rows need merges them in close_run, folding the run's log in itself."""
    monkeypatch.setattr(warehouse.runbook, "COMPACT_AFTER", 1)
    inbox, db, snapshot = copy_samples(tmp_path / "in"), tmp_path / "gwr.duckdb", tmp_path / "pub" / "gwr-pub.duckdb"
    groups = "select count(distinct row_group_id) from pragma_storage_info('dim_document')"
    gwr_pipeline([str(inbox)], RunOptions(db=db, publish=snapshot))
    for run in (2, 3):
        (inbox / f"new-{run}.txt").write_text(SAMPLES[0].read_text(encoding="utf-8") + f"\n新增{run}。\n",
                                             encoding="utf-8")
        gwr_pipeline([str(inbox)], RunOptions(db=db, publish=snapshot))
        assert not logged(db)
        assert rows(db, groups) == [(run if run < 3 else 1,)], run
    assert rows(db, "select count(*) from dim_document") == [(len(SAMPLES) + 2,)]


def test_a_rerun_starts_its_workers_once_a_read_batch_holds_a_document_to_extract(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not once the batch is gathered and submitted: the pool starts while the other files are read."""
    inbox, db = copy_samples(tmp_path / "in"), tmp_path / "gwr.duckdb"
    gwr_pipeline([str(inbox)], RunOptions(db=db))
    read, started = [], []
    triage = flows.pipeline.triage
    monkeypatch.setattr(flows.pipeline, "triage", lambda *a: read.append(1) or triage(*a))
    start_early = flows.isolation.start_early
    monkeypatch.setattr(flows.isolation, "start_early",
                        lambda workers: started.append(len(read)) or start_early(workers))

    unchanged = gwr_pipeline([str(inbox)], RunOptions(db=db, batch_size=2))
    assert unchanged["docs_unchanged"] == len(SAMPLES) and started == []
    first = sorted(inbox.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n修订。\n", encoding="utf-8")
    read.clear()
    changed = gwr_pipeline([str(inbox)], RunOptions(db=db, batch_size=2))
    assert changed["docs_changed"] == 1 and len(read) == 3
    assert started == [1], "started as the first of three read batches was sorted"
