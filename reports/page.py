"""`gwr report`: one self-contained HTML page of the warehouse, readable offline.

Charts are drawn by Plotly, whose JavaScript is embedded in the page once (no network, no
CDN): targets against results, an indicator's series by region, facts by region; beside them
the tables of pairs, conflicts and documents. Every number comes from the economist's views
through the named reads in warehouse/sql/queries/q_report_*.sql.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import plotly.graph_objects as go

from warehouse import Warehouse

Rows = list[dict[str, Any]]
MET_COLOURS = {True: "#2e7d32", False: "#c62828", None: "#9e9e9e"}
MAX_BARS = 60
MAX_SERIES = 12
STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 2rem; color: #222; }
h1 { margin-bottom: 0.2rem; } .meta { color: #666; margin-top: 0; }
section { margin: 2.5rem 0; } table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f5f5f5; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart { min-height: 420px; } .scroll { max-height: 32rem; overflow: auto; }
"""


def build_report(wh: Warehouse, *, indicator: str | None = None, measure: str | None = None) -> str:
    """The whole page as one HTML string."""
    pairs = _read(wh, "report_pairs")
    if indicator is None:
        default = _read(wh, "report_series_default")
        indicator, measure = (default[0]["indicator"], default[0]["measure"]) if default else ("gdp", "growth")
    series = _read(wh, "report_series", indicator=indicator, measure=measure or "growth")
    regions = _read(wh, "report_regions")
    conflicts = _read(wh, "report_conflicts")
    documents = _read(wh, "report_documents")
    charts = [
        ("chart-pairs", _pairs_chart(pairs)),
        ("chart-series", _series_chart(series, indicator, measure or "growth")),
        ("chart-regions", _regions_chart(regions)),
    ]
    # Plotly's JavaScript goes into the page once, with the first chart; the others reuse it.
    divs = {name: figure.to_html(full_html=False, include_plotlyjs=(i == 0), div_id=name,
                                 config={"displaylogo": False, "responsive": True})
            for i, (name, figure) in enumerate(charts)}
    met = sum(1 for row in pairs if row["met"])
    body = [
        "<h1>gwr — targets, results and sources</h1>",
        f"<p class='meta'>{len(documents)} documents · {sum(r['facts'] for r in regions)} facts in the 30 regions "
        f"with most · {len(pairs)} targets with a result, {met} met · {len(conflicts)} conflicting statements · "
        f"generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC from {html.escape(wh.path.name)}</p>",
        _section("Targets against results", "Gap between result and target for rate targets (percentage points); "
                 "green met, red missed, grey not comparable.", divs["chart-pairs"],
                 _table(pairs, ["region", "indicator_name_zh", "measure", "year", "target_value", "target_unit",
                                "target_qualifier", "actual_value", "actual_unit", "actual_is_forecast", "gap", "met",
                                "met_within_tolerance"])),
        _section(f"Series: {html.escape(indicator)} ({html.escape(measure or 'growth')})",
                 "Stated whole-year results by region (regions with at least two years).", divs["chart-series"]),
        _section("Facts by region", "Facts and documents of the 30 regions with most facts.", divs["chart-regions"],
                 _table(documents, ["doc", "region", "year", "report_type", "n_facts"])),
        _section("Conflicts", "The same figure with different values in different documents; "
                 "is_latest marks the source the views use.", "",
                 _table(conflicts, ["region", "indicator_name_zh", "measure", "period", "year", "kind", "value",
                                    "unit", "doc", "is_latest", "quote"])),
    ]
    return ("<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>gwr report</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>")


def _read(wh: Warehouse, name: str, **params: Any) -> Rows:
    columns, rows = wh.read(name, **params)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _pairs_chart(pairs: Rows) -> go.Figure:
    rates = [row for row in pairs if row["target_unit"] == "%" and row["gap"] is not None][:MAX_BARS]
    labels = [f"{r['region']} · {r['indicator_name_zh']} · {r['year']}" for r in rates]
    figure = go.Figure(go.Bar(
        x=[r["gap"] for r in rates], y=labels, orientation="h",
        marker_color=[MET_COLOURS[r["met"]] for r in rates],
        customdata=[[r["target_value"], r["actual_value"], "预计" if r["actual_is_forecast"] else ""] for r in rates],
        hovertemplate="%{y}<br>target %{customdata[0]} %, result %{customdata[1]} % %{customdata[2]}"
                      "<br>gap %{x:+.2f} pp<extra></extra>",
    ))
    figure.update_layout(height=max(420, 18 * len(rates)), margin={"l": 260}, xaxis_title="result − target (pp)",
                         yaxis={"autorange": "reversed"})
    return figure


def _series_chart(series: Rows, indicator: str, measure: str) -> go.Figure:
    by_region: dict[str, Rows] = {}
    for row in series:
        by_region.setdefault(row["region"], []).append(row)
    busiest = sorted(by_region, key=lambda region: (-len(by_region[region]), region))[:MAX_SERIES]
    figure = go.Figure([go.Scatter(x=[r["year"] for r in by_region[region]], y=[r["value"] for r in by_region[region]],
                                   mode="lines+markers", name=region) for region in busiest])
    unit = series[0]["unit"] if series else ""
    figure.update_layout(xaxis_title="year", yaxis_title=f"{indicator} {measure} ({unit})", xaxis={"dtick": 1})
    return figure


def _regions_chart(regions: Rows) -> go.Figure:
    figure = go.Figure([
        go.Bar(x=[r["region"] for r in regions], y=[r["facts"] for r in regions], name="facts"),
        go.Bar(x=[r["region"] for r in regions], y=[r["documents"] for r in regions], name="documents"),
    ])
    figure.update_layout(barmode="group", xaxis_tickangle=-45)
    return figure


def _section(title: str, note: str, chart: str, table: str = "") -> str:
    figure = f"<div class='chart'>{chart}</div>" if chart else ""
    return f"<section><h2>{html.escape(title)}</h2><p class='meta'>{html.escape(note)}</p>{figure}{table}</section>"


def _table(rows: Rows, columns: Sequence[str]) -> str:
    if not rows:
        return "<p class='meta'>none</p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(_cell(row[c]) for c in columns) + "</tr>" for row in rows)
    return f"<div class='scroll'><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"


def _cell(value: Any) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, bool):
        return f"<td>{'yes' if value else 'no'}</td>"
    if isinstance(value, int | float):
        return f"<td class='num'>{value:g}</td>"
    return f"<td>{html.escape(str(value))}</td>"
