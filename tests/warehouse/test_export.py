"""Export of v_facts: the formats analysts and score.py read."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from warehouse import Warehouse

FACT_FIELDS = ["doc", "region", "year", "period", "indicator", "measure", "kind", "value", "unit", "qualifier", "quote"]


@pytest.fixture
def loaded(wh: Warehouse, doc_001: tuple[dict[str, Any], pd.DataFrame]) -> Warehouse:
    doc, facts = doc_001
    wh.load_document("run-1", doc, ["/corpus/001_4fe08f7bbbc0cf7d.txt"], facts, None)
    return wh


def test_csv_reads_back_with_dictreader(loaded: Warehouse, tmp_path: Path) -> None:
    out = tmp_path / "out" / "facts.csv"
    assert loaded.export_facts(out) == 4
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 4
    assert set(FACT_FIELDS) <= set(rows[0])
    gdp = next(row for row in rows if row["quote"] == "实现地区生产总值1179.4亿元")
    assert (gdp["doc"], gdp["region"], gdp["year"], gdp["value"], gdp["unit"]) == (
        "001_4fe08f7bbbc0cf7d.txt",
        "万州区",
        "2023",
        "1179.4",
        "亿元",
    )
    assert not list(out.parent.glob(".*partial*"))


def test_jsonl_is_utf8_one_object_a_line(loaded: Warehouse, tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    assert loaded.export_facts(out) == 4
    text = out.read_text(encoding="utf-8")
    assert "万州区" in text and "\\u" not in text
    rows = [json.loads(line) for line in text.splitlines()]
    assert len(rows) == 4 and all(set(FACT_FIELDS) <= set(row) for row in rows)
    assert {row["value"] for row in rows} == {1179.4, 6.9, 7.0, 8.0}
    assert rows == sorted(
        rows,
        key=lambda row: (
            row["doc"],
            row["indicator"],
            row["year"],
            row["period"],
            row["measure"],
            row["kind"],
            row["raw_start"],
        ),
    )


def test_parquet_round_trips(loaded: Warehouse, tmp_path: Path) -> None:
    out = tmp_path / "facts.parquet"
    assert loaded.export_facts(out) == 4
    frame = pd.read_parquet(out)
    assert len(frame) == 4 and set(FACT_FIELDS) <= set(frame.columns)
    assert frame["year"].dtype.kind == "i" and frame["value"].dtype.kind == "f"


def test_unknown_suffix_names_the_supported_ones(loaded: Warehouse, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.csv, \.jsonl, \.parquet"):
        loaded.export_facts(tmp_path / "facts.xlsx")


def test_export_of_an_empty_warehouse_writes_a_header(wh: Warehouse, tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    assert wh.export_facts(out) == 0
    assert out.read_text(encoding="utf-8").startswith("doc,region,year,period,indicator")
