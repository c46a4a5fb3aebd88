"""When a figure is for: its year and the part of the year (period), read from the words before it.

Rules: ../shared/eval/README.md (years, periods). These helpers look only at the text
of one sentence (plus the document's metadata); `facts.py` decides which figures
belong to which indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.knowledge.lexicon import cue_alternation, cue_regex, periods
from transforms.knowledge.numerals import small_number
from transforms.knowledge.patterns import CN_DIGITS, FIVE_YEAR_PLAN, SPAN_END, YEAR_DIGITS
from transforms.records import CleanText, DocumentMeta

# Explicit years. "较2019年" and "与2020年相比" name a comparison base, not the figure's
# year; "到2025年" names a target year. "从2021年的" names the start of a span: its year
# holds for the start value, not for the end value after 提高到 ("…分别提高到58794元").
_YEAR = re.compile(
    rf"""
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
_FIVE_YEAR_PLAN = re.compile(rf"[“\"]?(?P<plan>{FIVE_YEAR_PLAN})[”\"]?(?:末|期末|时期末)")
# The n-th five-year plan of the reform era ("十一五" … "十五五") ends in 2005 + 5n.
_PLAN_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}

# 1—10月, 1至11月, 1月至7月, 前11个月; every dash variant a copy may hold.
_MONTHS = re.compile(
    rf"""
      (?<!\d)1\s*月?\s*(?:-|—|–|~|～|至|到)\s*(?P<m>\d{{1,2}})\s*月
    | 前(?P<n>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})个?月
    """,
    re.VERBOSE,
)
# A single month: 6月份, 6月当月, "6月," — not a date (6月30日), a month's end (6月末) or a range's end.
_SINGLE_MONTH = re.compile(r"(?<![\d\-—–~～至到前])(?P<m>1[0-2]|[1-9])\s*月份?(?!\s*\d|\s*[日号底末初中旬上下])")
# 当月: the last month of the period in force ("前三季度…当月进出口" is September's).
_CURRENT_MONTH = cue_regex("current_month")
_TIME_POINT_AFTER = re.compile(r"后|以来|末|初")
# A period or month right after these is a comparison base: 较一季度加快, 比1-6月提高.
_COMPARED_BEFORE = re.compile(r"(?:较|比|与|同|于)(?:今年|去年|上年|同期)?$")
# A year named on its own, not as the start of a period (2022年GDP, not 2022年上半年) or a base.
_BARE_YEAR = re.compile(
    rf"(?<![较比与同“\"《「]){YEAR_DIGITS}\s*年(?!\s*(?:[上下前一二三四第]|\d{{1,2}}\s*[-—–~至月]|度|以来|末|底|同期))"
)
_THROUGH_QUARTER = {"Q1": "Q1", "Q2": "H1", "Q3": "Q1-Q3", "Q4": "FY"}
_LAST_MONTH = {"FY": 12, "H1": 6, "Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "Q1-Q3": 9}
_THIS_YEAR = cue_regex("this_year")
# 去年 names the figure's year, but not as a comparison base (比上年增长, 较去年,
# 在上年高位增长的基础上) or with 同期.
_LAST_YEAR = re.compile(rf"(?<![比较与])(?:{cue_alternation('last_year')})(?!同期|[^,。;]{{0,6}}(?:基础上|基数))")
_NEXT_YEAR = cue_regex("next_year")
# 较上年, 比去年: growth against the previous year, after a clause compared with another one
# ("比2019年增长15%,社零较上年增长5%"): ordinary year-on-year growth again.
_YOY_BASE = re.compile(rf"[比较](?:{cue_alternation('last_year')})(?!同期)")
# 快于该省去年全年增速: a year named as the term of a comparison is not the figure's.
_COMPARED_YEAR = re.compile(rf"(?:{cue_alternation('comparison')}|超过)[^,;。]{{0,4}}$")
# Growth against the start of the year (较年初增长) is no year-on-year growth.
_SINCE_YEAR_START = re.compile(r"[较比]年初")


@cache
def _period_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(periods())))


