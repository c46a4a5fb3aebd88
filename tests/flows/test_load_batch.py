"""The load task through Prefect's real local API: a document the warehouse refuses fails alone, once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from prefect import flow
from prefect.utilities.annotations import quote

from flows.batch import Triage
from flows.tasks import Loaded, load_batch, validate_batch
from tests.helpers import SAMPLES, processed
from warehouse import open_warehouse

pytestmark = pytest.mark.slow  # runs a flow through Prefect


@flow
def validate_and_load(db: str, files: list[str]) -> Loaded:
    """Extract, validate and load one batch of files, as the pipeline does, the second refused by the warehouse."""
    checked = validate_batch(quote(processed([Path(f) for f in files])))
    batch = checked.load
    facts = batch.facts.astype({"indicator": object})
    first = facts.index[facts["doc_id"] == batch.doc_ids[1]][0]
    facts.loc[first, "indicator"] = None  # NOT NULL: only the database sees it
    return load_batch(db, 10, "run-1", quote(replace(batch, facts=facts)), Triage(), checked.failures)


def test_a_document_the_warehouse_refuses_fails_alone_and_the_batch_loads(tmp_path: Path) -> None:
    documents = processed(list(SAMPLES))
    db = tmp_path / "gwr.duckdb"
    loaded = validate_and_load(str(db), [str(p) for p in SAMPLES])

    refused = documents[1].source
    failed = [(f.path, f.stage, f.error_class) for f in loaded.failures]
    assert failed == [(refused.path, "load", "ConstraintException")]
    assert loaded.docs_loaded == {p.source.sha256 for p in documents} - {refused.sha256}
    with open_warehouse(db) as wh:
        assert wh.query("select path, stage from ingest_errors")[1] == [(refused.path, "load")]
        assert wh.query("select count(*) from dim_document")[1] == [(len(SAMPLES) - 1,)]
        assert wh.query("select count(*) from fct_indicator_value where doc_id = ?", [refused.sha256])[1] == [(0,)]
        assert wh.query("select count(*) from fct_indicator_value")[1] == [(loaded.facts_loaded,)]
