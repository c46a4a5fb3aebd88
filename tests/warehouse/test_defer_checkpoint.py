"""A run's batches leave their commits in the write-ahead log (`open_warehouse(defer_checkpoint=True)`),
and only its last writer folds them into the file: readers, the published snapshot, a run killed
between batches and the run after it lose nothing.

The documents are the bundled samples, extracted and validated as a flow does; every warehouse is a
real DuckDB file.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from flows import dimensions
from tests.helpers import gwr, run_data_tests
from tests.warehouse.test_connection import holder
from warehouse import Warehouse, open_warehouse
from warehouse.loads import DocumentLoad
from warehouse.publish import publish, wal_of

# A run that loads all but the last document, a batch each, with deferred checkpoints, then dies by
# SIGKILL: between batches (no connection open), or in the middle of the next batch's transaction,
# after it has deleted the facts of a document that is only in the log.
DIE_AFTER_DEFERRED_BATCHES = """
import pickle, sys, time
from pathlib import Path
import pandas as pd
from warehouse import open_warehouse
db, units, when = Path(sys.argv[1]), pickle.loads(Path(sys.argv[2]).read_bytes()), sys.argv[3]
from flows import dimensions
with open_warehouse(db, defer_checkpoint=True) as wh:
    wh.sync_dimensions(*dimensions.dimension_frames(), dimensions.knowledge_fingerprint())
for unit in units[:-1]:
    with open_warehouse(db, defer_checkpoint=True) as wh:
        wh.load_documents("run-killed", [unit])
if when == "during":
    with (open_warehouse(db, defer_checkpoint=True) as wh,
          wh._registered(incoming_documents=pd.DataFrame({"doc_id": [units[0].doc_id]})), wh._transaction()):
        wh._run("dml_delete_batch_facts")
        print("ready", flush=True)
        time.sleep(60)
print("ready", flush=True)
time.sleep(60)
"""


def load_deferred(db: Path, units: list[DocumentLoad]) -> int:
    """Sync the dimensions, then load each document as its own batch, each in its own deferred opening, as a
    run's open_run and load_batch calls do."""
    with open_warehouse(db, defer_checkpoint=True) as wh:
        wh.sync_dimensions(*dimensions.dimension_frames(), dimensions.knowledge_fingerprint())
    facts = 0
    for unit in units:
        with open_warehouse(db, defer_checkpoint=True) as wh:
            facts += wh.load_documents("run-1", [unit]).facts
    return facts


def holdings(wh: Warehouse) -> tuple[int, int, set[str]]:
    """(facts, documents, documents' ids) in the warehouse, and every data test's failing rows must be none."""
    assert set(run_data_tests(wh).values()) == {0}
    (facts,), (docs,) = wh.query("select count(*) from fct_indicator_value")[1][0], \
        wh.query("select count(*) from dim_document")[1][0]
    ids = {doc_id for (doc_id,) in wh.query("select doc_id from dim_document")[1]}
    return facts, docs, ids


def test_a_reader_sees_the_commits_still_in_the_log_and_the_last_writer_folds_them_in(
    tmp_path: Path, units: list[DocumentLoad]
) -> None:
    db = tmp_path / "gwr.duckdb"
    facts = load_deferred(db, units)
    assert facts > 0
    assert wal_of(db).stat().st_size > 0, "the commits were left in the log"
    with open_warehouse(db, read_only=True) as reader:  # what `gwr query`, `export` and `report` open
        assert holdings(reader) == (facts, len(units), {u.doc_id for u in units})
    assert wal_of(db).stat().st_size > 0, "a reader does not fold the log in"
    with open_warehouse(db) as last:  # close_run: a writer that does not defer
        last.start_run("run-2", None, {})
    assert not wal_of(db).exists() or wal_of(db).stat().st_size == 0
    with open_warehouse(db, read_only=True) as reader:
        assert holdings(reader)[:2] == (facts, len(units))


def test_the_published_snapshot_holds_every_fact_even_before_the_log_is_folded_in(
    tmp_path: Path, units: list[DocumentLoad]
) -> None:
    db = tmp_path / "gwr.duckdb"
    facts = load_deferred(db, units)
    assert wal_of(db).stat().st_size > 0
    done = publish(db, tmp_path / "bi" / "gwr_published.duckdb")
    with open_warehouse(done.snapshot, read_only=True) as snapshot:
        assert holdings(snapshot) == (facts, len(units), {u.doc_id for u in units})
    with open_warehouse(db) as last:
        last.start_run("run-2", None, {})
    done = publish(db, done.snapshot)  # the order a run keeps: close_run, then publish
    with open_warehouse(done.snapshot, read_only=True) as snapshot:
        assert holdings(snapshot)[:2] == (facts, len(units))
    assert not list(done.snapshot.parent.glob("*.wal"))


