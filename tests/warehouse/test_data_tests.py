"""The SQL data tests pass on good loads and fail on the bad rows they exist to catch.

Bad rows are written with a plain DuckDB connection, as another program could, because gwr's
own connections refuse to write anything but loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from tests.helpers import load_document, run_data_tests, sync_indicators
from warehouse import open_warehouse
from warehouse.sqlfiles import data_tests

BAD_ROWS = Path(__file__).parent / "bad_rows"


@pytest.fixture
def loaded(db_path: Path, wh_lexicon: pd.DataFrame, doc_001: tuple[dict[str, Any], pd.DataFrame],
           doc_000: tuple[dict[str, Any], pd.DataFrame]) -> Path:
    """A closed warehouse holding two sample documents, a finished run and a warning."""
    with open_warehouse(db_path) as wh:
        sync_indicators(wh, wh_lexicon)
        wh.start_run("run-1", None, {})
        for doc, facts in (doc_001, doc_000):
            load_document(wh, "run-1", doc, [f"/corpus/{doc['doc']}"], facts, None)
        wh.record_warning("run-1", "/corpus/001.txt", doc_001[0]["doc_id"], "decode", "page 2 has no text layer")
        wh.finish_run("run-1", "completed", {"facts_loaded": 5})
    return db_path


def test_good_loads_pass_every_data_test(loaded: Path) -> None:
    with open_warehouse(loaded, read_only=True) as wh:
        assert run_data_tests(wh) == dict.fromkeys(data_tests(), 0)


def test_every_data_test_has_a_bad_row_fixture() -> None:
    assert {path.stem for path in BAD_ROWS.glob("assert_*.sql")} == set(data_tests())


@pytest.mark.parametrize("name", sorted(data_tests()))
def test_data_test_catches_its_bad_row(loaded: Path, name: str) -> None:
    con = duckdb.connect(str(loaded))
    try:
        con.execute((BAD_ROWS / f"{name}.sql").read_text(encoding="utf-8"))
        assert len(con.execute(data_tests()[name]).fetchall()) > 0
    finally:
        con.close()
