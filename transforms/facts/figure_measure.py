"""What one figure of a run measures of its slot's indicator: level, growth, share or a change
in percentage points, with its signed value — or nothing, when the figure is a gap, a daily
rate, a nominal change of a real quantity, a span's start or a count.

The words a figure is read with are its run's predicate and its own words (its zone, or the
list's verb); a figure of a compared region is read without the comparison.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from transforms.facts import kind as _kind
from transforms.facts.measure import is_start_or_count, measure_of
from transforms.facts.numbers import Number
from transforms.facts.run_view import LIST_GAP, WORDED_GAP, Figure, RunView
from transforms.facts.subject_region import without_comparison
from transforms.facts.subjects import Slot
from transforms.knowledge.lexicon import cue_alternation, cue_regex, indicators, units
from transforms.knowledge.patterns import GROWTH_NOUN, PHRASE_BREAKS, SPAN_TO, last_break, window_start

# A gap between two figures is no level: 差距扩大到200亿元, 超出重庆337亿元, 以百亿元领先于福州.
_DIFFERENCE = cue_regex("difference")
_PER_DAY = cue_regex("per_day")
# A streak of years or quarters (连续6年, 连续八个季度): what it holds above is its threshold.
_STREAK = re.compile(r"连续[\d一二两三四五六七八九十]+个?(?:年|季度|月)")
_NOMINAL = cue_regex("nominal")
# The categories of indicators whose growth is stated at comparable prices (output, value added).
_REAL_GROWTH = frozenset({"economy", "industry"})
# After the figure: a lead (领先, 的优势) or a base (在去年任务(5.55亿元)的基础上增长8.1%).
_DIFFERENCE_AFTER = re.compile(rf"(?:{cue_alternation('difference')}|的优势|\)?的?基础上)")
_GROWTH_IN_WORDING = re.compile(r"(?:涨幅|增速|增幅|上涨幅度|增长幅度)$")
_SPAN_TO = re.compile(rf"{SPAN_TO}$")
# 增长目标, and its noun phrase 增长的预期目标 whose 目标为 a run's predicate may take (生产总值增长的预期|目标为9%).
_GROWTH_NOUN = re.compile(rf"{GROWTH_NOUN}|负增长|增长(?:的预期|的|预期)?目标|增长的预期")
_SHARE_NOUN = cue_regex("share")
# A figure followed by the growth noun it is ("泉州2.5%的增速", "吉林以一季度8.2%的GDP增速").
_GROWTH_AFTER = re.compile(rf"的?(?:GDP|经济|地区生产总值)?(?:{GROWTH_NOUN})")

# The words between two figures of one measure when the second is the level the first rounds.
_REACHES = re.compile(rf"(?:{cue_alternation('milestone_noun')})?[,、\s]*(?:达到|达|为)")

Measured = tuple[str, float, float | None]  # measure, value, the high end of a range


class _Words(NamedTuple):
    """The words a figure is read with: its run's predicate and its own."""

    predicate: str
    own: str
    listed: bool  # a later figure of a list, read with the list's verb


def measure_figure(text: str, view: RunView, slot: Slot, fig: Figure, compared: bool) -> Measured | None:
    """(measure, value, high end) of the figure for the slot's indicator, or None.

    A figure of a region used as a comparison (`compared`: 高于全省平均水平(4.6%)) is
    measured by the subject's words without the comparison.
    """
    if _no_measure(text, view, slot, fig):
        return None
    measure, value = _measured(text, view, slot, fig, _words(text, view, slot, fig, compared))
    # "达到7.5亿元以上、人均达到3200元": a later figure of the run narrowed to a per-capita one.
    if measure is None or is_start_or_count(text, fig.number) or (fig.index and "人均" in fig.zone):
        return None
    value_high = fig.number.value_high
    if value < 0 and value_high is not None:  # 下降1%—2%: the range is -2 .. -1
        return measure, -value_high, -fig.number.value
    return measure, value, value_high


