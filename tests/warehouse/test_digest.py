"""The digest that decides whether a run republishes: equal for a snapshot just published, blind to what every
run writes (its run_log row, the paths' last-seen time), and changed by anything a reader would see."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.helpers import SAMPLES, processed, sync_indicators
from transforms.knowledge import lexicon
from validation.batch import check_batch
from warehouse import open_warehouse
from warehouse.digest import file_digest
from warehouse.loads import BatchLoad
from warehouse.publish import publish


@pytest.fixture(scope="module")
def checked() -> BatchLoad:
    return check_batch(processed(list(SAMPLES))).load


def digest(db: Path) -> dict:
    with open_warehouse(db, read_only=True) as wh:
        return wh.content_digest()


def test_a_snapshot_is_current_until_a_reader_would_see_a_change(tmp_path: Path, checked: BatchLoad) -> None:
    db, snapshot = tmp_path / "gwr.duckdb", tmp_path / "gwr-published.duckdb"
    first, last = checked.select(list(range(len(checked) - 1))), checked.select([len(checked) - 1])
    with open_warehouse(db) as wh:
        sync_indicators(wh, pd.DataFrame(lexicon.indicator_rows()))  # as a run does: the snapshot declares the keys
        wh.start_run("run-1", None, {})
        wh.load_batch("run-1", first)
        wh.finish_run("run-1", "completed", {"docs_new": len(first)})
    publish(db, snapshot)
    assert file_digest(snapshot) == digest(db)
    assert {"dim_document", "fct_indicator_value", "document_path", "quarantine"} <= set(digest(db))
    assert "run_log" not in digest(db)

    # A rerun over the same files: a run_log row and every path seen again, nothing a reader sees.
    with open_warehouse(db) as wh:
        wh.start_run("run-2", None, {})
        wh.record_paths_seen("run-2", [(paths[0], doc_id) for doc_id, paths in zip(first.doc_ids, first.paths,
                                                                                    strict=True)])
        wh.finish_run("run-2", "completed", {"docs_unchanged": len(first)})
    assert file_digest(snapshot) == digest(db)

    with open_warehouse(db) as wh:  # one more document
        wh.load_batch("run-3", last)
    assert file_digest(snapshot) != digest(db)
    publish(db, snapshot)
    assert file_digest(snapshot) == digest(db)

    with open_warehouse(db) as wh:  # a file gone, pruned
        wh.retire_paths("run-4", [last.paths[0][0]])
    assert file_digest(snapshot) != digest(db)


def test_no_snapshot_or_an_unreadable_one_has_no_digest(tmp_path: Path) -> None:
    assert file_digest(tmp_path / "none.duckdb") is None
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database" * 100)
    assert file_digest(junk) is None