# January to a quarter's end is that quarter's period: 1至6月 is the same half year as 上半年.
_QUARTER_END = {3: "Q1", 6: "H1", 9: "Q1-Q3", 12: "FY"}


def period_of(text: str, default: str) -> str:
    """The period of a figure from the words before it (`text`): the last period phrase, unless
    a year named after it starts over (README: a period covers the figures after it until
    another period or year is named). A period named as a comparison base (较一季度加快) is none."""
    found: tuple[int, str] | None = None
    for start, _end, period in _period_phrases(text):
        if not _COMPARED_BEFORE.search(text, max(0, start - 4), start):
            found = (start, period)
    # A year named on its own after the last period (or with no period before it) starts over.
    if any(found is None or m.start() > found[0] for m in _BARE_YEAR.finditer(text)):
        return "FY"
    current = max((m.start() for m in _CURRENT_MONTH.finditer(text)), default=-1)
    if current >= 0 and (found is None or current > found[0]):
        return _last_month(found[1] if found else default)
    return found[1] if found else default


def _period_phrases(text: str) -> list[tuple[int, int, str]]:
    """Every period phrase of `text`: listed phrases, month ranges and single months, in order."""
    out: list[tuple[int, int, str]] = []
    for m in _period_regex().finditer(text):
        period = periods()[int((m.lastgroup or "p0")[1:])][1]
        if _TIME_POINT_AFTER.match(text, m.end()):
            # 一季度末 is a point in time; 经过二季度后 the first half, cumulated through the quarter
            if not text.startswith("后", m.end()) or period not in _THROUGH_QUARTER:
                continue
            period = _THROUGH_QUARTER[period]
        out.append((m.start(), m.end(), period))
    for m in _MONTHS.finditer(text):
        n = m.group("m") or m.group("n")
        months = int(n) if n and n.isdigit() else small_number(n or "")
        if 1 < months <= 12:
            out.append((m.start(), m.end(), _QUARTER_END.get(months, f"M1-M{months}")))
    for m in _SINGLE_MONTH.finditer(text):
        if not any(a <= m.start() < b for a, b, _ in out):
            out.append((m.start(), m.end(), f"M{int(m.group('m'))}"))
    return sorted(out)


# What may stand around the periods of a subject that names nothing else: 、1~4月, 到上半年.
_PERIOD_GLUE = re.compile(r"[、,;\s到至和及而今年的]*")


