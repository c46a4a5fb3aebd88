"""Which part of a year a figure is for (its period: FY, H1, Q1, Q1-Q3, M1-M7, M6…), read from
the words before it (rules: ../shared/eval/README.md, periods).

A period phrase covers the figures after it until another period or a year is named; a
period named as a comparison base (较一季度加快) is none. News name their period once, in the
headline or the lead, for the whole article.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from transforms.knowledge.lexicon import cue_regex, periods
from transforms.knowledge.numerals import small_number
from transforms.knowledge.patterns import CLAUSE_BREAKS, CN_DIGITS, YEAR_DIGITS, initials_guard, last_break
from transforms.records import CleanText, DocumentMeta

# 1—10月, 1至11月, 1月至7月, 前11个月; every dash variant a copy may hold.
_MONTHS = re.compile(
    rf"""
    (?=[1前])   # what the two forms start with: every other position is passed at once
    (?:
      (?<!\d)1\s*月?\s*(?:-|—|–|~|～|至|到)\s*(?P<m>\d{{1,2}})\s*月
    | 前(?P<n>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})个?月
    )
    """,
    re.VERBOSE,
)
# A single month: 6月份, 6月当月, "6月," — not a date (6月30日), a month's end (6月末) or a range's end.
_SINGLE_MONTH = re.compile(
    r"(?=[1-9])(?<![\d\-—–~～至到前])(?P<m>1[0-2]|[1-9])\s*月份?(?!\s*\d|\s*[日号底末初中旬上下])"
)
# A stock as of a month's end (截至9月末, 截至2023年6月底): that month's figure.
_MONTH_END = re.compile(rf"截至(?:{YEAR_DIGITS}\s*年)?\s*(?P<m>1[0-2]|[1-9])\s*月(?:末|底)")
# 当月: the last month of the period in force ("前三季度…当月进出口" is September's).
_CURRENT_MONTH = cue_regex("current_month")
_TIME_POINT_AFTER = re.compile(r"后|以来|末|初")
# A period or month right after these is a comparison base: 较一季度加快, 比1-6月提高.
_COMPARED_BEFORE = re.compile(r"(?:较|比|与|同|于)(?:今年|去年|上年|同期)?$")
# A year named on its own, not as the start of a period (2022年GDP, not 2022年上半年) or a base.
_BARE_YEAR = re.compile(
    rf"(?=[12])(?<![较比与同“\"《「]){YEAR_DIGITS}\s*年(?!\s*(?:[上下前一二三四第]|\d{{1,2}}\s*[-—–~至月]|度|以来|末|底|同期))"
)
_THROUGH_QUARTER = {"Q1": "Q1", "Q2": "H1", "Q3": "Q1-Q3", "Q4": "FY"}
_LAST_MONTH = {"FY": 12, "H1": 6, "Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "Q1-Q3": 9}


@cache
def _period_regex() -> re.Pattern[str]:
    guard = initials_guard([p for p, _ in periods()])
    return re.compile(guard + "(?:" + "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(periods())) + ")")


# January to a quarter's end is that quarter's period: 1至6月 is the same half year as 上半年.
_QUARTER_END = {3: "Q1", 6: "H1", 9: "Q1-Q3", 12: "FY"}


def period_of(text: str, default: str) -> str:
    """The period of a figure from the words before it (`text`): the last period phrase, unless
    a year named after it starts over (README: a period covers the figures after it until
    another period or year is named). A period named as a comparison base (较一季度加快) is none."""
    found, over, current = _periods_read(text)
    if over:
        return "FY"
    period = found if found is not None else default
    return _last_month(period) if current else period


@lru_cache(maxsize=512)
def _periods_read(text: str) -> tuple[str | None, bool, bool]:
    """What `period_of` reads in `text`, whatever its default: the last period named (None when
    none is), whether a year named on its own starts over after it, and whether 当月 follows it.
    The last texts read are kept: a figure's steps ask about the same words more than once, with
    more than one default."""
    found: tuple[int, str] | None = None
    for start, _end, period in _period_phrases(text):
        if not _COMPARED_BEFORE.search(text, max(0, start - 4), start):
            found = (start, period)
    # A year named on its own after the last period (or with no period before it) starts over.
    if any(found is None or m.start() > found[0] for m in _BARE_YEAR.finditer(text)):
        return None, True, False
    current = max((m.start() for m in _CURRENT_MONTH.finditer(text)), default=-1)
    return (found[1] if found else None), False, current >= 0 and (found is None or current > found[0])


@lru_cache(maxsize=512)
def _period_phrases(text: str) -> tuple[tuple[int, int, str], ...]:
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
    for pattern in (_SINGLE_MONTH, _MONTH_END):
        for m in pattern.finditer(text):
            if not any(a <= m.start() < b for a, b, _ in out):
                out.append((m.start(), m.end(), f"M{int(m.group('m'))}"))
    return tuple(sorted(out))


# A breakdown by quarter names each quarter alone: "分季度看,一季度增长11.9%,…三季度增长9.6%";
# the next breakdown ("分产业看,第一产业增加值…") is of the whole period again.
_BY_QUARTER = re.compile(r"分季度")
_QUARTER_BREAKDOWN = re.compile(r"分季度看.*?(?=分[^,;:。季]{1,4}看|$)", re.DOTALL)
_OTHER_BREAKDOWN = re.compile(r"分[^,;:。季]{1,4}看")
# What may stand around the periods of a subject that names nothing else: 、1~4月, 到上半年.
_PERIOD_GLUE = re.compile(r"[、,;\s到至和及而今年的]*")


def _past_breakdown(words: str, after: str) -> str:
    """`words` without a breakdown by quarter that another breakdown (in `words` or `after` them)
    has closed: its quarters time none of the figures after it."""
    if not _OTHER_BREAKDOWN.search(after) and not _OTHER_BREAKDOWN.search(words[words.rfind("分季度看") :]):
        return words
    return _QUARTER_BREAKDOWN.sub("", words)


def _in_a_partial_years_article(before: str, period: str, lead: str, meta: DocumentMeta) -> str:
    """In an article on part of a year, a past year named on its own is compared over the same
    part ("一季度…。2018年增速回落至4%"); last year named with its total is the whole year ("该市去年的
    经济总量为6210.4亿元")."""
    clause = before[last_break(before, len(before), CLAUSE_BREAKS) :]
    if period == lead and _LAST_YEAR_WHOLE.search(clause) and not _period_phrases(clause):
        return "FY"
    named = [int(m.group("y")) for m in _BARE_YEAR_OF.finditer(clause)]
    if period == "FY" and named and meta.year and max(named) < meta.year and not _WHOLE_YEAR.search(clause):
        return lead
    return period


def past_years_level(before: str, meta: DocumentMeta) -> bool:
    """A level whose clause names a past year on its own ("2009年江苏全省实现生产总值34061.19亿元" in
    an article on this year's first quarter): that year's total, whatever part of this year the
    article is about (a growth so named is compared over the same part: `_in_a_partial_years_article`)."""
    clause = before[last_break(before, len(before), CLAUSE_BREAKS) :]
    named = [int(m.group("y")) for m in _BARE_YEAR_OF.finditer(clause)]
    return bool(named) and meta.year is not None and max(named) < meta.year and not _period_phrases(clause)


# 去年/上年 as the figure's own time (not 去年同期): the whole of last year.
_LAST_YEAR_WHOLE = re.compile(r"(?=[去上])(?<![比较与])(?:去年|上年)(?!同期|同月)")
_BARE_YEAR_OF = re.compile(rf"(?P<y>{YEAR_DIGITS})\s*年(?!\s*(?:[上下前一二三四第]|\d|度|以来|末|底|同期))")
_WHOLE_YEAR = re.compile(r"全年|年度")


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
    body = _body(clean)
    lead = lead_text(clean)
    period = _first_period(lead) if lead else "FY"
    if period == "FY" and meta.report_type in ("bulletin", "news"):
        # A bureau's release covers one period; an excerpt that lost its lead may name it only
        # further down ("初步统计,前三季度蔬菜产量增长4.5%"). One period named throughout is the release's.
        named = {p for _a, _b, p in _period_phrases(body) if p in _CUMULATIVE or p.startswith("M1-")}
        if len(named) == 1:
            return named.pop()
    return period


def _body(clean: CleanText) -> str:
    front = [s for s in clean.sections if s.role == "front"]
    return clean.text[front[0].end if front else 0 :].lstrip()


def lead_text(clean: CleanText) -> str:
    """A news text's lead: the first sentences of the first paragraph of its body long enough to be one."""
    leads = [_LEAD.match(p).group() for p in _body(clean).split("\n", 3)[:3] if len(p) >= 20]
    return leads[0] if leads else ""


def prose_lead(clean: CleanText) -> tuple[str, int]:
    """The first paragraph of prose (one with a full stop) among a text's first lines, past a
    headline, a dateline and a byline ("31省份今年增速目标揭晓" / "来源:第一财经" / "从经济增长目标来看,…。"),
    and where that paragraph ends in the clean text."""
    body = _body(clean)
    offset = len(clean.text) - len(body)
    for paragraph in body.split("\n", 8)[:8]:
        if "。" in paragraph:
            return _LEAD.match(paragraph).group(), offset + len(paragraph)
        offset += len(paragraph) + 1
    return "", 0


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
        default = period_of(_past_breakdown(line_before, before), default)
    period = period_of(_past_breakdown(before, ""), default)
    if meta.report_type != "work_report" and lead in _CUMULATIVE | {"Q1"}:
        period = _in_a_partial_years_article(before, period, lead, meta)
    # A county's release on the half year reports "二季度" GDP through June: the quarter that ends
    # the release's period is that period, cumulated.
    if (meta.report_type in ("bulletin", "progress_report") and _THROUGH_QUARTER.get(period) == lead != period
            and not _BY_QUARTER.search(line_before + before)):
        return lead
    return period
