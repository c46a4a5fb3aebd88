"""The report's charts: what each one shows, in Chinese names, and nothing that only one axis would hide.

Every chart answers one question with one measure per axis, says in its note what it leaves
out, and has a table beside it with every row. Series lines break where a year is missing
instead of joining across it, and each region has a colour of its own (Plotly's 24-colour
qualitative palette, so at most 24 lines are drawn). The layout leaves no empty band above a
chart: without a title, Plotly's default top margin of 100 px is that band.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import plotly.colors
import plotly.graph_objects as go
from plotly.subplots import make_subplots

Rows = list[dict[str, Any]]
MET_COLOURS = {True: "#2e7d32", False: "#c62828", None: "#9e9e9e"}
MET_WORDS = {True: "达成 met", False: "未达成 missed", None: "无法比较 not comparable"}
PALETTE: tuple[str, ...] = tuple(plotly.colors.qualitative.Dark24)
MAX_SERIES = len(PALETTE)  # one colour a region, never two regions in one colour
MAX_REGIONS = 30
# A measure as a Chinese axis title says it after the indicator's name: 地区生产总值增速 (%).
MEASURE_ZH = {"growth": "增速", "level": "", "share": "占比", "pp_change": "变动"}
MARGIN = {"t": 30, "b": 50, "r": 20}
BAR_HEIGHT = 18


@dataclass(frozen=True, slots=True)
class Chart:
    """A figure and the sentence that says what it shows and what it leaves out."""

    figure: go.Figure
    note: str


def axis_title(name_zh: str, measure: str, unit: str) -> str:
    """An indicator's measure as an axis reads it: name, measure, unit.

    >>> axis_title("地区生产总值", "growth", "%")
    '地区生产总值增速 (%)'
    """
    return f"{name_zh}{MEASURE_ZH.get(measure, measure)} ({unit})"


def pairs_chart(pairs: Rows) -> Chart:
    """Gap between result and target of every rate target, one indicator at a time (a menu picks it)."""
    rates = [row for row in pairs if row["target_unit"] == "%"]
    groups: dict[str, Rows] = {}
    for row in sorted(rates, key=lambda r: (r["gap"] is None, r["gap"] or 0)):
        groups.setdefault(axis_title(row["indicator_name_zh"], row["measure"], "%").removesuffix(" (%)"),
                          []).append(row)
    names = sorted(groups, key=lambda name: (-len(groups[name]), name))
    figure = go.Figure([_gap_bars(groups[name], visible=(i == 0)) for i, name in enumerate(names)])
    heights = [max(300, BAR_HEIGHT * len(groups[name]) + 90) for name in names]
    buttons = [{"label": f"{name} ({len(groups[name])})", "method": "update",
                "args": [{"visible": [j == i for j in range(len(names))]},
                         {"height": heights[i], "xaxis.title.text": _gap_axis(name)}]}
               for i, name in enumerate(names)]
    figure.update_layout(
        height=heights[0] if heights else 300, margin={**MARGIN, "l": 170, "t": 60}, showlegend=False,
        xaxis={"title": {"text": _gap_axis(names[0]) if names else ""},
               "zeroline": True, "zerolinecolor": "#555"},
        yaxis={"automargin": True},
        updatemenus=[{"buttons": buttons, "direction": "down", "x": 0, "xanchor": "left", "y": 1.02,
                      "yanchor": "bottom", "showactive": True}] if buttons else [],
    )
    note = (f"{len(rates)} of {len(pairs)} pairs are rate targets (%), charted one indicator at a time: pick it "
            f"in the menu ({len(names)} indicators); bars sorted by gap; green met, red missed, grey not "
            f"comparable. The {len(pairs) - len(rates)} level targets (亿元, 万人 …) are not charted, their units "
            "differ; every pair is in the table below.")
    return Chart(figure, note)


def _gap_axis(name: str) -> str:
    return f"{name}: 结果 − 目标 (百分点) result − target (pp)"


def _gap_bars(rows: Rows, *, visible: bool) -> go.Bar:
    return go.Bar(
        x=[row["gap"] for row in rows], y=[f"{row['region']} {row['year']}" for row in rows], orientation="h",
        visible=visible, marker_color=[MET_COLOURS[row["met"]] for row in rows],
        customdata=[[row["target_value"], row["actual_value"], "预计 estimate" if row["actual_is_forecast"] else "",
                     MET_WORDS[row["met"]]] for row in rows],
        hovertemplate="%{y}<br>目标 target %{customdata[0]} %, 结果 result %{customdata[1]} % %{customdata[2]}"
                      "<br>%{x:+.2f} pp · %{customdata[3]}<extra></extra>",
    )


def series_chart(series: Rows, name_zh: str, measure: str, regions_with_series: int) -> Chart:
    """One indicator's whole-year results by region, a line a region, broken where a year is missing."""
    by_region: dict[str, Rows] = {}
    for row in series:
        by_region.setdefault(row["region"], []).append(row)
    drawn = sorted(by_region, key=lambda region: (-len(by_region[region]), region))[:MAX_SERIES]
    unit = series[0]["unit"] if series else ""
    figure = go.Figure([_line(region, by_region[region], PALETTE[i]) for i, region in enumerate(drawn)])
    figure.update_layout(height=480, margin={**MARGIN, "l": 70}, yaxis_title=axis_title(name_zh, measure, unit),
                         xaxis={"title": "年份 year", "dtick": 1}, legend={"title": "地区 region"})
    left_out = regions_with_series - len(drawn)
    note = (f"Stated whole-year results of {name_zh}{MEASURE_ZH.get(measure, measure)} ({unit}) for the "
            f"{len(drawn)} regions with most years"
            + (f"; {left_out} more regions with two or more years are in the table below" if left_out > 0 else "")
            + ". Regions with a single year, targets and 预计 estimates are left out; a line breaks where a year "
              "is missing. Another indicator: gwr report --indicator CODE --measure MEASURE.")
    return Chart(figure, note)


def _line(region: str, rows: Rows, colour: str) -> go.Scatter:
    """A region's line, with a gap (None) for every year it lacks between its first and last."""
    values = {row["year"]: row["value"] for row in rows}
    years = list(range(min(values), max(values) + 1))
    return go.Scatter(x=years, y=[values.get(year) for year in years], name=region, mode="lines+markers",
                      connectgaps=False, line={"color": colour}, marker={"color": colour})


def regions_chart(regions: Rows) -> Chart:
    """Facts and documents of the regions with most facts: two panels, one measure each, one region axis."""
    shown = regions[:MAX_REGIONS]
    names = [row["region"] for row in shown]
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.04,
                           subplot_titles=("事实 facts", "文件 documents"))
    figure.add_trace(go.Bar(x=[r["facts"] for r in shown], y=names, orientation="h", marker_color=PALETTE[0]), 1, 1)
    figure.add_trace(go.Bar(x=[r["documents"] for r in shown], y=names, orientation="h", marker_color=PALETTE[1]),
                     1, 2)
    figure.update_layout(height=max(300, BAR_HEIGHT * len(shown) + 90), margin={**MARGIN, "l": 130, "t": 40},
                         showlegend=False, yaxis={"autorange": "reversed"})
    figure.update_xaxes(title_text="事实数 facts", row=1, col=1)
    figure.update_xaxes(title_text="文件数 documents", row=1, col=2)
    note = (f"The {len(shown)} regions with most facts of {len(regions)}, facts and documents on separate axes; "
            "every region is in the table below.")
    return Chart(figure, note)