def only_periods(words: str) -> bool:
    """Whether `words` name periods and nothing else ("、1~4月", "到上半年"): a run with such a
    subject goes on with the indicator of the run before it, for another period."""
    rest, named = words, False
    for start, end, _period in reversed(_period_phrases(words)):
        rest, named = rest[:start] + rest[end:], True
    return named and bool(_PERIOD_GLUE.fullmatch(rest))


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
        span = bool(m.group("span")) or bool(m.group("start") and _SINCE_THEN.match(text, m.end()))
    for m in _FIVE_YEAR_PLAN.finditer(text):
        if m.start() > pos:
            # 由"十二五"末的29.1亿元增长到50.1亿元: the plan's end is the span's start here
            start = text[max(0, m.start() - 1) : m.start()] in ("由", "从") and _SPAN_END.search(text, m.end())
            pos, year, target, base, span = m.start(), _PLAN_END.get(m.group("plan")), not start, bool(start), False
    for m in _YOY_BASE.finditer(text):
        if m.start() > pos and base:
            pos, year, base = m.start(), None, False
    if meta_year is not None:
        for pattern, delta in ((_THIS_YEAR, 0), (_LAST_YEAR, -1), (_NEXT_YEAR, 1)):
            for m in pattern.finditer(text):
                if m.start() <= pos or _COMPARED_YEAR.search(text, max(0, m.start() - 6), m.start()):
                    continue
                if text[m.start() - 1 : m.start()] in ("从", "由") and _SPAN_END.search(text, m.end()):
                    continue  # 赤字率从去年的2.1%提高到2.3%: last year is where the span starts
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
    unless the page appeared in that year's December. A page without a date is dated by the
    latest year it names, which for a review is the year it reviews.
    """
    if meta.year is None:
        return None
    if meta.report_type == "work_report":
        return meta.year if kind == "target" else meta.year - 1
    # A year's results are reported from its last month on (year-end reviews in December).
    if kind == "actual" and period == "FY" and meta.published is not None and meta.published.month < 12:
        return meta.year - 1
    return meta.year


# The periods a release may cover: from January to the end of a quarter or month (not 6月当月).
_CUMULATIVE = frozenset({"Q1", "H1", "Q1-Q3"})
# A lead is a paragraph's first sentences: a page kept as one line holds the whole article.
_LEAD = re.compile(r"[^。!?]*(?:[。!?][^。!?]*){0,2}")


def lead_period(clean: CleanText, meta: DocumentMeta) -> str:
    """The period a news text is about: its headline's ("前三季度全市经济运行稳中向好"), else the
    one its lead paragraph names first ("近日,福建省各地2022年上半年的GDP纷纷出炉")."""
    headline = period_of(meta.title or "", "")
    if headline:
        return headline
    front = [s for s in clean.sections if s.role == "front"]
    body = clean.text[front[0].end if front else 0 :].lstrip()
    leads = [_LEAD.match(paragraph).group() for paragraph in body.split("\n", 3)[:3] if len(paragraph) >= 20]
    period = _first_period(leads[0]) if leads else "FY"
    if period == "FY" and meta.report_type in ("bulletin", "news"):
        # A bureau's release covers one period; an excerpt that lost its lead may name it only
        # further down ("初步统计,前三季度蔬菜产量增长4.5%"). One period named throughout is the release's.
        named = {p for _a, _b, p in _period_phrases(body) if p in _CUMULATIVE or p.startswith("M1-")}
        if len(named) == 1:
            return named.pop()
    return period


def _first_period(text: str) -> str:
    firsts = [(m.start(), m) for m in _period_regex().finditer(text)]
    if not firsts:
        return period_of(text, "FY")
    _, m = min(firsts, key=lambda pair: pair[0])
    return period_of(text[: m.end()], "FY")


def figure_period(
    meta: DocumentMeta, before: str, line_before: str, kind: str, bracket_target: bool, lead: str = "FY"
) -> str:
    if bracket_target:
        return "FY"
    default = "FY"
    if meta.report_type != "work_report" and kind != "target":
        default = lead
    if meta.report_type != "work_report":
        # News paragraphs name the period once ("前三季度,…") for several sentences, and a
        # year named on its own ("2022年,安宁市完成…") is the whole year's until another period.
        default = period_of(line_before, default)
    return period_of(before, default)


_LATER_PERIOD = re.compile(r"(?<![年前])(?:上半年|一季度|前三季度|1-\d{1,2}月)")


def _last_year_at(text: str) -> int:
    """Where the last year is named in `text` (0 when none is)."""
    spots = [m.end() for p in (_YEAR, _THIS_YEAR, _LAST_YEAR, _NEXT_YEAR) for m in p.finditer(text)]
    return max(spots, default=0)


def paragraph_year(yc: YearCue, line_before: str, meta: DocumentMeta, before: str = "") -> YearCue:
    """News name a year once for their paragraph ("2021年,…。…义乌市…77468元"): a figure
    whose own sentence names no year takes the last one its paragraph named before it."""
    if yc.year is not None or yc.comparison_base or yc.span or meta.report_type == "work_report":
        return yc
    carried = year_cue(line_before, meta.year)
    if carried.year is None or carried.comparison_base or carried.span:
        return yc
    # "去年全年…。上半年,河南全省…": a period named later without its own year is this year's.
    if _LATER_PERIOD.search(line_before[_last_year_at(line_before) :] + before):
        return yc
    return YearCue(carried.year, carried.target_year, False, False)


def not_one_years_change(yc: YearCue, measure: str, words_before: str) -> bool:
    """A figure over a span of years, or growth against another year or the year's start."""
    if yc.span:
        return True
    return measure == "growth" and (yc.comparison_base or bool(_SINCE_YEAR_START.search(words_before)))