def _no_measure(text: str, view: RunView, slot: Slot, fig: Figure) -> bool:
    """A gap between two figures, a day's figure, or a real quantity's change at current prices."""
    start = fig.number.start
    # A gap (差距扩大到200亿元) is said in the figure's own clause; 领先于全省其他地区,达到9.6% is not one.
    own_clause = max(window_start(start, view.run.subject_start), last_break(text, start, PHRASE_BREAKS))
    if _DIFFERENCE.search(text, own_clause, start) or _DIFFERENCE_AFTER.match(text, fig.number.end):
        return True
    if _PER_DAY.search(text, own_clause, start):
        return True  # 每天新增4.5万户, 日均接待游客3万人次: a day's figure
    if fig.number.qualifier in ("ge", "le") and _STREAK.search(text, own_clause, start):
        return True  # 粮食总产连续6年稳定在430亿斤以上: a streak's threshold, no year's level
    # GDP 名义增长-1.9%: at current prices, where output grows in real terms (income is nominal).
    return bool(fig.number.unit == "%" and _NOMINAL.search(text, own_clause, start)
                and indicators()[slot.code or "gdp"].category in _REAL_GROWTH)


def _words(text: str, view: RunView, slot: Slot, fig: Figure, compared: bool) -> _Words:
    """The predicate and the figure's own words, with the growth noun or change wording they imply."""
    run, end = view.run, fig.number.end
    predicate = view.verbs[0]
    # A later figure of a run separated only by 、 shares the run's verb (分别增长4.8%、13.1%).
    listed = bool(fig.index and (LIST_GAP.fullmatch(fig.zone) or WORDED_GAP.fullmatch(fig.zone)))
    own_words = view.verbs[fig.index] if listed else fig.zone
    if compared:
        predicate = own_words = without_comparison(text[window_start(fig.number.start, run.subject_start) :
                                                        fig.number.start])
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
    return _Words(predicate, own_words, listed)


def _per_cent_of_an_amount(code: str, number: Number) -> bool:
    """A figure in per cent of an indicator measured in an amount (yuan, people): its growth, unless
    words say it is a share (read before this fallback)."""
    indicator = indicators().get(code)
    return number.unit == "%" and indicator is not None and units()[indicator.level_unit].kind not in ("rate", "pp")


def _measured(text: str, view: RunView, slot: Slot, fig: Figure, words: _Words) -> tuple[str | None, float]:
    """`measure_of` the figure by its own words, then by the words a bracketed target or a growth
    noun in the subject or the sentence lends it."""
    code, number = slot.code or "", fig.number
    measure, value = measure_of(code, number, words.predicate, words.own)
    if measure is None and fig.index and _kind.BRACKET_TARGET.search(fig.zone):
        # (年度目标6%以上) beside a result is measured as that result: 增长6.1%(年度目标6%以上).
        measure, value = measure_of(code, number, words.predicate, view.verbs[fig.index - 1])
    # A later figure of the run in the first one's unit that it only reaches (增速突破8%大关,达到8.4%)
    # is read as the first.
    same_unit = fig.index and number.unit == view.run.numbers[0].unit and _REACHES.fullmatch(fig.zone)
    if measure is not None or (fig.index and not words.listed and not same_unit):
        return measure, value
    if same_unit and not words.listed:
        return measure_of(code, number, words.predicate, view.verbs[0])
    # The growth noun or the share's noun may stand in the subject, after the indicator:
    # "一般公共预算收入相比去年1-2月的增幅甚至达到了61.8%", "第二产业增加值比重为36.6%".
    noun = _GROWTH_NOUN.search(text, slot.start, view.run.subject_end) or _SHARE_NOUN.search(
        text, slot.start + len(slot.region_text) + len(slot.form), view.run.subject_end)
    if noun:
        # The noun and the words of the figure's own clause ("其增速仍然领先于全省其他地区,达到9.6%").
        own_clause = max(noun.end(), last_break(text, number.start, PHRASE_BREAKS))
        return measure_of(code, number, words.predicate, noun.group() + text[own_clause : number.start])
    if not slot.form and (_GROWTH_NOUN.search(fig.before) or _per_cent_of_an_amount(code, number)):
        # A figure borrowed for a region ("从经济增速来看,…上海(9.7%)") takes the sentence's noun; a
        # region's per cent of the amount the text speaks of ("此外,杭州为1.5%", 河北的目标定在5.5%) is its growth.
        return measure_of(code, number, words.predicate, "增速")
    return measure, value
