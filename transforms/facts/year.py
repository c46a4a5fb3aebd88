"""Which year a figure is for, read from the words before it (rules: ../shared/eval/README.md, years).

The year named closest before a figure holds: in digits (2024年), as a plan's end (十四五末),
or counted from the document's year (今年, 去年, 明年). A year named as a comparison base
(较2019年) or a span's start (从2021年的) is not the figure's. A figure whose sentence names
no year takes its paragraph's (news), else the document's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.knowledge.lexicon import cue_alternation, cue_initials, cue_regex
from transforms.knowledge.patterns import FIVE_YEAR_PLAN, PLAN_PERIOD, SPAN_END, YEAR_DIGITS
from transforms.records import DocumentMeta

# Explicit years. "较2019年" and "与2020年相比" name a comparison base, not the figure's
# year; "到2025年" names a target year. "从2021年的" names the start of a span: its year
# holds for the start value, not for the end value after 提高到 ("…分别提高到58794元").
_YEAR = re.compile(
    rf"""
    (?=[{cue_initials("year_base")}从由自到至12])   # what it may start with: any other place is passed at once
    (?P<base>{cue_alternation("year_base")})?
    (?P<start>从|由|自)?
    (?P<to>到|至)?
    (?P<y>{YEAR_DIGITS})\s*年(?!代)
    (?P<span>[\d\-—~至到]{{1,6}}年)?      # 2021-2025年 is a span; its figures are not one year's
    """,
    re.VERBOSE,
)
_SPAN_END = re.compile(SPAN_END)
# "自2019年首届论坛举办至今", "从2019年以来": a span from that year to now, no one year's.
_SINCE_THEN = re.compile(r"[^,;。]{0,20}?(?:以来|至今)")
_FIVE_YEAR_PLAN = re.compile(rf"(?=[“\"十])[“\"]?(?P<plan>{FIVE_YEAR_PLAN})[”\"]?(?:末|期末|时期末)")
# The n-th five-year plan of the reform era ("十一五" … "十五五") ends in 2005 + 5n.
_PLAN_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
_THIS_YEAR = cue_regex("this_year")
# 去年 names the figure's year, but not as a comparison base (比上年增长, 较去年,
# 在上年高位增长的基础上) or with 同期.
_LAST_YEAR = re.compile(
    rf"(?=[{cue_initials('last_year')}])(?<![比较与])(?:{cue_alternation('last_year')})"
    rf"(?!同期|[^,。;]{{0,12}}(?:基础上|基数))"
)
_NEXT_YEAR = cue_regex("next_year")
_UNDER_REVIEW = cue_regex("year_under_review")
# 较上年, 比去年: growth against the previous year, after a clause compared with another one
# ("比2019年增长15%,社零较上年增长5%"): ordinary year-on-year growth again.
_YOY_BASE = re.compile(rf"[比较](?:{cue_alternation('last_year')})(?!同期)")
# 快于该省去年全年增速: a year named as the term of a comparison is not the figure's.
_COMPARED_YEAR = re.compile(rf"(?:{cue_alternation('comparison')}|超过)[^,;。]{{0,4}}$")
# 比"八五"增长49.6%, 较“十二五”末增长: the clause compares a plan's period with another.
_AGAINST_PLAN_PERIOD = re.compile(rf"(?:[比较]|分别为|是)(?:{PLAN_PERIOD})")
# 以1954年为基数, 在1954年的基数上: the base of a plan over several years.
_BASE_AFTER = re.compile(r"\s*(?:为基数|为基期|的基数上)")
# Growth against the start of the year (较年初增长) is no year-on-year growth.
_SINCE_YEAR_START = re.compile(r"[较比]年初")


@dataclass(frozen=True, slots=True)
class YearCue:
    year: int | None  # explicit year, if any
    target_year: bool  # 到2025年 / 十四五末: the figure is a target for that year
    comparison_base: bool  # 较2019年: growth against another year than the previous one
    span: bool  # 2021-2025年: a multi-year span


@dataclass(slots=True)
class _Named:
    """The year cue read so far, left to right: each later cue overrides the one before."""

    pos: int = -1  # where the cue read last starts
    year: int | None = None
    target: bool = False
    base: bool = False
    span: bool = False


def year_cue(text: str, meta: DocumentMeta) -> YearCue:
    """The year named closest before a figure (`text` is the sentence up to it)."""
    meta_year = meta.year
    named = _Named()
    _explicit_years(text, named)
    _plan_ends(text, named)
    for m in _YOY_BASE.finditer(text):
        if m.start() > named.pos and named.base:
            named.pos, named.year, named.base = m.start(), None, False
    if meta_year is not None:
        _relative_years(text, meta_year, named)
        _years_under_review(text, meta, named)
    year = None if named.base else named.year
    # "到2020年" in a 2021 report looks back at a reached goal.
    target = named.target and not (year is not None and meta_year is not None and year < meta_year)
    return YearCue(year, target, named.base, named.span)


def _explicit_years(text: str, named: _Named) -> None:
    """Years in digits (2024年, 较2019年, 到2025年, 2021-2025年, 从2021年的…提高到)."""
    # A year holds for its clause up to a semicolon, or for the whole sentence when it opens it.
    clause_start = text.rfind(";") + 1
    for m in _YEAR.finditer(text):
        if m.start() < clause_start and m.start() > 8:
            continue
        named.pos = m.start()
        named.year = int(m.group("y"))
        named.target = bool(m.group("to"))
        base = (bool(m.group("base")) and not m.group("to")) or bool(_BASE_AFTER.match(text, m.end()))
        named.base = base or bool(m.group("start") and _SPAN_END.search(text, m.end()))
        named.span = bool(m.group("span")) or bool(m.group("start") and _SINCE_THEN.match(text, m.end()))


def _plan_ends(text: str, named: _Named) -> None:
    """The end of a five-year plan (十四五末): a target for its last year, or a span's start."""
    for m in _FIVE_YEAR_PLAN.finditer(text):
        if m.start() > named.pos:
            # 由"十二五"末的29.1亿元增长到50.1亿元: the plan's end is the span's start here
            start = text[max(0, m.start() - 1) : m.start()] in ("由", "从") and _SPAN_END.search(text, m.end())
            named.pos, named.year, named.target = m.start(), _PLAN_END.get(m.group("plan")), not start
            named.base, named.span = bool(start), False


