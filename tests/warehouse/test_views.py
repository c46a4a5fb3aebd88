"""The economist's views on crafted documents: pairing, direction, qualifiers, tolerance, sources."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from tests.helpers import load_document, run_data_tests
from tests.warehouse.samples import document, fact, facts_frame
from warehouse import Warehouse

# One report per year; each sentence holds the quotes the facts below point at.
REPORT_2025 = (
    "2024年城镇调查失业率5.1%。地区生产总值增长5.8%。规上工业总产值1.1万亿元。居民消费价格上涨0.4%。"
    "单位地区生产总值能耗降低4.0%。预计全年社会消费品零售总额增长4.8%。进出口总额增长3%。"
)
REPORT_2024 = (
    "今年城镇调查失业率5.5%左右。地区生产总值增长6%左右。规上工业总产值12000亿元。居民消费价格涨幅3%左右。"
    "单位地区生产总值能耗降低2.5%左右。社会消费品零售总额增长6%。全年目标增长5%。"
)
REPORT_2025_NEWS = "地区生产总值增长6.1%。"


def doc(text: str, year: int, report_type: str = "work_report") -> dict[str, Any]:
    name = hashlib.sha256(text.encode()).hexdigest()[:8] + ".txt"
    return document(text, name, region="全国", region_code=None, year=year, report_type=report_type)


def f(text: str, quote: str, indicator: str, value: float, unit: str = "%", **fields: Any) -> dict[str, Any]:
    factor = {"%": 1, "亿元": 1e8, "万亿元": 1e12}[unit]
    base = "元" if unit != "%" else "%"
    row = dict(region="全国", region_code=None, year=2024, measure="growth", kind="actual", indicator=indicator,
               value=value, unit=unit, value_base=value * factor, base_unit=base)
    row.update(fields)
    return fact(text, quote, **row)


@pytest.fixture
def views(wh: Warehouse) -> Warehouse:
    t25, t24, news = REPORT_2025, REPORT_2024, REPORT_2025_NEWS
    results = [
        f(t25, "城镇调查失业率5.1%", "urban_unemployment_rate", 5.1, measure="level"),
        f(t25, "地区生产总值增长5.8%", "gdp", 5.8),
        f(t25, "规上工业总产值1.1万亿元", "industry_output_above_scale", 1.1, "万亿元", measure="level"),
        f(t25, "居民消费价格上涨0.4%", "cpi", 0.4),
        f(t25, "单位地区生产总值能耗降低4.0%", "energy_intensity", -4.0),
        f(t25, "社会消费品零售总额增长4.8%", "retail_sales", 4.8, kind="forecast"),
        f(t25, "进出口总额增长3%", "import_export", 3.0),
    ]
    target = dict(kind="target", qualifier="approx", wording="soft")
    targets = [
        f(t24, "城镇调查失业率5.5%左右", "urban_unemployment_rate", 5.5, measure="level", **target),
        f(t24, "地区生产总值增长6%左右", "gdp", 6.0, **target),
        f(t24, "规上工业总产值12000亿元", "industry_output_above_scale", 12000.0, "亿元", measure="level",
          kind="target"),
        f(t24, "居民消费价格涨幅3%左右", "cpi", 3.0, **target),
        f(t24, "单位地区生产总值能耗降低2.5%左右", "energy_intensity", -2.5, **target),
        f(t24, "社会消费品零售总额增长6%", "retail_sales", 6.0, kind="target"),
        f(t24, "全年目标增长5%", "fixed_asset_investment", 5.0, kind="target"),
    ]
    revision = [f(news, "地区生产总值增长6.1%", "gdp", 6.1)]
    for text, year, rows, kind in ((t25, 2025, results, "work_report"), (t24, 2024, targets, "work_report"),
                                   (news, 2025, revision, "news")):
        d = doc(text, year, kind)
        load_document(wh, "run-1", d, [f"/corpus/{d['doc']}"], facts_frame(d, rows), None)
    return wh


def pairs(wh: Warehouse) -> dict[str, dict[str, Any]]:
    columns, rows = wh.query("select * from v_target_vs_actual")
    return {row["indicator"]: row for row in (dict(zip(columns, r, strict=True)) for r in rows)}


def test_down_indicators_are_met_below_their_target(views: Warehouse) -> None:
    got = pairs(views)
    unemployment = got["urban_unemployment_rate"]
    assert (unemployment["direction"], unemployment["met"], unemployment["gap"]) == ("down", True, -0.4)
    assert got["cpi"]["met"] is True  # prices rose 0.4 % against a ceiling of about 3 %
    assert got["energy_intensity"]["met"] is True  # fell 4.0 % where 2.5 % was the goal


def test_an_approximate_target_is_met_within_its_tolerance(views: Warehouse) -> None:
    gdp = pairs(views)["gdp"]
    # 5.8 (the work report; the 6.1 news item is the later-ranked source) against 6 %左右
    assert (gdp["actual_value"], gdp["met"], gdp["met_within_tolerance"], gdp["tolerance"]) == (5.8, False, True, 0.5)
    assert gdp["gap"] == pytest.approx(-0.2)


def test_a_level_is_compared_in_the_targets_unit(views: Warehouse) -> None:
    output = pairs(views)["industry_output_above_scale"]
    assert (output["target_unit"], output["actual_unit"], output["met"]) == ("亿元", "万亿元", False)
    assert output["gap"] == pytest.approx(-1000.0)  # 11000 亿元 against 12000 亿元
    assert output["met_within_tolerance"] is None  # not a 左右 target


def test_an_estimate_stands_in_for_a_missing_result(views: Warehouse) -> None:
    retail = pairs(views)["retail_sales"]
    assert (retail["actual_value"], retail["actual_is_forecast"], retail["met"]) == (4.8, True, False)


def test_one_sided_figures_have_their_own_views(views: Warehouse) -> None:
    assert set(pairs(views)) == {"urban_unemployment_rate", "gdp", "industry_output_above_scale", "cpi",
                                 "energy_intensity", "retail_sales"}
    assert views.query("select indicator from v_targets_without_result")[1] == [("fixed_asset_investment",)]
    assert views.query("select indicator from v_results_without_target")[1] == [("import_export",)]


def test_two_documents_disagreeing_make_a_conflict(views: Warehouse) -> None:
    rows = views.query("select value, is_latest, n_values from v_conflicts order by value")[1]
    assert rows == [(5.8, True, 2), (6.1, False, 2)]  # 5.8 and 5.9 would be one 5.85 rounded and cut
    series = views.query("select value, n_sources, n_values from v_indicator_series where indicator = 'gdp'")[1]
    assert series == [(5.8, 2, 2)]


def test_the_cube_has_one_value_per_cell_with_estimates_marked(views: Warehouse) -> None:
    rows = views.query("select indicator, value, is_estimate from v_cube order by indicator")[1]
    assert ("retail_sales", 4.8, True) in rows and ("gdp", 5.8, False) in rows
    assert {indicator for indicator, _, _ in rows}.isdisjoint({"fixed_asset_investment"})  # targets stay out
    assert set(run_data_tests(views).values()) == {0}
