"""The SQL data tests pass on good loads and fail on the bad rows they exist to catch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from warehouse import Warehouse
from warehouse.sqlfiles import data_tests

BAD_ROWS = Path(__file__).parent / "bad_rows"


@pytest.fixture
def loaded(wh: Warehouse, doc_001: tuple[dict[str, Any], pd.DataFrame]) -> Warehouse:
    doc, facts = doc_001
    wh.start_run("run-1", None, {})
    wh.load_document("run-1", doc, ["/corpus/001.txt"], facts, None)
    wh.finish_run("run-1", "completed", {"facts_loaded": len(facts)})
    return wh


def test_good_loads_pass_every_data_test(loaded: Warehouse) -> None:
    assert loaded.run_data_tests() == dict.fromkeys(data_tests(), 0)


def test_every_data_test_has_a_bad_row_fixture() -> None:
    assert {path.stem for path in BAD_ROWS.glob("assert_*.sql")} == set(data_tests())


@pytest.mark.parametrize("name", sorted(data_tests()))
def test_data_test_catches_its_bad_row(loaded: Warehouse, name: str) -> None:
    loaded.query((BAD_ROWS / f"{name}.sql").read_text(encoding="utf-8"))
    assert loaded.run_data_tests()[name] > 0
