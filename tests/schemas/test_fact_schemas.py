"""The fact schemas accept a real fact and quarantine crafted bad ones with the check that failed."""

from __future__ import annotations

import pandas as pd
import pytest

from gwr.validation import split_valid
from schemas.documents import LAST_TARGET_YEAR, LAST_YEAR, DocumentRecord
from schemas.facts import ExtractedFact, LoadableFact

SENTENCE = "全年接待游客2383万人次、增长37.9%"


def good_fact(**changes: object) -> dict:
    row = {
        "doc_id": "a" * 64, "doc": "001.txt", "region": "万州区", "region_code": "500101", "year": 2023,
        "period": "FY", "indicator": "tourist_arrivals", "measure": "level", "kind": "actual",
        "value": 2383.0, "value_high": None, "unit": "万人次", "value_base": 23_830_000.0, "base_unit": "人次",
        "qualifier": "eq", "wording": "none", "quote": "接待游客2383万人次", "raw_start": 2, "raw_end": 13,
        "sentence": SENTENCE, "sentence_raw_start": 0, "sentence_raw_end": len(SENTENCE), "doc_n_chars": 60000,
    }
    row.update(changes)
    return row


BAD = {
    "unknown indicator": dict(indicator="gdp_per_hamster"),
    "unknown unit": dict(unit="斗"),
    "growth over 100 %": dict(measure="growth", unit="%", value=180.0, value_base=180.0, base_unit="%"),
    "negative amount level": dict(value=-5.0, value_base=-5e4),
    "year before 1949": dict(year=1911),
    "year after next year": dict(year=2999),
    "an actual for a future year": dict(year=LAST_YEAR + 1),
    "a target beyond any plan": dict(kind="target", year=LAST_TARGET_YEAR + 1),
    "offsets beyond the text": dict(raw_start=59990, raw_end=60010),
    "empty quote": dict(quote=""),
    "unparseable value": dict(value="lots"),
    "bad period": dict(period="sometime"),
    "bad kind": dict(kind="wish"),
    "share above 100": dict(measure="share", unit="%", value=130.0, value_base=130.0, base_unit="%"),
    "inverted range": dict(value_high=1000.0),
}


def validate(rows: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    shaped, bad_shape = split_valid(ExtractedFact, pd.DataFrame(rows), stage="extract")
    loadable, bad = split_valid(LoadableFact, shaped, stage="validate")
    return loadable, pd.concat([bad_shape, bad], ignore_index=True)


def test_a_real_fact_passes() -> None:
    loadable, quarantine = validate([good_fact()])
    assert len(loadable) == 1 and quarantine.empty


@pytest.mark.parametrize("changes", BAD.values(), ids=BAD.keys())
def test_a_bad_row_is_quarantined_and_the_good_row_still_loads(changes: dict) -> None:
    loadable, quarantine = validate([good_fact(), good_fact(**changes)])
    assert len(loadable) == 1
    assert loadable.iloc[0]["value"] == 2383.0
    assert len(quarantine) == 1
    row = quarantine.iloc[0]
    assert row["check_name"] and row["row_json"].startswith("{")
    assert row["doc_id"] == "a" * 64


def test_a_five_year_plan_target_loads() -> None:
    loadable, quarantine = validate([good_fact(kind="target", year=LAST_YEAR + 4)])
    assert len(loadable) == 1 and quarantine.empty


def test_quarantine_names_the_failed_check() -> None:
    _, quarantine = validate([good_fact(year=1911)])
    assert "greater_than_or_equal_to(1949)" in quarantine.iloc[0]["check_name"]


def test_document_record_rejects_a_bad_year_and_report_type() -> None:
    doc = {"path": "/x/a.txt", "doc": "a.txt", "sha256": "b" * 64, "size": 10, "encoding": "utf-8",
           "source_format": "text", "n_chars": 10, "n_clean_chars": 9, "n_sections": 1, "n_sentences": 1,
           "title": None, "region": "万州区", "region_code": "500101", "year": 2024, "report_type": "news"}
    ok, bad = split_valid(DocumentRecord, pd.DataFrame([doc]), stage="extract")
    assert len(ok) == 1 and bad.empty
    ok, bad = split_valid(DocumentRecord, pd.DataFrame([{**doc, "year": 1800, "report_type": "poem"}]),
                          stage="extract")
    assert ok.empty and len(bad) == 1
    assert "isin" in bad.iloc[0]["check_name"] and "greater_than_or_equal_to" in bad.iloc[0]["check_name"]
