"""When a figure is for: its year and the part of the year (period), read from the words before it.

Rules: ../shared/eval/README.md (years, periods). These helpers look only at the text
of one sentence (plus the document's metadata); `facts.py` decides which figures
belong to which indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.lexicon import cue_alternation, cue_regex, periods
from transforms.records import DocumentMeta

# Explicit years. "较2019年" and "与2020年相比" name a comparison base, not the figure's
# year; "到2025年" names a target year. "从2021年的" names the start of a span: its year
# holds for the start value, not for the end value after 提高到 ("…分别提高到58794元").
_YEAR = re.compile(
    rf"""
    (?P<base>{cue_alternation("year_base")})?
    (?P<start>从|由)?
    (?P<to>到|至)?
    (?P<y>(?:19|20)\d{{2}})\s*年(?!代)
    (?P<span>[\d\-—~至到]{{1,6}}年)?      # 2021-2025年 is a span; its figures are not one year's
    """,
    re.VERBOSE,
)
_SPAN_END = re.compile(rf"(?:{cue_alternation('change_to')}|增|升|降)(?:到|至)")
_FIVE_YEAR_PLAN = re.compile(r"[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?:末|期末|时期末)")
# The n-th five-year plan of the reform era ("十一五" … "十五五") ends in 2005 + 5n.
_PLAN_NUMBER = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}

# 1—10月, 1至11月, 1月至7月, 前11个月; every dash variant a copy may hold.
_MONTHS = re.compile(
    r"""
      (?<!\d)1\s*月?\s*(?:-|—|–|~|～|至|到)\s*(?P<m>\d{1,2})\s*月
    | 前(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})个?月
    """,
    re.VERBOSE,
)
# A single month: 6月份, 6月当月, "6月," — not a date (6月30日), a month's end (6月末) or a range's end.
_SINGLE_MONTH = re.compile(r"(?<![\d\-—–~～至到])(?P<m>1[0-2]|[1-9])\s*月份?(?!\s*\d|\s*[日号底末初中旬上下])")
# 当月: the last month of the period in force ("前三季度…当月进出口" is September's).
_CURRENT_MONTH = cue_regex("current_month")
_LAST_MONTH = {"FY": 12, "H1": 6, "Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "Q1-Q3": 9}
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}
_THIS_YEAR = cue_regex("this_year")
# 去年 names the figure's year, but not as a comparison base (比上年增长, 较去年) or with 同期.
_LAST_YEAR = re.compile(rf"(?<![比较与])(?:{cue_alternation('last_year')})(?!同期)")
_NEXT_YEAR = cue_regex("next_year")
# 较上年, 比去年: growth against the previous year, after a clause compared with another one
# ("比2019年增长15%,社零较上年增长5%"): ordinary year-on-year growth again.
_YOY_BASE = re.compile(rf"[比较](?:{cue_alternation('last_year')})(?!同期)")
# Growth against the start of the year (较年初增长) is no year-on-year growth.
_SINCE_YEAR_START = re.compile(r"[较比]年初")


@cache
def _period_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(periods())))


def period_of(text: str, default: str) -> str:
    """The last period phrase in `text` (the stretch of sentence before a figure)."""
    found: tuple[int, str] | None = None
    pr = _period_regex()
    for m in pr.finditer(text):
        idx = int((m.lastgroup or "p0")[1:])
        found = (m.start(), periods()[idx][1])
    for m in _MONTHS.finditer(text):
        n = m.group("m") or m.group("n")
        months = int(n) if n and n.isdigit() else _CN_DIGIT.get(n or "", 0)
        if 1 < months <= 12 and (found is None or m.start() >= found[0]):
            found = (m.start(), "FY" if months == 12 else f"M1-M{months}")
    for m in _SINGLE_MONTH.finditer(text):
        if found is None or m.start() > found[0]:
            found = (m.start(), f"M{int(m.group('m'))}")
    current = max((m.start() for m in _CURRENT_MONTH.finditer(text)), default=-1)
    if current >= 0 and (found is None or current > found[0]):
        return _last_month(found[1] if found else default)
    return found[1] if found else default


def _last_month(period: str) -> str:
    """The single last month of a period: M1-M7 -> M7, Q1-Q3 -> M9, H1 -> M6."""
    if period.startswith("M"):
        return "M" + period.rsplit("M", 1)[1]
    return f"M{_LAST_MONTH.get(period, 12)}"


@dataclass(frozen=True, slots=True)
class YearCue:
    year: int | None  # explicit year, if any
    target_year: bool  # 到2025年 / 十四五末: the figure is a target for that year
    comparison_base: bool  # 较2019年: growth against another year than the previous one
    span: bool  # 2021-2025年: a multi-year span


def year_cue(text: str, meta_year: int | None) -> YearCue:
    """The year named closest before a figure (`text` is the sentence up to it)."""
    year: int | None = None
    target = base = span = False
    pos = -1
    # A year holds for its clause up to a semicolon, or for the whole sentence when it opens it.
    clause_start = text.rfind(";") + 1
    for m in _YEAR.finditer(text):
        if m.start() < clause_start and m.start() > 8:
            continue
        pos = m.start()
        year = int(m.group("y"))
        target = bool(m.group("to"))
        base = bool(m.group("base")) and not m.group("to")
        base = base or bool(m.group("start") and _SPAN_END.search(text, m.end()))
        span = bool(m.group("span"))
    for m in _FIVE_YEAR_PLAN.finditer(text):
        if m.start() > pos:
            # 由"十二五"末的29.1亿元增长到50.1亿元: the plan's end is the span's start here
            start = text[max(0, m.start() - 1) : m.start()] in ("由", "从") and _SPAN_END.search(text, m.end())
            pos, year, target, base, span = m.start(), _PLAN_NUMBER.get(m.group("n")), not start, bool(start), False
    for m in _YOY_BASE.finditer(text):
        if m.start() > pos and base:
            pos, year, base = m.start(), None, False
    if meta_year is not None:
        for pattern, delta in ((_THIS_YEAR, 0), (_LAST_YEAR, -1), (_NEXT_YEAR, 1)):
            for m in pattern.finditer(text):
                if m.start() > pos:
                    pos, year, target, base, span = m.start(), meta_year + delta, False, False, False
    if base:
        year = None
    if target and year is not None and meta_year is not None and year < meta_year:
        target = False  # "到2020年" in a 2021 report looks back at a reached goal
    return YearCue(year, target, base, span)



def is_past(yc: YearCue, meta: DocumentMeta) -> bool:
    """A plan section may recall last year's result ("去年全区生产总值增长6%")."""
    return yc.year is not None and meta.year is not None and yc.year < meta.year


