"""Where a figure sits: its kind, year, period, region and wording, read from the sentence.

These helpers look only at one clean sentence (plus the document's metadata and its
section role); `facts.py` decides which figures belong to which indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms import regions
from transforms.lexicon import cues, extra_regions, periods
from transforms.records import CleanText, DocumentMeta

# Explicit years. "较2019年" and "与2020年相比" name a comparison base, not the figure's
# year; "到2025年" names a target year. "从2021年的" names the start of a span: its year
# holds for the start value, not for the end value after 提高到 ("…分别提高到58794元").
_YEAR = re.compile(
    r"""
    (?P<base>较|比|与|同|是|相当于)?
    (?P<start>从|由)?
    (?P<to>到|至)?
    (?P<y>(?:19|20)\d{2})\s*年(?!代)
    (?P<span>[\d\-—~至到]{1,6}年)?      # 2021-2025年 is a span; its figures are not one year's
    """,
    re.VERBOSE,
)
_SPAN_END = re.compile(r"(?:提高|增长|增加|提升|上升|扩大|跃升|增|升|降|下降|减少)(?:到|至)")
_FIVE_YEAR_PLAN = re.compile(r"[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?:末|期末|时期末)")
# The n-th five-year plan of the reform era ("十一五" … "十五五") ends in 2005 + 5n.
_PLAN_NUMBER = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}

# 1—10月, 1至11月, 1-3季度; every dash variant a copy may hold.
_MONTHS = re.compile(
    r"(?<!\d)1\s*(?:-|—|–|~|～|至|到)\s*(?P<m>\d{1,2})\s*月"  # 1—10月, 1至11月
    r"|前(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})个月"  # 前11个月
)
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}
_THIS_YEAR = re.compile(r"今年|本年")
_LAST_YEAR = re.compile(r"去年(?!同期)|上年(?!同期)|上一年")
_NEXT_YEAR = re.compile(r"明年")


@cache
def _period_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(periods())))


@cache
def _cue_regex(role: str) -> re.Pattern[str]:
    words = cues().get(role, ())
    return re.compile("|".join(re.escape(w) for w in words)) if words else re.compile(r"(?!)")


def has_cue(role: str, text: str) -> bool:
    return bool(_cue_regex(role).search(text))


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
    return found[1] if found else default


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


_SELF_OR_NATION = re.compile(r"全国|我国|全(?:疆|盟|岛|[省市区县州旗])|我[省市区县]|本[省市区县]")


@cache
def _region_regex() -> re.Pattern[str]:
    return regions.mention_regex()


def region_in(text: str, meta: DocumentMeta) -> tuple[str, str | None] | None:
    """A region named in `text` (the words just before an indicator), as (name, adcode)."""
    last = None
    last_at = -1
    for m in _region_regex().finditer(text):
        last, last_at = m.group(), m.start()
    # 全区/全市/我县 after a named region brings the figure back to the document's region;
    # 全国/我国 names the nation.
    for m in _SELF_OR_NATION.finditer(text):
        if m.start() > last_at:
            last, last_at = m.group(), m.start()
    county = _trailing_county(text, meta)
    if county is not None and len(text) - len(county[2]) > last_at:
        return county[0], county[1]
    if last is None:
        return None
    if last in ("全国", "我国"):
        return "全国", None
    if _SELF_OR_NATION.fullmatch(last):
        return meta.region, meta.region_code
    if last in extra_regions():
        return extra_regions()[last], None
    if meta.region and (last == meta.region or regions.short_form(meta.region) == last):
        return meta.region, meta.region_code
    r = regions.resolve(last, meta.title or "")
    if r is None:
        return None
    if meta.region and r.level != "province" and meta.region_code is None and r.name == meta.region:
        return meta.region, None
    return r.name, r.adcode


def wording(sentence_before: str, qualifier: str) -> str:
    if has_cue("hard", sentence_before):
        return "hard"
    if has_cue("soft", sentence_before) or qualifier == "approx":
        return "soft"
    return "none"


def strip_regions(text: str) -> str:
    """`text` without region names (重庆、四川 in 重庆、四川规模以上工业增加值; 万州 in 万州地区生产总值)."""
    text = _region_regex().sub("", text)
    for k in (4, 3, 2):
        if len(text) >= k and _county_forms(text[-k:]):
            return text[:-k]
    return text


def _county_forms(form: str) -> list[regions.Region]:
    if regions.is_generic(form):
        return []
    return [r for r in regions.candidates(form) if r.level == "county" and regions.short_form(r.name) == form]


def _trailing_county(text: str, meta: DocumentMeta) -> tuple[str, str | None, str] | None:
    """A county named by its short form right before an indicator (万州地区生产总值).

    County stems collide with ordinary words, so only the words directly before the
    indicator are tried, and a stem shared by several counties must be settled by the
    document's own province or city.
    """
    for k in (4, 3, 2):
        form = text[-k:]
        cands = _county_forms(form) if len(text) >= k else []
        if not cands:
            continue
        if meta.region_code:
            near = [r for r in cands if r.adcode and r.adcode[:2] == meta.region_code[:2]]
            cands = near or ([] if len(cands) > 1 else cands)
        if len(cands) == 1:
            r = cands[0]
            if meta.region and r.name == meta.region:
                return meta.region, meta.region_code, form
            return r.name, r.adcode, form
        return "", None, form  # a county we cannot tell apart: its figure is placed nowhere
    return None


_HEADING_YEAR = re.compile(r"((?:19|20)\d{2})年")
_TARGETS_OPENING = re.compile(r"(?:今年|明年|(?:19|20)\d{2}年)[^。]{0,16}?(?:主要)?预期目标")


def plan_start(clean: CleanText, meta: DocumentMeta) -> int | None:
    """Where a work report without a recognised plan heading starts its plan (主要预期目标)."""
    if meta.report_type != "work_report" or any(s.role == "plan" for s in clean.sections):
        return None
    m = _TARGETS_OPENING.search(clean.text)
    return m.start() if m else None


def section_role(clean: CleanText, index: int, meta: DocumentMeta) -> str:
    """A section's role, corrected by the year its heading names ("二、2024年目标任务和主要工作")."""
    if not clean.sections:
        return "other"
    section = clean.sections[index]
    years = [int(y) for y in _HEADING_YEAR.findall(section.title)]
    if meta.year and years and meta.report_type == "work_report":
        return "plan" if max(years) >= meta.year else "review"
    return section.role


_DEFAULT_PERIOD = (("前三季度", "Q1-Q3"), ("上半年", "H1"), ("半年", "H1"), ("一季度", "Q1"))


def is_past(yc: YearCue, meta: DocumentMeta) -> bool:
    """A plan section may recall last year's result ("去年全区生产总值增长6%")."""
    return yc.year is not None and meta.year is not None and yc.year < meta.year


def default_year(meta: DocumentMeta, kind: str) -> int | None:
    if meta.year is None:
        return None
    if meta.report_type == "work_report" and kind != "target":
        return meta.year - 1
    return meta.year


def figure_period(meta: DocumentMeta, before: str, line_before: str, kind: str, bracket_target: bool) -> str:
    if bracket_target:
        return "FY"
    default = "FY"
    if meta.report_type in ("progress_report", "news") and kind != "target":
        # "前三季度全市经济运行稳中向好": a headline names the period its figures cover.
        title = meta.title or ""
        default = next((p for word, p in _DEFAULT_PERIOD if word in title), "FY")
    if meta.report_type in ("news", "progress_report", "unknown"):
        # News paragraphs name the period once ("前三季度,…") for several sentences.
        inherited = period_of(line_before, default)
        default = inherited if inherited != "FY" else default
    return period_of(before, default)
