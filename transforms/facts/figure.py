"""One figure of a run, for one indicator, turned into a fact: measure, then kind and time,
then place.

Each step reads the words around the figure: the subject of its run, the words just
before it (its "zone", from the previous figure or the subject), and the sentence up to
it. A step that finds the figure is no fact of the indicator returns None.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from transforms.facts import kind as _kind
from transforms.facts import period as _period
from transforms.facts import year as _year
from transforms.facts.confidence import Evidence, band, region_evidence
from transforms.facts.figure_measure import Measured, measure_figure
from transforms.facts.measure import narrowed
from transforms.facts.numbers import Number
from transforms.facts.place import region_finder
from transforms.facts.reading import NATION, Place, Reading
from transforms.facts.run_view import Figure, RunView, figure_in_run
from transforms.facts.subject_region import compared_place, figure_region
from transforms.facts.subjects import Mention, Slot
from transforms.knowledge.lexicon import cue_alternation, cue_regex, indicators, stocks, units
from transforms.knowledge.patterns import CLAUSE_BREAKS, last_break, window_start
from transforms.records import CleanText, DocumentMeta, Fact

_STOCKS = frozenset(stocks().values())
# After a flow's figure, the stock it adds up to: "新增市场主体2万家、达到3.16万家".
_STOCK_AFTER_FLOW = cue_regex("stock_verb")
_YEAR_ON_YEAR = cue_regex("year_on_year")
# A figure that is an average over years by the noun after it (保持6%左右的年均增长率).
_MULTI_YEAR_AFTER = re.compile(rf"(?:左右|以上|以内)?的?(?:{cue_alternation('multi_year')})")


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """A sentence with what the steps need to know about it and its document."""

    doc: str
    raw: str
    clean: CleanText
    meta: DocumentMeta
    offset: int  # clean offset of the sentence
    text: str
    numbers: list[Number]
    mentions: list[Mention]
    role: str  # its section's role: review, plan or other
    line_before: str  # its line up to it: a paragraph names its period once ("前三季度,…")
    span_paragraph: bool  # its paragraph opens on a multi-year span (五年来,)
    forecast_from: int | None  # 预计 makes the sentence's figures after it forecasts
    reading: Reading | None  # what the sentences before said (news, bulletins, progress reports only)


@dataclass(frozen=True, slots=True)
class _When:
    """What a figure is and when it is for."""

    kind: str
    year: int
    period: str
    year_from: str = "document"  # stated | paragraph | document (facts/confidence.py)
    period_from: str = "default"  # stated | context | default
    kind_from: str = "default"  # stated | cue | section | default


@dataclass(frozen=True, slots=True)
class _Read:
    """A figure read whole: the slot it fills, what it measures, when and where it is for."""

    slot: Slot
    fig: Figure
    measured: Measured
    in_times: bool  # a growth written in 倍 (增长1.1倍), stated in per cent
    when: _When
    place: Place


def figure_fact(sc: SentenceContext, view: RunView, slot: Slot, number: Number) -> Fact | None:
    """The fact `number` states of the indicator in `slot`, or None when it states none."""
    # 年均/累计 before a figure makes it and every later figure of the run a multi-year figure,
    # except a stock's level ("累计达到8.6万户" after a flow is the running total).
    multi = (view.multi_year_end is not None and view.multi_year_end <= number.end) or bool(
        _MULTI_YEAR_AFTER.match(sc.text, number.end))
    if narrowed(slot.region_text, slot.form, region_finder(sc.meta)) or (multi and slot.code not in _STOCKS):
        return None
    fig = figure_in_run(sc.text, view, number)
    if fig.index and slot.code in stocks() and _STOCK_AFTER_FLOW.search(fig.zone):
        slot = Slot(stocks()[slot.code], slot.region_text, slot.start)
    compared = compared_place(sc.text, number.start, sc.meta, sc.reading)
    if compared == NATION:
        return None  # the nation as a comparison baseline (高于全国(2.5%)) is no fact
    measured = measure_figure(sc.text, view, slot, fig, compared is not None)
    if measured is None:
        return None
    in_times = measured[0] == "growth" and units()[number.unit].kind == "ratio"
    if in_times and _multi_year_times(sc, number):
        return None
    when = _when(sc, view, fig, measured[0], slot.code is not None and indicators()[slot.code].accumulates)
    if when is None:
        return None
    place = compared or figure_region(slot, sc.text, view.run.subject_start, sc.meta, sc.reading)
    if not place[0]:
        return None  # a figure of no known region cannot be placed (schemas.facts requires one)
    return _fact(sc, view, _Read(slot, fig, measured, in_times, when, place))


def _multi_year_times(sc: SentenceContext, number: Number) -> bool:
    """增长1.4倍 in a work report's review is a span's growth (the plan period's), unless the
    clause says it is against last year; news and bulletins report the year's own."""
    if sc.meta.report_type != "work_report":
        return False
    return not _YEAR_ON_YEAR.search(sc.text, last_break(sc.text, number.start, CLAUSE_BREAKS), number.start)


def _when(sc: SentenceContext, view: RunView, fig: Figure, measure: str, accumulates: bool) -> _When | None:
    """The figure's kind (actual, target, forecast), year and period; None for a figure over a
    span of years, or a growth against another year than the last."""
    yc = _year.year_cue(fig.before, sc.meta)
    if _not_one_years(sc, view, fig, measure, accumulates, yc):
        return None
    told = _told_kind(sc, view, fig)
    own_year = yc.year
    if not told.goal:  # a goal named is this year's, whatever year the paragraph's results were of
        yc = _year.paragraph_year(yc, sc.line_before, sc.meta, fig.before)
    kind = _kind.figure_kind(sc.meta, sc.role, yc, fig.before, "target" if told.goal else told.stated)
    period = _figure_period(sc, fig, kind, told.bracket, measure)
    # A bracketed 年度目标 is the target of the year the figure beside it reports, and a goal
    # recalled in a work report's review (接近10%左右的预期目标) the reviewed year's.
    recalled = told.bracket or (told.goal and sc.role == "review" and sc.meta.report_type == "work_report")
    year = yc.year if yc.year is not None else _year.default_year(
        sc.meta, "actual" if recalled else kind, "FY" if recalled else period
    )
    if year is None:
        return None
    year_from = "stated" if own_year is not None else "paragraph" if yc.year is not None else "document"
    period_from = "stated" if _period.period_of(fig.before, "") else "context" if period != "FY" else "default"
    kind_from = "stated" if told.stated or told.goal else _kind.kind_source(sc.role, yc, fig.before, kind)
    return _When(kind, year, period, year_from, period_from, kind_from)


def _not_one_years(sc: SentenceContext, view: RunView, fig: Figure, measure: str, accumulates: bool,
                   yc: _year.YearCue) -> bool:
    """A change over a span of years or against another year, or a plan period's sum."""
    text, number = sc.text, fig.number
    if _year.not_one_years_change(yc, measure, text[window_start(number.start, view.run.subject_start) : number.start]):
        return True
    # 完成固定资产投资7950亿元,比“八五”增长1.9倍: a plan period's sum and change
    plan_period_sum = measure == "growth" or (yc.year is None and accumulates)
    return plan_period_sum and _year.against_a_plan_period(text, number.start)


@dataclass(frozen=True, slots=True)
class _Told:
    """What the figure's own words say it is: a bracketed or planned target, a forecast, a named goal."""

    stated: str | None  # "target" or "forecast"
    goal: bool
    bracket: bool


def _told_kind(sc: SentenceContext, view: RunView, fig: Figure) -> _Told:
    text, number, subject_start = sc.text, fig.number, view.run.subject_start
    bracket = _kind.bracket_target(text, subject_start, fig.zone, fig.index, number)
    planned = _kind.planned(text, subject_start, number)
    forecast = sc.forecast_from is not None and number.start >= sc.forecast_from
    stated = "target" if bracket or planned else "forecast" if forecast else None
    return _Told(stated, stated is None and _kind.goal_named(text, number), bracket)


def _figure_period(sc: SentenceContext, fig: Figure, kind: str, bracket: bool, measure: str) -> str:
    lead = sc.reading.lead_period if sc.reading else _period.period_of(sc.meta.title or "", "FY")
    period = _period.figure_period(sc.meta, fig.before, sc.line_before, kind, bracket, lead)
    if measure == "level" and period == lead != "FY" and _period.past_years_level(fig.before, sc.meta):
        return "FY"
    return period


def _fact(sc: SentenceContext, view: RunView, read: _Read) -> Fact:
    text, number, (measure, value, value_high) = sc.text, read.fig.number, read.measured
    qualifier = number.qualifier if number.qualifier != "eq" or not view.list_qualifier else view.list_qualifier
    # A growth written in 倍 (增长1.1倍) is stated in per cent, as every growth is.
    written = "%" if read.in_times else number.unit
    unit = units()[written]
    raw_start, raw_end = sc.clean.to_raw(*_quote_span(sc, read.slot, number))
    s_start, s_end = sc.clean.to_raw(sc.offset, sc.offset + len(text))
    kind = read.when.kind
    evidence = _evidence(sc, view, read)
    return Fact(
        doc=sc.doc, region=read.place[0] or "", year=read.when.year, period=read.when.period,
        indicator=read.slot.code or "", measure=measure, kind=kind,  # type: ignore[arg-type]
        value=value, unit=written, qualifier=qualifier,  # type: ignore[arg-type]
        quote=sc.raw[raw_start:raw_end], raw_start=raw_start, raw_end=raw_end,
        sentence=text, sentence_raw_start=s_start, sentence_raw_end=s_end,
        value_high=value_high, value_base=value * unit.factor, base_unit=unit.base_unit,
        # 确保/力争 govern their own clause: "增长7%,确保总量不低于…;固定资产投资增长7%" is not hard.
        wording=_kind.wording(_clause(text, view.run.subject_start, number.start), qualifier)  # type: ignore[arg-type]
        if kind == "target" else "none",
        region_code=read.place[1],
        confidence=band(evidence, sc.meta), evidence=str(evidence),
    )


def _evidence(sc: SentenceContext, view: RunView, read: _Read) -> Evidence:
    number, when = read.fig.number, read.when
    named = any(read.slot.code in m.codes and m.end <= number.start for m in sc.mentions)
    return Evidence(
        region=region_evidence(read.place[0] or "", sc.text, view.run.subject_start, number.start, sc.meta),
        year=when.year_from, period=when.period_from, kind=when.kind_from,
        indicator="named" if named else "borrowed",
    )


def _clause(text: str, subject_start: int, end: int) -> str:
    """The clause a run sits in: from the punctuation before its subject to `end`."""
    start = last_break(text, subject_start, CLAUSE_BREAKS)
    return text[max(start, window_start(end)) : end]


def _quote_span(sc: SentenceContext, slot: Slot, number: Number) -> tuple[int, int]:
    """Clean offsets of the quote: from the indicator's wording (or its list item) to the figure."""
    start = slot.start
    for m in sc.mentions[bisect_left(sc.mentions, slot.start, key=lambda m: m.start) :]:
        if m.start >= number.start:
            break
        if m.end <= number.start and slot.code in m.codes:
            start = m.start
            break
    return sc.offset + min(start, number.start), sc.offset + number.end
