"""The report's charts say what they show and leave out, in Chinese names, one colour a line, gaps for missing
years, one measure an axis; its tables page. Built from rows as the named reads return them: no browser needed
(tests/cli/test_cli.py looks at the page drawn)."""

from __future__ import annotations

from typing import Any

from reports.charts import MAX_SERIES, pairs_chart, regions_chart, series_chart
from reports.tables import table


def pair(region: str, name: str, measure: str, unit: str, gap: float | None, met: bool | None) -> dict[str, Any]:
    return {"region": region, "indicator_name_zh": name, "measure": measure, "year": 2024, "target_value": 6.0,
            "target_unit": unit, "actual_value": 6.0 + (gap or 0), "actual_is_forecast": False, "gap": gap,
            "met": met}


def test_the_targets_chart_draws_every_rate_pair_one_indicator_at_a_time_and_says_what_it_leaves_out() -> None:
    pairs = [pair(f"县{i}", "地区生产总值", "growth", "%", i - 40.0, i >= 40) for i in range(70)]
    pairs += [pair("全国", "居民消费价格", "growth", "%", -2.8, True),
              pair("全国", "粮食产量", "level", "万吨", 3, True)]
    chart = pairs_chart(pairs)
    assert [len(trace.y) for trace in chart.figure.data] == [70, 1]  # no pair cut off
    assert [trace.visible for trace in chart.figure.data] == [True, False]
    menu = [button.label for button in chart.figure.layout.updatemenus[0].buttons]
    assert menu == ["地区生产总值增速 (70)", "居民消费价格增速 (1)"]
    assert "71 of 72 pairs" in chart.note and "1 level targets" in chart.note and "table below" in chart.note
    assert chart.figure.layout.margin.t <= 60  # no empty band above the bars


def test_series_lines_break_at_missing_years_and_each_region_has_its_own_colour() -> None:
    rows = [{"region": f"地区{r:02d}", "year": year, "value": 5.0 + r / 10, "unit": "%"}
            for r in range(30) for year in (2019, 2020, 2022, 2023)]
    chart = series_chart(rows, "地区生产总值", "growth", regions_with_series=30)
    assert len(chart.figure.data) == MAX_SERIES
    assert len({trace.line.color for trace in chart.figure.data}) == MAX_SERIES
    first = chart.figure.data[0]
    assert list(first.x) == [2019, 2020, 2021, 2022, 2023] and first.y[2] is None and first.connectgaps is False
    assert chart.figure.layout.yaxis.title.text == "地区生产总值增速 (%)"
    assert "6 more regions" in chart.note


def test_facts_and_documents_have_an_axis_each() -> None:
    regions = [{"region": f"地区{i}", "facts": 100 - i, "documents": 1 + i % 3} for i in range(40)]
    chart = regions_chart(regions)
    facts, documents = chart.figure.data
    assert (facts.xaxis, documents.xaxis) == ("x", "x2") and len(facts.y) == 30
    assert "30 regions with most facts of 40" in chart.note


def test_a_table_holds_every_row_for_the_pager() -> None:
    html = table([{"doc": f"{i}.txt", "n_facts": i} for i in range(60)], ("doc", "n_facts"), "table-documents")
    assert html.startswith("<table class='paged' id='table-documents'>") and html.count("<tr>") == 61
    assert "max-height" not in html and "overflow" not in html