def _relative_years(text: str, meta_year: int, named: _Named) -> None:
    """今年, 去年, 明年: years counted from the document's own."""
    for pattern, delta in ((_THIS_YEAR, 0), (_LAST_YEAR, -1), (_NEXT_YEAR, 1)):
        for m in pattern.finditer(text):
            if m.start() <= named.pos or _COMPARED_YEAR.search(text, max(0, m.start() - 6), m.start()):
                continue
            if text[m.start() - 1 : m.start()] in ("从", "由") and _SPAN_END.search(text, m.end()):
                continue  # 赤字率从去年的2.1%提高到2.3%: last year is where the span starts
            named.pos, named.year = m.start(), meta_year + delta
            named.target = named.base = named.span = False


def _years_under_review(text: str, meta: DocumentMeta, named: _Named) -> None:
    """过去一年: the last whole year before the text, the year a review or a year-end report is
    about — a work report's last year, a dated page's year of results, and for a page dated only
    by the latest year it names, that year (2025 in a report on 2025)."""
    review_year = default_year(meta, "actual", "FY")
    for m in _UNDER_REVIEW.finditer(text):
        if m.start() > named.pos:
            named.pos, named.year = m.start(), review_year
            named.target = named.base = named.span = False


def is_past(yc: YearCue, meta: DocumentMeta) -> bool:
    """A plan section may recall last year's result ("去年全区生产总值增长6%")."""
    return yc.year is not None and meta.year is not None and yc.year < meta.year


def default_year(meta: DocumentMeta, kind: str, period: str = "FY") -> int | None:
    """The year of a figure whose sentence and paragraph name none.

    A work report's results are for the year before it was delivered. A news page's
    results for a whole year are for a year that has ended: the year before publication,
    unless the page appeared in that year's December (year-end reviews). A page whose year of
    publication is known only as a year (its file name's) is taken to be of its first months,
    when years are reviewed. A progress report's title and the latest year a dateless page
    names give the year reported on.
    """
    if meta.year is None:
        return None
    if meta.report_type == "work_report":
        return meta.year if kind == "target" else meta.year - 1
    if kind != "actual" or period != "FY" or meta.year_source in ("title", "named"):
        return meta.year
    if meta.published is not None and meta.published.month == 12:
        return meta.year
    return meta.year - 1


_LATER_PERIOD = re.compile(r"(?=[上一前1])(?<![年前])(?:上半年|一季度|前三季度|1-\d{1,2}月)")


def _last_year_at(text: str) -> int:
    """Where the last year is named in `text` (0 when none is)."""
    spots = [m.end() for p in (_YEAR, _THIS_YEAR, _LAST_YEAR, _NEXT_YEAR, _UNDER_REVIEW) for m in p.finditer(text)]
    return max(spots, default=0)


def paragraph_year(yc: YearCue, line_before: str, meta: DocumentMeta, before: str = "") -> YearCue:
    """News name a year once for their paragraph ("2021年,…。…义乌市…77468元"): a figure
    whose own sentence names no year takes the last one its paragraph named before it."""
    if yc.year is not None or yc.comparison_base or yc.span or meta.report_type == "work_report":
        return yc
    carried = year_cue(line_before, meta)
    if carried.year is None or carried.comparison_base or carried.span:
        return yc
    # "去年全年…。上半年,河南全省…": a period named later without its own year is this year's.
    if _LATER_PERIOD.search(line_before[_last_year_at(line_before) :] + before):
        return yc
    return YearCue(carried.year, carried.target_year, False, False)


def against_a_plan_period(sentence: str, position: int) -> bool:
    """Whether the clause (to its semicolons) holding `position` compares with a five-year plan's
    period ("全社会完成固定资产投资7950亿元,比“八五”增长1.9倍"): its figures are the period's sums
    and their change over five years, no one year's."""
    start = max(sentence.rfind(ch, 0, position) for ch in ";。") + 1
    ends = [i for i in (sentence.find(ch, position) for ch in ";。") if i >= 0]
    return _AGAINST_PLAN_PERIOD.search(sentence, start, min(ends, default=len(sentence))) is not None


def not_one_years_change(yc: YearCue, measure: str, words_before: str) -> bool:
    """A figure over a span of years, or growth against another year or the year's start."""
    if yc.span:
        return True
    return measure == "growth" and (yc.comparison_base or bool(_SINCE_YEAR_START.search(words_before)))