def default_year(meta: DocumentMeta, kind: str, period: str = "FY") -> int | None:
    """The year of a figure whose sentence and paragraph name none.

    A work report's results are for the year before it was delivered. A news page's
    results for a whole year are for a year that has ended: the year before publication,
    unless the page appeared in that year's December.
    """
    if meta.year is None:
        return None
    if meta.report_type == "work_report":
        return meta.year if kind == "target" else meta.year - 1
    # A year's results are reported from its last month on (year-end reviews in December).
    if kind == "actual" and period == "FY" and meta.published is not None and meta.published.month < 12:
        return meta.year - 1
    return meta.year


def figure_period(meta: DocumentMeta, before: str, line_before: str, kind: str, bracket_target: bool) -> str:
    if bracket_target:
        return "FY"
    default = "FY"
    if meta.report_type != "work_report" and kind != "target":
        # "前三季度全市经济运行稳中向好": a headline names the period its figures cover.
        default = period_of(meta.title or "", "FY")
    if meta.report_type != "work_report":
        # News paragraphs name the period once ("前三季度,…") for several sentences.
        inherited = period_of(line_before, default)
        default = inherited if inherited != "FY" else default
    return period_of(before, default)


def paragraph_year(yc: YearCue, line_before: str, meta: DocumentMeta) -> YearCue:
    """News name a year once for their paragraph ("2021年,…。…义乌市…77468元"): a figure
    whose own sentence names no year takes the last one its paragraph named before it."""
    if yc.year is not None or yc.comparison_base or yc.span or meta.report_type == "work_report":
        return yc
    carried = year_cue(line_before, meta.year)
    if carried.year is None or carried.comparison_base or carried.span:
        return yc
    return YearCue(carried.year, carried.target_year, False, False)


def not_one_years_change(yc: YearCue, measure: str, words_before: str) -> bool:
    """A figure over a span of years, or growth against another year or the year's start."""
    if yc.span:
        return True
    return measure == "growth" and (yc.comparison_base or bool(_SINCE_YEAR_START.search(words_before)))
