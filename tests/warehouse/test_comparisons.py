"""Comparisons that compare: units across bases, pairs that cannot or should not be trusted, rounding that is
no conflict, and the dates and roll-ups every view of facts carries."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pandas as pd
import pytest

from tests.helpers import load_document, run_data_tests, sync_regions
from tests.warehouse.samples import document, fact, facts_frame
from warehouse import Warehouse

UNITS: dict[str, tuple[str, float]] = {
    "%": ("%", 1), "人": ("人", 1), "万人": ("人", 1e4), "亿元": ("元", 1e8), "万亿元": ("元", 1e12),
    "亿美元": ("美元", 1e8), "亿斤": ("斤", 1e8), "万吨": ("吨", 1e4), "亿吨": ("吨", 1e8),
}
# 2022: the targets; 2023: the results, and the figures two sources give.
TARGETS = "粮食产量80亿斤。进出口总额855亿元。城镇新增就业3500人。"
RESULTS = ("粮食产量419万吨。进出口总额2300亿美元。城镇新增就业2.2万人。进出口总额3251亿美元。地区生产总值4.2万亿元。"
           "地区生产总值3.62万亿元。粮食产量3.6亿吨。粮食产量4亿吨。")
LATER = "进出口总额3252亿美元。地区生产总值42370.4亿元。地区生产总值3.68万亿元。粮食产量8000亿斤。粮食总产8000亿斤。"


def f(text: str, quote: str, indicator: str, value: float, unit: str, year: int, **fields: Any) -> dict[str, Any]:
    base, factor = UNITS[unit]
    row = dict(region="重庆市", region_code="500000", year=year, measure="level", kind="actual", indicator=indicator,
               value=value, unit=unit, value_base=value * factor, base_unit=base)
    row.update(fields)
    return fact(text, quote, **row)


def load(wh: Warehouse, text: str, report_year: int, rows: list[dict[str, Any]]) -> None:
    name = hashlib.sha256(text.encode()).hexdigest()[:8] + ".txt"
    doc = document(text, name, region="重庆市", region_code="500000", year=report_year)
    load_document(wh, "run-1", doc, [f"/corpus/{name}"], facts_frame(doc, rows), None)


@pytest.fixture
def compared(wh: Warehouse) -> Warehouse:
    sync_regions(wh, pd.DataFrame({"name": ["重庆市"], "adcode": ["500000"], "level": ["province"],
                                   "parent_adcode": [None], "parent_name": [None]}))
    target = {"kind": "target", "year": 2022}
    load(wh, TARGETS, 2022, [
        f(TARGETS, "粮食产量80亿斤", "grain_output", 80, "亿斤", **target),
        f(TARGETS, "进出口总额855亿元", "import_export", 855, "亿元", **target),
        f(TARGETS, "城镇新增就业3500人", "urban_new_jobs", 3500, "人", **target),
    ])
    load(wh, RESULTS, 2023, [
        f(RESULTS, "粮食产量419万吨", "grain_output", 419, "万吨", 2022),
        f(RESULTS, "进出口总额2300亿美元", "import_export", 2300, "亿美元", 2022),
        f(RESULTS, "城镇新增就业2.2万人", "urban_new_jobs", 2.2, "万人", 2022),
        f(RESULTS, "进出口总额3251亿美元", "import_export", 3251, "亿美元", 2021),
        f(RESULTS, "地区生产总值4.2万亿元", "gdp", 4.2, "万亿元", 2021),
        f(RESULTS, "地区生产总值3.62万亿元", "gdp", 3.62, "万亿元", 2020),
        f(RESULTS, "粮食产量3.6亿吨", "grain_output", 3.6, "亿吨", 2021),
        f(RESULTS, "粮食产量4亿吨", "grain_output", 4, "亿吨", 2020),
    ])
    load(wh, LATER, 2024, [
        f(LATER, "进出口总额3252亿美元", "import_export", 3252, "亿美元", 2021),
        f(LATER, "地区生产总值42370.4亿元", "gdp", 42370.4, "亿元", 2021),
        f(LATER, "地区生产总值3.68万亿元", "gdp", 3.68, "万亿元", 2020),
        f(LATER, "粮食产量8000亿斤", "grain_output", 8000, "亿斤", 2021),
        f(LATER, "粮食总产8000亿斤", "grain_output", 8000, "亿斤", 2020),
    ])
    return wh


def pair(wh: Warehouse, indicator: str) -> dict[str, Any]:
    columns, rows = wh.query("select * from v_target_vs_actual where indicator = ?", [indicator])
    assert len(rows) == 1
    return dict(zip(columns, rows[0], strict=True))


def test_a_target_in_jin_is_compared_with_a_result_in_tonnes(compared: Warehouse) -> None:
    grain = pair(compared, "grain_output")  # 419 万吨 = 83.8 亿斤 against 80 亿斤
    assert (grain["comparable"], grain["met"], grain["incomparable_reason"]) == (True, True, None)
    assert grain["actual_in_target_unit"] == pytest.approx(83.8) and grain["gap"] == pytest.approx(3.8)
    assert (grain["actual_to_target"], grain["plausibility"]) == (1.0475, "plausible")


def test_units_without_a_rate_are_not_comparable_and_say_why(compared: Warehouse) -> None:
    trade = pair(compared, "import_export")  # 亿元 against 亿美元: no fixed rate
    assert (trade["comparable"], trade["met"], trade["gap"], trade["plausibility"]) == (
        False, None, None, "not_comparable")
    assert "亿元" in trade["incomparable_reason"] and "亿美元" in trade["incomparable_reason"]
    unexplained = compared.query("select count(*) from v_target_vs_actual where met is null and comparable")[1]
    assert unexplained == [(0,)]


def test_a_result_six_times_its_target_is_implausible(compared: Warehouse) -> None:
    jobs = pair(compared, "urban_new_jobs")  # 3,500 jobs set, 22,000 reported: two different figures
    assert (jobs["comparable"], jobs["met"], jobs["plausibility"]) == (True, True, "implausible")
    assert jobs["actual_to_target"] == pytest.approx(22000 / 3500, abs=1e-4)


def test_conflicts_leave_out_what_rounding_explains_and_compare_jin_with_tonnes(compared: Warehouse) -> None:
    rows = compared.query("select indicator, year, value, unit, value_compared, unit_compared from v_conflicts "
                          "order by indicator, year, value")[1]
    # 3251 / 3252 亿美元 and 4.2 万亿元 / 42,370.4 亿元 agree to their digits; 4 亿吨 is 8,000 亿斤.
    assert [(indicator, year, value, unit) for indicator, year, value, unit, _, _ in rows] == [
        ("gdp", 2020, 3.62, "万亿元"), ("gdp", 2020, 3.68, "万亿元"),
        ("grain_output", 2021, 3.6, "亿吨"), ("grain_output", 2021, 8000, "亿斤"),
    ]
    assert {unit for *_, unit in rows if _[0] == "grain_output"} == {"吨"}
    assert [compared_ for indicator, _, _, _, compared_, _ in rows if indicator == "grain_output"] == [
        pytest.approx(3.6e8), pytest.approx(4e8)]
    assert set(run_data_tests(compared).values()) == {0}


def test_every_fact_carries_its_period_dates_and_its_region_roll_ups(compared: Warehouse) -> None:
    columns = "period_start, period_end, region_level, province_code, province_name, prefecture_code"
    for view in ("v_facts", "v_latest_facts", "v_cube", "v_indicator_series", "v_target_vs_actual"):
        rows = set(compared.query(f"select {columns} from {view} where year = 2022")[1])
        assert rows == {(dt.date(2022, 1, 1), dt.date(2022, 12, 31), "province", "500000", "重庆市", None)}, view
