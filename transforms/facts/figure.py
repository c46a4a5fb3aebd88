"""One figure of a run, for one indicator, turned into a fact: measure, kind, year, period, region.

Each step reads the words around the figure: the subject of its run, the words just
before it (its "zone", from the previous figure or the subject), and the sentence up to
it. A step that finds the figure is no fact of the indicator returns None.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from transforms.facts import kind as _kind
from transforms.facts import time as _time
from transforms.facts.measure import is_start_or_count, measure_of, narrowed
from transforms.facts.numbers import Number
from transforms.facts.reading import NATION, Reading
from transforms.facts.runs import Run
from transforms.facts.scope import multi_year_end
from transforms.facts.subject_region import compared_place, figure_region, without_comparison
from transforms.facts.subjects import Mention, Slot
from transforms.knowledge.lexicon import cue_alternation, cue_regex, indicators, stocks, units
from transforms.knowledge.patterns import CLAUSE_BREAKS, GROWTH_NOUN, PHRASE_BREAKS, SPAN_TO, last_break, window_start
from transforms.records import CleanText, DocumentMeta, Fact

_STOCKS = frozenset(stocks().values())
# After a flow's figure, the stock it adds up to: "新增市场主体2万家、达到3.16万家".
_STOCK_AFTER_FLOW = cue_regex("stock_verb")
# Separators of a list of figures ("增长8%、9.5%和10%").
_LIST_SEPARATOR = r"[、,和及与\s]"
_LIST_GAP = re.compile(rf"{_LIST_SEPARATOR}*")
_LIST_SEPARATORS = re.compile(_LIST_SEPARATOR)
# A qualifier written once at the end of a list ("分别增长7%、8%左右") holds for every item.
_LIST_QUALIFIER = re.compile(rf"(?:{cue_alternation('ge_after', 'le_after', 'approx_after')})$")
_DIGIT = re.compile(r"\d")
# A gap between two figures is no level: 差距扩大到200亿元, 超出重庆337亿元, 以百亿元领先于福州.
_DIFFERENCE = cue_regex("difference")
_PER_DAY = cue_regex("per_day")
_NOMINAL = cue_regex("nominal")
# The categories of indicators whose growth is stated at comparable prices (output, value added).
_REAL_GROWTH = frozenset({"economy", "industry"})
# After the figure: a lead (领先, 的优势) or a base (在去年任务(5.55亿元)的基础上增长8.1%).
_DIFFERENCE_AFTER = re.compile(rf"(?:{cue_alternation('difference')}|的优势|\)?的?基础上)")
_GROWTH_IN_WORDING = re.compile(r"(?:涨幅|增速|增幅|上涨幅度|增长幅度)$")
_SPAN_TO = re.compile(rf"{SPAN_TO}$")
_YEAR_ON_YEAR = cue_regex("year_on_year")
_GROWTH_NOUN = re.compile(rf"{GROWTH_NOUN}|负增长|增长目标")
# A figure followed by the growth noun it is ("泉州2.5%的增速", "吉林以一季度8.2%的GDP增速").
_GROWTH_AFTER = re.compile(rf"的?(?:GDP|经济|地区生产总值)?(?:{GROWTH_NOUN})")


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
class RunView:
    """What the figures of a run share, worked out once per run so that a long list of figures
    costs time in proportion to its length."""

    run: Run
    index: dict[int, int]  # a figure's start -> its place in the run
    verbs: tuple[str, ...]  # for each figure, the words of the list it closes ("增长8%和9.5%": 增长)
    list_qualifier: str | None  # a qualifier written once for a whole list ("分别增长7%、8%左右")
    multi_year_end: int | None  # where the first multi-year cue of the run ends (年均, 累计)


def run_view(text: str, run: Run) -> RunView:
    nums = run.numbers
    verbs = [text[run.subject_end : nums[0].start]]
    for a, b in zip(nums, nums[1:], strict=False):
        gap = text[a.end : b.start]
        verbs.append(gap if _LIST_SEPARATORS.sub("", gap) else verbs[-1])
    return RunView(run, {n.start: i for i, n in enumerate(nums)}, tuple(verbs), _list_qualifier(text, nums),
                   multi_year_end(text, run.subject_start, nums[-1].end))


@dataclass(frozen=True, slots=True)
class _Figure:
    number: Number
    index: int  # its place in the run
    zone: str  # the words since the previous figure or the subject, its own qualifier word included
    before: str  # the sentence up to it


def figure_fact(sc: SentenceContext, view: RunView, slot: Slot, number: Number) -> Fact | None:
    """The fact `number` states of the indicator in `slot`, or None when it states none."""
    text, run = sc.text, view.run
    # 年均/累计 before a figure makes it and every later figure of the run a multi-year figure,
    # except a stock's level ("累计达到8.6万户" after a flow is the running total).
    multi = view.multi_year_end is not None and view.multi_year_end <= number.end
    if narrowed(slot.region_text, slot.form) or (multi and slot.code not in _STOCKS):
        return None
    fig = _figure(text, view, number)
    context = window_start(number.start, run.subject_start)
    if fig.index and slot.code in stocks() and _STOCK_AFTER_FLOW.search(fig.zone):
        slot = Slot(stocks()[slot.code], slot.region_text, slot.start)
    compared = compared_place(text, number.start, sc.meta, sc.reading)
    if compared == NATION:
        return None  # the nation as a comparison baseline (高于全国(2.5%)) is no fact
    measured = _measure(text, view, slot, fig, compared is not None)
    if measured is None:
        return None
    measure, value, value_high = measured
    in_times = measure == "growth" and units()[number.unit].kind == "ratio"
    if in_times and _multi_year_times(sc, text, number):
        return None
    bracket_target = _kind.bracket_target(text, run.subject_start, fig.zone, fig.index, number)
    yc = _time.year_cue(fig.before, sc.meta.year)
    if _time.not_one_years_change(yc, measure, text[context : number.start]):
        return None
    yc = _time.paragraph_year(yc, sc.line_before, sc.meta, fig.before)
    forecast = sc.forecast_from is not None and number.start >= sc.forecast_from
    kind = _kind.figure_kind(sc.meta, sc.role, yc, fig.before, forecast, bracket_target)
    lead = sc.reading.lead_period if sc.reading else _time.period_of(sc.meta.title or "", "FY")
    period = _time.figure_period(sc.meta, fig.before, sc.line_before, kind, bracket_target, lead)
    # A bracketed 年度目标 is the target of the year the figure beside it reports.
    year = yc.year if yc.year is not None else _time.default_year(
        sc.meta, "actual" if bracket_target else kind, "FY" if bracket_target else period
    )
    if year is None:
        return None
    region, region_code = compared or figure_region(slot, text, run.subject_start, sc.meta, sc.reading)
    if not region:
        return None  # a figure of no known region cannot be placed (schemas.facts requires one)
    qualifier = number.qualifier if number.qualifier != "eq" or not view.list_qualifier else view.list_qualifier
    # A growth written in 倍 (增长1.1倍) is stated in per cent, as every growth is.
    written = "%" if in_times else number.unit
    unit = units()[written]
    raw_start, raw_end = sc.clean.to_raw(*_quote_span(sc, slot, number))
    s_start, s_end = sc.clean.to_raw(sc.offset, sc.offset + len(text))
    return Fact(
        doc=sc.doc, region=region, year=year, period=period,
        indicator=slot.code or "", measure=measure, kind=kind,  # type: ignore[arg-type]
        value=value, unit=written, qualifier=qualifier,  # type: ignore[arg-type]
        quote=sc.raw[raw_start:raw_end], raw_start=raw_start, raw_end=raw_end,
        sentence=text, sentence_raw_start=s_start, sentence_raw_end=s_end,
        value_high=value_high, value_base=value * unit.factor, base_unit=unit.base_unit,
        # 确保/力争 govern their own clause: "增长7%,确保总量不低于…;固定资产投资增长7%" is not hard.
        wording=_kind.wording(_clause(text, run.subject_start, number.start), qualifier)  # type: ignore[arg-type]
        if kind == "target" else "none",
        region_code=region_code,
    )


def _multi_year_times(sc: SentenceContext, text: str, number: Number) -> bool:
    """增长1.4倍 in a work report's review is a span's growth (the plan period's), unless the
    clause says it is against last year; news and bulletins report the year's own."""
    if sc.meta.report_type != "work_report":
        return False
    return not _YEAR_ON_YEAR.search(text, last_break(text, number.start, CLAUSE_BREAKS), number.start)


def _figure(text: str, view: RunView, number: Number) -> _Figure:
    idx = view.index[number.start]
    zone_start = view.run.subject_end if idx == 0 else view.run.numbers[idx - 1].end
    figure = text[number.start : number.end]
    qualifier_word = figure[: _DIGIT.search(figure).start()] if _DIGIT.search(figure) else figure
    before = text[window_start(number.start) : number.start]
    return _Figure(number, idx, text[zone_start : number.start] + qualifier_word, before)


def _measure(
    text: str, view: RunView, slot: Slot, fig: _Figure, compared: bool
) -> tuple[str, float, float | None] | None:
    """(measure, value, high end) of the figure for the slot's indicator, or None.

    A figure of a region used as a comparison (`compared`: 高于全省平均水平(4.6%)) is
    measured by the subject's words without the comparison.
    """
    run, end = view.run, fig.number.end
    context = window_start(fig.number.start, run.subject_start)
    # A gap (差距扩大到200亿元) is said in the figure's own clause; 领先于全省其他地区,达到9.6% is not one.
    own_clause = max(context, last_break(text, fig.number.start, PHRASE_BREAKS))
    if _DIFFERENCE.search(text, own_clause, fig.number.start) or _DIFFERENCE_AFTER.match(text, end):
        return None
    if _PER_DAY.search(text, own_clause, fig.number.start):
        return None  # 每天新增4.5万户, 日均接待游客3万人次: a day's figure
    if (fig.number.unit == "%" and _NOMINAL.search(text, own_clause, fig.number.start)
            and indicators()[slot.code or "gdp"].category in _REAL_GROWTH):
        return None  # GDP 名义增长-1.9%: at current prices, where output grows in real terms (income is nominal)
    predicate = view.verbs[0]
    # A later figure of a run separated only by 、 shares the run's verb (分别增长4.8%、13.1%).
    listed = fig.index and _LIST_GAP.fullmatch(fig.zone)
    own_words = view.verbs[fig.index] if listed else fig.zone
    if compared:
        predicate = own_words = without_comparison(text[context : fig.number.start])
        if not _GROWTH_NOUN.search(own_words):
            own_words += _GROWTH_NOUN.search(fig.before) and "增速" or ""
    if _GROWTH_AFTER.match(text, end):
        own_words += "增速"
    named_change = _GROWTH_IN_WORDING.search(slot.form) or _GROWTH_IN_WORDING.search(
        text, run.subject_start, run.subject_end)
    if named_change and (not fig.index or _SPAN_TO.search(own_words)):
        # The wording names the change itself: 居民消费价格涨幅3%左右, 涨幅从2.1%提高到3%,
        # 居民消费价格总水平上涨幅度控制在2%左右.
        own_words = "涨幅" + own_words
    code = slot.code or ""
    measure, value = measure_of(code, fig.number, predicate, own_words)
    if measure is None and fig.index and _kind.BRACKET_TARGET.search(fig.zone):
        measure, value = measure_of(code, fig.number, predicate, predicate)
    if measure is None and (not fig.index or listed):
        # The growth noun may stand in the subject, after the indicator: "一般公共预算收入相比去年
        # 1-2月的增幅甚至达到了61.8%".
        noun = _GROWTH_NOUN.search(text, slot.start, run.subject_end)
        if noun:
            # The noun and the words of the figure's own clause ("其增速仍然领先于全省其他地区,达到9.6%").
            own_clause = max(noun.end(), last_break(text, fig.number.start, PHRASE_BREAKS))
            measure, value = measure_of(code, fig.number, predicate, noun.group() + text[own_clause : fig.number.start])
        elif not slot.form and _GROWTH_NOUN.search(fig.before):
            # A figure borrowed for a region ("从经济增速来看,…上海(9.7%)") takes the sentence's noun.
            measure, value = measure_of(code, fig.number, predicate, "增速")
    # "达到7.5亿元以上、人均达到3200元": a later figure of the run narrowed to a per-capita one.
    if measure is None or is_start_or_count(text, fig.number) or (fig.index and "人均" in fig.zone):
        return None
    value_high = fig.number.value_high
    if value < 0 and value_high is not None:  # 下降1%—2%: the range is -2 .. -1
        return measure, -value_high, -fig.number.value
    return measure, value, value_high


def _list_qualifier(text: str, nums: list[Number]) -> str | None:
    """A qualifier written once for a whole list of figures, or None when the run is no list."""
    gaps = (text[a.end : b.start] for a, b in zip(nums, nums[1:], strict=False))
    if len(nums) < 2 or not all(_LIST_GAP.fullmatch(gap) for gap in gaps):
        return None
    last = nums[-1]
    if _LIST_QUALIFIER.search(text[last.start : last.end]):
        return last.qualifier
    if not text[nums[0].start].isdigit():
        return nums[0].qualifier  # 分别超过8万元、4.5万元: a word before the list holds for all
    return None


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