def test_a_publish_left_the_log_folds_it_into_the_file_while_it_copies(
    tmp_path: Path, units: list[DocumentLoad]
) -> None:
    db = tmp_path / "gwr.duckdb"
    facts = load_deferred(db, units)  # a run's batches, and a close_run that left the log to the publish
    assert wal_of(db).stat().st_size > 0
    done = publish(db, tmp_path / "bi" / "gwr_published.duckdb", fold_log=True)
    assert not wal_of(db).exists() or wal_of(db).stat().st_size == 0, "the publish folded the log into the file"
    with open_warehouse(done.snapshot, read_only=True) as snapshot:
        assert holdings(snapshot) == (facts, len(units), {u.doc_id for u in units})
    with open_warehouse(db, read_only=True) as reader:
        assert holdings(reader) == (facts, len(units), {u.doc_id for u in units})


# Reads the main file read-only without gwr's lock, like a BI tool pointed at it, until killed.
READ_WITH_DUCKDB = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
con.execute("select count(*) from fct_indicator_value").fetchall()
print("ready", flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("reader", ["gwr", pytest.param("another program", marks=pytest.mark.slow)])
def test_a_publish_beside_a_reader_reads_beside_it_and_leaves_the_log_to_the_next_writer(
    tmp_path: Path, units: list[DocumentLoad], reader: str
) -> None:
    db = tmp_path / "gwr.duckdb"
    facts = load_deferred(db, units)
    logged = wal_of(db).stat().st_size
    with (open_warehouse(db, read_only=True) if reader == "gwr" else holder(READ_WITH_DUCKDB, str(db))):
        done = publish(db, tmp_path / "bi" / "gwr_published.duckdb", fold_log=True)  # neither waits for the other
    assert wal_of(db).stat().st_size == logged, "the reader's file was not written under it"
    with open_warehouse(done.snapshot, read_only=True) as snapshot:
        assert holdings(snapshot) == (facts, len(units), {u.doc_id for u in units})
    with open_warehouse(db) as next_writer:
        next_writer.start_run("run-2", None, {})
    assert not wal_of(db).exists() or wal_of(db).stat().st_size == 0


@pytest.mark.slow  # starts a process and kills it, and runs the gwr command
@pytest.mark.parametrize("when", ["between", "during"])
def test_a_run_killed_after_deferred_batches_loses_none_of_them(
    tmp_path: Path, units: list[DocumentLoad], when: str
) -> None:
    db, pickled = tmp_path / "gwr.duckdb", tmp_path / "units.pickle"
    pickled.write_bytes(pickle.dumps(units))
    kept = units[:-1]
    with holder(DIE_AFTER_DEFERRED_BATCHES, str(db), str(pickled), when):
        pass
    assert wal_of(db).stat().st_size > 0, "the killed run's batches are only in the log"
    with open_warehouse(db, read_only=True) as reader:
        facts, docs, ids = holdings(reader)
    assert (docs, ids) == (len(kept), {u.doc_id for u in kept}) and facts > 0
    with open_warehouse(db, read_only=True) as reader:
        (first,) = reader.query("select count(*) from fct_indicator_value where doc_id = ?", [units[0].doc_id])[1][0]
    assert first == len(units[0].facts) > 0, "the killed transaction's delete left nothing"
    query = gwr("query", "select count(*) as n from fct_indicator_value", "--db", str(db), "--format", "csv")
    assert query.returncode == 0, query.stderr
    assert query.stdout.split() == ["n", str(facts)]
    with open_warehouse(db) as next_run:  # the next run replays the log, then folds it in when it closes
        assert holdings(next_run) == (facts, docs, ids)
        next_run.load_documents("run-2", units[-1:])
    assert not wal_of(db).exists() or wal_of(db).stat().st_size == 0
    with open_warehouse(db, read_only=True) as reader:
        assert holdings(reader)[1:] == (len(units), {u.doc_id for u in units})
