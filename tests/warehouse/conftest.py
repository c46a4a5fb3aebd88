"""Fixtures for warehouse tests: a real DuckDB file in tmp_path and sample-based documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.helpers import SAMPLES, processed, sync_indicators
from tests.warehouse.samples import document, fact, facts_frame, sample_text
from transforms.knowledge import lexicon
from validation.batch import check_batch
from warehouse import Warehouse, open_warehouse
from warehouse.loads import DocumentLoad


@pytest.fixture
def doc_001() -> tuple[dict[str, Any], pd.DataFrame]:
    """The 2024 Wanzhou report: two 2023 actuals and two 2024 targets."""
    text = sample_text("001_4fe08f7bbbc0cf7d.txt")
    doc = document(text, "001_4fe08f7bbbc0cf7d.txt")
    rows = [
        fact(text, "实现地区生产总值1179.4亿元", indicator="gdp", value=1179.4, value_base=1179.4e8, base_unit="元"),
        fact(text, "增长6.9%", indicator="gdp", measure="growth", value=6.9, unit="%"),
        fact(
            text, "地区生产总值增长7%", indicator="gdp", measure="growth", kind="target", year=2024, value=7.0, unit="%"
        ),
        fact(
            text,
            "社会消费品零售总额增长8%",
            indicator="retail_sales",
            measure="growth",
            kind="target",
            year=2024,
            value=8.0,
            unit="%",
        ),
    ]
    return doc, facts_frame(doc, rows)


@pytest.fixture
def doc_000() -> tuple[dict[str, Any], pd.DataFrame]:
    """The 2025 Wanzhou report: the 2024 retail-sales result."""
    text = sample_text("000_e7e210bc7a8ee60a.txt")
    doc = document(text, "000_e7e210bc7a8ee60a.txt", year=2025)
    rows = [
        fact(
            text,
            "社会消费品零售总额增长5.5%",
            indicator="retail_sales",
            measure="growth",
            year=2024,
            value=5.5,
            unit="%",
        ),
    ]
    return doc, facts_frame(doc, rows)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "wh" / "gwr.duckdb"


@pytest.fixture
def wh_lexicon() -> pd.DataFrame:
    """The indicator rows the flow syncs, from the real lexicon."""
    return pd.DataFrame(lexicon.indicator_rows())


@pytest.fixture
def wh(db_path: Path, wh_lexicon: pd.DataFrame) -> Iterator[Warehouse]:
    """An open warehouse with the lexicon synced, as the flow leaves it before loading."""
    with open_warehouse(db_path) as warehouse:
        sync_indicators(warehouse, wh_lexicon)
        yield warehouse


@pytest.fixture(scope="module")
def units() -> list[DocumentLoad]:
    """The bundled samples extracted and validated as a flow does, ready to load."""
    checked = check_batch(processed(list(SAMPLES)))
    assert not checked.rejected and len(checked.units) == len(SAMPLES)
    return checked.units
