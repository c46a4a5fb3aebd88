"""What a document is: its own region, the year it was delivered, and its type.

The region comes from the document's own words — the session line (在重庆市万州区第六届
人民代表大会…), the title, or how it refers to itself (全区 with 万州 named throughout) —
never from the file name or an aggregator footer listing other reports.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from transforms import regions
from transforms.lexicon import cue_alternation, cue_regex
from transforms.records import CleanText, DocumentMeta, ReportType

_HEAD_CHARS = 600
# Counting region names over the first part of a long report is enough and keeps it fast.
_COUNT_CHARS = 6000

# "——2024年2月2日在重庆市万州区第六届人民代表大会第五次会议上": the strongest evidence of
# both the delivering region and the date.
_SESSION = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*在?(?P<where>[^\s在日]{2,24}?)"
    r"第[一二三四五六七八九十\d]{1,3}届人民代表大会"
)
_TITLE_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年[^。\n]{0,30}?(?:政府工作报告|完成情况|进展情况|执行情况)")
_ISO_DATE = re.compile(r"(?:来源|时间|发布)?[^\n]{0,20}?(?P<y>(?:19|20)\d{2})-\d{1,2}-\d{1,2}")
_REVIEW_YEAR = re.compile(r"(?:关于)?(?P<y>(?:19|20)\d{2})\s*年(?:政府)?工作(?:回顾|总结)?(?=[\s\n]|$|回顾|总结)")
# A delivery date standing alone ("2003年4月7日") and the plan year a report announces
# ("对今后五年和2012年的工作提出建议").
_FULL_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_PLAN_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年(?:的)?(?:政府)?工作(?:提出建议|的建议|安排)")
_ANY_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年")
_PROGRESS = re.compile(rf"{cue_alternation('progress_title')}|前三季度.{{0,10}}(?:工作|情况)")
_NEWS = cue_regex("news_marker")
_SELF = re.compile(r"全(?P<lvl>省|市|区|县|州|旗)|我(?P<lvl2>省|市|区|县)")


@cache
def _county_forms() -> re.Pattern[str]:
    """Official names and short forms of every region, for counting mentions in a document."""
    forms: set[str] = set()
    for row in regions.region_rows():
        name = str(row["name"])
        forms.add(name)
        short = regions.short_form(name)
        if len(short) >= 2 and not regions.is_generic(short) and not regions.is_generic(name):
            forms.add(short)
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


def extract_metadata(doc: str, clean: CleanText) -> DocumentMeta:
    """Describe the document `doc` (its base name) from its clean text."""
    text = clean.text
    # Session lines are sometimes broken over two lines by the copy.
    joined = text[:_HEAD_CHARS].replace("\n", "")
    head = joined if _SESSION.search(joined) else text[:_HEAD_CHARS]
    title = _title(head)
    report_type = _report_type(head, title)
    year = _year(head, title)
    region = _region(text, head, title)
    return DocumentMeta(
        doc=doc,
        title=title,
        region=region.name if region else None,
        region_code=region.adcode if region else None,
        year=year,
        report_type=report_type,
    )


def _title(head: str) -> str | None:
    for line in head.split("\n")[:15]:
        line = line.strip()
        if 4 <= len(line) <= 60 and ("报告" in line or "完成情况" in line):
            return line
    first = next((ln.strip() for ln in head.split("\n") if len(ln.strip()) >= 4), None)
    return first[:60] if first else None


def _report_type(head: str, title: str | None) -> ReportType:
    t = title or ""
    if _PROGRESS.search(t):
        return "progress_report"
    if "政府工作报告" in t or _SESSION.search(head) or "各位代表" in head:
        return "work_report"
    if _NEWS.search(head) or title:
        return "news"
    return "unknown"


def _year(head: str, title: str | None) -> int | None:
    # The session line's date beats the title: aggregators retitle old reports with the year they copied them.
    for pattern, text in ((_SESSION, head), (_TITLE_YEAR, title or ""), (_TITLE_YEAR, head), (_ISO_DATE, head)):
        for m in pattern.finditer(text):
            if m.group("y"):
                return int(m.group("y"))
    for pattern in (_FULL_DATE, _PLAN_YEAR):
        m = pattern.search(head)
        if m:
            return int(m.group("y"))
    review = _REVIEW_YEAR.search(head)
    if review:  # "一、关于2014年政府工作" reviews the year before delivery
        return int(review.group("y")) + 1
    years = [int(m.group("y")) for m in _ANY_YEAR.finditer(head)]
    return max(years) if years else None


def _most_specific(text: str, context: str) -> regions.Region | None:
    """The lowest-level region named in `text` (万州区 over 重庆市 in 重庆市万州区)."""
    rank = {"county": 3, "city": 2, "province": 1, "other": 0}
    best: regions.Region | None = None
    for m in _county_forms().finditer(text):
        r = regions.resolve(m.group(), context)
        if r and (best is None or rank.get(r.level, 0) >= rank.get(best.level, 0)):
            best = r
    return best


def _region(text: str, head: str, title: str | None) -> regions.Region | None:
    if "代表国务院" in head[:300]:
        return regions.Region("全国", None, "country", None, None, None)
    m = _SESSION.search(head)
    if m:
        where = m.group("where")
        found = _most_specific(where, where + head)
        if found:
            # "鼓楼区第十届人民代表大会" alone does not say which 鼓楼区; the text must.
            named_parent = found.parent_name and regions.short_form(found.parent_name) in where
            return found if named_parent or len(regions.candidates(found.name)) == 1 else _checked(found, text)
    if title:
        found = _most_specific(title, head)
        if found:
            return _checked(found, text)
    return _by_frequency(text)


def _checked(region: regions.Region, text: str) -> regions.Region:
    """Drop the adcode of a county when the text points to another parent than the table's.

    The table's 西城区 is Beijing's; a 漯河 news page about its own 西城区 names Henan
    cities more often than 北京, so its 西城区 keeps the name but gets no code.
    """
    if region.level != "county" or not region.parent_name:
        return region
    counts: Counter[str] = Counter()
    for m in _county_forms().finditer(text, 0, _COUNT_CHARS):
        for r in regions.candidates(m.group()):
            if r.level in ("city", "province"):
                counts[r.name] += 1
                break
    own = max(counts.get(region.parent_name, 0), counts.get(region.province or "", 0))
    others = [n for name, n in counts.items() if name not in (region.parent_name, region.province)]
    if others and max(others) > own:
        return regions.Region(region.name, None, region.level, None, None, None)
    return region


def _by_frequency(text: str) -> regions.Region | None:
    """The region the text names most often at the level it calls itself (全区 -> a district)."""
    levels = Counter((m.group("lvl") or m.group("lvl2")) for m in _SELF.finditer(text))
    # A district report also says 全市 of its parent city, so the lowest level the text
    # uses for itself repeatedly is its own.
    order = ("区", "县", "旗", "市", "州", "省")
    self_level = next((lvl for lvl in order if levels.get(lvl, 0) >= 2), None)
    levels_by_word = {"区": "county", "县": "county", "旗": "county", "市": "city", "州": "city", "省": "province"}
    want = levels_by_word.get(self_level or "")
    counts: Counter[str] = Counter()
    for m in _county_forms().finditer(text, 0, _COUNT_CHARS):
        counts[m.group()] += 1
    best: tuple[int, regions.Region] | None = None
    for form, n in counts.most_common(40):
        for r in regions.candidates(form):
            if want and r.level != want and not (want == "city" and r.level == "province" and r.name.endswith("市")):
                continue
            # A district named 区 in its short form (万州) is counted with its full name.
            total = n + (counts.get(r.name, 0) if form != r.name else counts.get(regions.short_form(r.name), 0))
            if best is None or total > best[0]:
                best = (total, regions.resolve(form, text) if len(regions.candidates(form)) > 1 else r)
            break
    if best is None:
        return None
    return _checked(best[1], text)
