"""The fact schemas accept a real fact and quarantine crafted bad ones with the check that failed."""

from __future__ import annotations

import pandas as pd
import pytest

from schemas.documents import LAST_TARGET_YEAR, LAST_YEAR, DocumentRecord
from validation.facts import validate_facts
from validation.split import split_valid

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
    "GDP growth over 300 %": dict(indicator="gdp", measure="growth", unit="%", value=350.0, value_base=350.0,
                                  base_unit="%"),
    "GDP growth below -100 %": dict(indicator="gdp", measure="growth", unit="%", value=-120.0, value_base=-120.0,
                                    base_unit="%"),
    "CPI rise beyond its own range": dict(indicator="cpi", measure="growth", unit="%", value=150.0, value_base=150.0,
                                          base_unit="%"),
    "range end beyond the growth range": dict(indicator="gdp", measure="growth", unit="%", value=5.0, value_high=400.0,
                                              value_base=5.0, base_unit="%"),
    "infinite value": dict(value=float("inf"), value_base=float("inf")),
    "infinite base value": dict(value_base=float("-inf")),
    "unemployment rate of 150 %": dict(indicator="urban_unemployment_rate", unit="%", value=150.0, value_base=150.0,
                                       base_unit="%"),
    "negative rate": dict(indicator="urbanization_rate", unit="%", value=-3.0, value_base=-3.0, base_unit="%"),
    "level beyond its unit's span": dict(indicator="gdp", unit="亿元", value=1e23, value_base=1e31, base_unit="元"),
    "pp change beyond 100 points": dict(measure="pp_change", unit="个百分点", value=180.0, value_base=180.0,
                                        base_unit="个百分点"),
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
    return validate_facts(pd.DataFrame(rows))


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


def test_tourism_may_grow_tenfold_by_its_lexicon_row() -> None:
    loadable, _ = validate([good_fact(measure="growth", unit="%", value=350.0, value_base=350.0, base_unit="%")])
    assert len(loadable) == 1


def test_a_real_growth_above_100_percent_loads() -> None:
    # 001_4fe08f7bbbc0cf7d.txt: 实现工业税收21.5亿元、增长106.3%
    loadable, quarantine = validate([good_fact(indicator="industrial_tax", measure="growth", unit="%", value=106.3,
                                               value_base=106.3, base_unit="%")])
    assert len(loadable) == 1 and quarantine.empty


def test_ranges_come_from_the_lexicon() -> None:
    from transforms.knowledge import lexicon

    assert lexicon.indicators()["cpi"].growth_max == 100  # so 150 % above is the CPI's own bound, not the default
    assert lexicon.units()["亿元"].level_max * 1 < 1e31


def test_a_five_year_plan_target_loads() -> None:
    loadable, quarantine = validate([good_fact(kind="target", year=LAST_YEAR + 4)])
    assert len(loadable) == 1 and quarantine.empty


def test_quarantine_names_the_failed_check() -> None:
    _, quarantine = validate([good_fact(year=1911)])
    assert "greater_than_or_equal_to(1949)" in quarantine.iloc[0]["check_name"]


def test_document_record_rejects_a_bad_year_and_report_type() -> None:
    doc = {"path": "/x/a.txt", "doc": "a.txt", "sha256": "b" * 64, "size": 10, "encoding": "utf-8",
           "source_format": "text", "n_chars": 10, "n_clean_chars": 9, "n_sections": 1, "n_sentences": 1,
           "title": None, "region": "万州区", "region_code": "500101", "year": 2024, "report_type": "news",
           "published": "2024-01-05"}
    ok, bad = split_valid(DocumentRecord, pd.DataFrame([doc]), stage="extract")
    assert len(ok) == 1 and bad.empty
    ok, bad = split_valid(DocumentRecord, pd.DataFrame([{**doc, "year": 1800, "report_type": "poem"}]),
                          stage="extract")
    assert ok.empty and len(bad) == 1
    assert "isin" in bad.iloc[0]["check_name"] and "greater_than_or_equal_to" in bad.iloc[0]["check_name"]


def test_different_values_for_one_figure_in_one_document_are_all_quarantined() -> None:
    growth = dict(indicator="gdp", measure="growth", unit="%", base_unit="%")
    rows = [good_fact(**growth, value=v, value_base=v, raw_start=2 + i, raw_end=13 + i)
            for i, v in enumerate([5.5, 6.1, 7.2, 8.3])]
    other_doc = good_fact(**growth, value=5.5, value_base=5.5, doc_id="b" * 64)
    loadable, quarantine = validate([*rows, other_doc, good_fact()])
    assert sorted(loadable["value"]) == [5.5, 2383.0]  # the other document's GDP and the tourist figure
    assert len(quarantine) == 4 and set(quarantine["check_name"]) == {"conflict: one document gives this figure "
                                                                     "several different values"}
    reason = quarantine.set_index(quarantine["failure_case"].str.split(",").str[0])["failure_case"]
    assert reason["5.5 %"] == "5.5 %, where the same document also gives 6.1 %, 7.2 %, 8.3 %"


def test_one_figure_stated_twice_or_in_other_units_is_no_conflict() -> None:
    level = dict(indicator="gdp", measure="level", base_unit="元")
    rows = [
        good_fact(**level, unit="万亿元", value=1.2, value_base=1.2e12, raw_start=2, raw_end=8),
        good_fact(**level, unit="亿元", value=12000.0, value_base=1.2e12, raw_start=20, raw_end=30),
        good_fact(**level, unit="亿元", value=12000.0, value_base=1.2e12, raw_start=40, raw_end=50),
    ]
    loadable, quarantine = validate(rows)
    assert len(loadable) == 3 and quarantine.empty
