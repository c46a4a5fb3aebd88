"""`gwr report`: one self-contained HTML page of the warehouse, readable offline.

Charts are drawn by Plotly, whose JavaScript is embedded in the page once (no network, no
CDN): targets against results, an indicator's series by region, facts and documents by region.
Each section says what its chart shows and what it leaves out, and lists every row in a table
that pages and sorts (`reports.tables`); the charts' choices are in `reports.charts`. Every
number comes from the economist's views through the named reads in
warehouse/sql/queries/q_report_*.sql.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any

from reports.charts import MEASURE_ZH, Chart, pairs_chart, regions_chart, series_chart
from reports.tables import SCRIPT, table
from reports.tables import STYLE as TABLE_STYLE
from warehouse import Warehouse

Rows = list[dict[str, Any]]
STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", sans-serif; margin: 2rem;
  color: #222; }
h1 { margin-bottom: 0.2rem; } .meta { color: #555; margin: 0.3rem 0; max-width: 60rem; }
section { margin: 2rem 0 3rem; }
""" + TABLE_STYLE
PAIR_COLUMNS = ("region", "indicator_name_zh", "measure", "year", "target_value", "target_unit", "target_qualifier",
                "actual_value", "actual_unit", "actual_is_forecast", "gap", "met", "met_within_tolerance",
                "plausibility")


def build_report(wh: Warehouse, *, indicator: str | None = None, measure: str | None = None) -> str:
    """The whole page as one HTML string."""
    pairs = _read(wh, "report_pairs")
    if indicator is None:
        default = _read(wh, "report_series_default")
        indicator, measure = (default[0]["indicator"], default[0]["measure"]) if default else ("gdp", "growth")
    measure = measure or "growth"
    series = _read(wh, "report_series", indicator=indicator, measure=measure)
    names = _read(wh, "report_indicator", indicator=indicator)
    name_zh = series[0]["indicator_name_zh"] if series else (names[0]["name_zh"] if names else indicator)
    regions = _read(wh, "report_regions")
    conflicts = _read(wh, "report_conflicts")
    documents = _read(wh, "report_documents")
    charts = {
        "chart-pairs": pairs_chart(pairs),
        "chart-series": series_chart(series, name_zh, measure, len({row["region"] for row in series})),
        "chart-regions": regions_chart(regions),
    }
    divs = _divs(charts)
    met = sum(1 for row in pairs if row["met"])
    body = [
        "<h1>gwr — targets, results and sources</h1>",
        f"<p class='meta'>{len(documents)} current documents · {sum(r['facts'] for r in regions)} facts in "
        f"{len(regions)} regions · {len(pairs)} targets with a result, {met} met · {len(conflicts)} conflicting "
        f"statements · generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC from {html.escape(wh.path.name)}</p>",
        _section("targets", "Targets against results 目标与结果", charts["chart-pairs"].note, divs["chart-pairs"],
                 table(pairs, PAIR_COLUMNS, "table-pairs")),
        _section("series", f"Series: {name_zh}{MEASURE_ZH.get(measure, measure)} by region",
                 charts["chart-series"].note, divs["chart-series"],
                 table(series, ("region", "year", "value", "unit"), "table-series")),
        _section("regions", "Facts and documents by region", charts["chart-regions"].note, divs["chart-regions"],
                 table(regions, ("region", "facts", "documents"), "table-regions")),
        _section("documents", "Documents", "Every current document with the facts loaded from it, most first.", "",
                 table(documents, ("doc", "region", "year", "report_type", "n_facts"), "table-documents")),
        _section("conflicts", "Conflicts", "The same figure with different values in different documents, beyond "
                 "what rounding to the digits each states explains; is_latest marks the source the views use.", "",
                 table(conflicts, ("region", "indicator_name_zh", "measure", "period", "year", "kind", "value", "unit",
                                   "doc", "is_latest", "quote"), "table-conflicts")),
    ]
    return ("<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>gwr report</title><style>{STYLE}</style></head><body>{''.join(body)}"
            f"<script>{SCRIPT}</script></body></html>")


def _divs(charts: dict[str, Chart]) -> dict[str, str]:
    """Each chart as a div; Plotly's JavaScript goes into the page once, with the first."""
    return {name: chart.figure.to_html(full_html=False, include_plotlyjs=(i == 0), div_id=name,
                                       config={"displaylogo": False, "responsive": True})
            for i, (name, chart) in enumerate(charts.items())}


def _read(wh: Warehouse, name: str, **params: Any) -> Rows:
    columns, rows = wh.read(name, **params)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _section(anchor: str, title: str, note: str, chart: str, rows: str = "") -> str:
    figure = f"<div class='chart'>{chart}</div>" if chart else ""
    return (f"<section id='{anchor}'><h2>{html.escape(title)}</h2><p class='meta'>{html.escape(note)}</p>"
            f"{figure}{rows}</section>")
