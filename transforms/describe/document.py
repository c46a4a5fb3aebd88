"""What a document is: its title, type, publication date, own region and year.

The region comes from the document's own words — the session line (在重庆市万州区第六届
人民代表大会…), the title, or how it refers to itself (全区 with 万州 named throughout), never
from an aggregator footer listing other reports — and only when the text names none, from
the file name (大庆市2016年上半年.html, daqing_h1_2016.html).

The year is the year a work report was delivered (its review covers the year before),
and for news, bulletins and progress reports the year of publication (README: 今年 is
the year of publication, from the dateline, or the latest year the text names).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from transforms.describe.file_name import region_in_name, year_in_name
from transforms.describe.own_region import document_region_and_source
from transforms.describe.published import dateline_day, npc_session_year, publication_date, years_named
from transforms.knowledge import regions
from transforms.knowledge.lexicon import cue_alternation, cue_regex
from transforms.knowledge.patterns import (
    CHINESE_DATE,
    LOCAL_CONGRESS,
    NATIONAL_CONGRESS,
    NATIONAL_SESSION,
    SESSION_WHERE,
    YEAR_DIGITS,
)
from transforms.records import CleanText, DocumentMeta, ReportType, YearSource

_HEAD_CHARS = 600
_YEAR = rf"(?P<y>{YEAR_DIGITS})"
# "——2024年2月2日在重庆市万州区第六届人民代表大会第五次会议上".
SESSION = re.compile(rf"(?:{CHINESE_DATE})?\s*{SESSION_WHERE}")
# What every session line holds: a text without it is not searched for one.
_CONGRESS = "届人民代表大会"
# "2023年政府工作报告", "2024年上半年…执行情况" -- not the start of a span ("1956年到1967年…纲要的执行情况").
_TITLE_YEAR = re.compile(
    rf"(?<![到至—–-]){_YEAR}\s*年(?![到至—–-])[^。\n]{{0,30}}?(?:政府工作报告|完成情况|进展情况|执行情况|运行情况|统计公报)"
)
_ISO_DATE = re.compile(rf"(?:来源|时间|发布)?[^\n]{{0,20}}?{_YEAR}-\d{{1,2}}-\d{{1,2}}")
# "一、关于2014年政府工作", "2004年工作回顾": the review of the year before delivery.
_REVIEW_YEAR = re.compile(
    rf"""
      (?:关于)?{_YEAR}\s*年(?:政府)?工作(?:回顾|总结)?(?=[\s\n]|$|回顾|总结)
    | {_YEAR.replace("<y>", "<y2>")}\s*年(?:国内)?工作的?回顾      # 一、1996年国内工作的回顾
    | (?:首先报告|刚刚过去的){_YEAR.replace("<y>", "<y3>")}\s*年       # 首先报告2001年的工作
    """,
    re.VERBOSE,
)
# A delivery date standing alone ("2003年4月7日") and the plan year a report announces
# ("对今后五年和2012年的工作提出建议", "2005年经济社会发展的主要预期目标").
_FULL_DATE = re.compile(CHINESE_DATE)
_PLAN_YEAR = re.compile(
    rf"{_YEAR}\s*年(?:的)?(?:政府)?(?:工作(?:提出建议|的建议|安排)|(?:经济社会发展的?)?主要预期目标)"
)
_GOAL_YEAR = re.compile(rf"[到至]{_YEAR}\s*年")
# "增速为2015年以来的最高": a text that looks back over a whole year it names was written after it.
_SINCE_YEAR = re.compile(rf"{_YEAR}\s*年以来")
_PROGRESS = re.compile(rf"{cue_alternation('progress_title')}|(?:半年|前三季度|一季度).{{0,10}}(?:工作|情况)(?!分析)")
_NEWS = cue_regex("news_marker")
# "2023-07-20 16:44,正文:": the body of a corpus page starts after its dateline.
_DATELINE_BODY = re.compile(r"[^\n]{0,30}?正文[::]")
# How a work report opens: the address to the deputies, the government's own voice, the review.
# A title line of its own among the first lines ("工作报告\n保定市满城区2021年政府工作报告").
_TITLE_LINE = re.compile(r"\A(?:[^\n]*\n){0,3}[^\n]{0,30}政府工作报告[^\n]{0,10}$", re.MULTILINE)
_SESSION_BYLINE = re.compile(rf"在[^\s在。,]{{2,24}}?{LOCAL_CONGRESS}第[^\n。,]{{1,6}}次会议上")
_WORK_REPORT_HEAD = re.compile(r"各位代表|我代表[^,。\n]{0,12}人民政府|^[一1][、.]\s*[^\n]{0,12}工作回顾", re.MULTILINE)
_BULLETIN = cue_regex("bulletin_marker")
# How far into the text a statistics bureau's release names itself.
_BULLETIN_CHARS = 200
_NATIONAL = re.compile(
    r"代表国务院|受[^,。]{0,8}国务院的?委托|根据国务院的决定|向(?:第[^\n]{1,6}届)?全国人民代表大会"
    rf"|^[^。]{{0,60}}{NATIONAL_CONGRESS}{NATIONAL_SESSION}"
)
_OUR_NATION = re.compile(r"我国|全国各族人民")
_NATIONAL_BUREAU = re.compile(r"国家统计局|国务院新闻办")
_LOCAL_SELF = re.compile(r"[全我本][省市区县州旗]")
# How far into a report its review of the past year reaches, for counting the years it names.
_REVIEW_CHARS = 4000

# A first line that is a sentence of prose, not a title: a full stop well inside its first 60 characters
# (a title may ask a question or exclaim: 谁春风得意?谁蚌埠住了?).
_LEAD_SENTENCE = re.compile(r"[^\n]{12,60}?。[^\n]")
# Front matter keys of markdown pages and RSS mirrors.
_FRONT_TITLE = re.compile(r"^title:\s*'?(?P<v>[^'\n]+?)'?\s*$", re.MULTILINE)
_ORIGINAL_TITLE = re.compile(r"原标题[::]\s*(?P<v>[^\n。!?]{4,40})")
# Lines that are no title: bylines, datelines, sources, front matter keys and rules, images.
_NOT_A_TITLE = re.compile(
    rf"""
      ^(?:---|[a-z_]+:|-\s)                 # front matter
    | ^(?:{cue_alternation("byline", "source_word")})   # bylines and sources
    | ^[\d\s:\-年月日/.,]+(?:正文[::]|$)     # a dateline alone
    | https?://                             # links
    """,
    re.VERBOSE,
)


def extract_metadata(doc: str, clean: CleanText, today: dt.date) -> DocumentMeta:
    """Describe the document `doc` (its base name) from its clean text; `today` bounds the years
    a page without a date can be about (a pure stage does not read the clock)."""
    text = clean.text
    # Session lines are sometimes broken over two lines by the copy.
    joined = text[:_HEAD_CHARS].replace("\n", "")
    head = joined if _CONGRESS in joined and SESSION.search(joined) else text[:_HEAD_CHARS]
    title = _title(text[:_HEAD_CHARS])
    lead = title is not None and bool(_LEAD_SENTENCE.match(title))
    if lead:
        title = None  # "安徽省统计局日前发布…通报。一季度…": the lead of a copy that lost its title
    published = publication_date(text[:_HEAD_CHARS])
    report_type = _report_type(head, title, text[:_HEAD_CHARS], published is not None or lead)
    national = _national(text)
    # A text that names neither its region nor its year may still be filed under a name that does.
    named_in_file = region_in_name(doc)
    region, region_source = document_region_and_source(text, head, title, national, named_in_file)
    if region is None and named_in_file is not None:
        region, region_source = named_in_file, "file_name"
    in_name = year_in_name(doc)
    source: YearSource = "report"
    if report_type == "work_report":
        year = _delivery_year(head, title, text, in_name)
    else:
        year, source = _publication_year(head, title, published)
        if year is None:
            year, source = (in_name, "file_name") if in_name else (_latest_year(text, today.year), "named")
    if published is None and in_name and year == in_name and report_type != "work_report":
        # "台州8月10日电" in a file named …_2023: the page's date, so 今年 and last year's results read right.
        published = dateline_day(head, in_name)
    return DocumentMeta(
        doc=doc,
        title=title,
        region=region.name if region else None,
        region_code=region.adcode if region else None,
        year=year,
        report_type=report_type,
        published=published,
        year_source=source,
        region_source=region_source,
    )


def placement_warning(meta: DocumentMeta) -> str | None:
    """One sentence for a document whose figures cannot all be placed: it names no region or no
    year of its own (and its file name gives none), so a figure whose clause names neither is not
    loaded. None when the document has both."""
    missing = [what for what, value in (("region", meta.region), ("year", meta.year)) if value is None]
    if not missing:
        return None
    return (f"{meta.doc}: names no {' and no '.join(missing)} of its own, and its file name gives none; "
            f"figures whose own sentence names no {' or '.join(missing)} were not loaded (rename the file "
            f"with the region and year, e.g. 大庆市2016年上半年.txt, and run again)")


def _title(head: str) -> str | None:
    front = _FRONT_TITLE.search(head)
    if front and head.startswith("---"):
        return front.group("v").strip()[:80]
    original = _ORIGINAL_TITLE.search(head)
    lines = [ln.strip() for ln in head.split("\n")]
    for line in lines[:15]:
        if 4 <= len(line) <= 60 and ("报告" in line or "完成情况" in line) and not _NOT_A_TITLE.search(line):
            return line
    if original:
        return original.group("v").strip()
    first = next((ln for ln in lines if len(ln) >= 4 and not _NOT_A_TITLE.search(ln)), None)
    return first[:60] if first else None


def _report_type(head: str, title: str | None, text: str, dated: bool = False) -> ReportType:
    """`head` has the session line joined up; `text` is the first part of the text as written.
    A dated page, or one opening on prose, that is no report or bulletin is news
    ("2023-07-27 09:13:31,正文:…")."""
    t = title or ""
    if _PROGRESS.search(t):
        return "progress_report"
    news = bool(_NEWS.search(head))
    # A news page about a congress ("…第十四届人民代表大会第二次会议开幕,省长…向大会报告工作")
    # names the session too; the report itself is addressed to the deputies or signed "在…上".
    if (
        "政府工作报告" in t
        or _TITLE_LINE.search(text)
        or _SESSION_BYLINE.search(head)
        or _WORK_REPORT_HEAD.search(text)
    ):
        return "work_report"
    body = _body_start(text)
    if _BULLETIN.search(t) or _BULLETIN.search(text, body, body + _BULLETIN_CHARS):
        return "bulletin"
    if news or title or dated:
        return "news"
    return "unknown"


def _body_start(text: str) -> int:
    """Where the text after front matter and a dateline starts."""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end >= 0:
            return end + 4
    m = _DATELINE_BODY.match(text)
    return m.end() if m else 0


def _delivery_year(head: str, title: str | None, text: str, in_name: int | None) -> int | None:
    """The year a work report was delivered: the year the text states (session line, title, date,
    review heading), else the year its file name gives, else the year inferred from the years
    it names."""
    # The session line's date beats the title: aggregators retitle old reports with the year they copied them.
    session = npc_session_year(text[:1500])
    sessions = head if _CONGRESS in head else ""
    for pattern, where in ((SESSION, sessions), (_TITLE_YEAR, title or ""), (_TITLE_YEAR, head)):
        for m in pattern.finditer(where):
            if m.group("y"):
                return int(m.group("y"))
    if session:
        return session
    for pattern in (_ISO_DATE, _FULL_DATE, _PLAN_YEAR):
        m = pattern.search(head)
        if m:
            return int(m.group("y"))
    review = _REVIEW_YEAR.search(text[:3000])
    if review:  # "一、关于2014年政府工作" reviews the year before delivery
        return int(review.group("y") or review.group("y2") or review.group("y3")) + 1
    plan = _PLAN_YEAR.search(text)
    if plan:
        return int(plan.group("y"))
    if in_name:
        return in_name
    # A report reviews the year before it was delivered, and names that year most often
    # (not counting the bases it compares with or the deadlines it sets: 比2007年, 到1985年).
    named = Counter(years_named(text[:_REVIEW_CHARS], bases=False))
    return named.most_common(1)[0][0] + 1 if named else None


def _publication_year(head: str, title: str | None, published: dt.date | None) -> tuple[int | None, YearSource]:
    """The year a page was published, from its date, else the year a progress report's title
    names (the year it reports on), else a date in its head."""
    if published is not None:
        return published.year, "date"
    sources: tuple[tuple[re.Pattern[str], str, YearSource], ...] = (
        (_TITLE_YEAR, title or "", "title"), (_ISO_DATE, head, "date"), (_FULL_DATE, head, "date"))
    for pattern, where, source in sources:
        m = pattern.search(where)
        if m:
            return int(m.group("y")), source
    return None, "named"


def _latest_year(text: str, now: int) -> int | None:
    """The latest year the text names as a year that has been by `now` (not a goal: 到2035年): a
    page without a date that reports last year's results names last year more than its own."""
    goals = {int(m.group("y")) for m in _GOAL_YEAR.finditer(text)}
    years = [y for y in years_named(text) if y <= now and y not in goals]
    years += [y + 1 for y in (int(m.group("y")) for m in _SINCE_YEAR.finditer(text)) if y < now]
    return max(years) if years else None


def _national(text: str) -> bool:
    """A national report or page: the State Council reports to the National People's Congress,
    or the text speaks of 我国 throughout and of no province or city as its own."""
    if _NATIONAL.search(text[:1500]):
        return True
    own = sum(1 for _ in _LOCAL_SELF.finditer(text, 0, _REVIEW_CHARS))
    ours = len(_OUR_NATION.findall(text, 0, _REVIEW_CHARS))
    # A short page on the nation names no region of its own at all, and the national bureau's
    # release or press conference says neither 我国 nor 全国 (国家统计局…介绍前三季度国民经济运行情况).
    unplaced = not regions.mention_finder().search(text, 0, _REVIEW_CHARS)
    national_bureau = unplaced and _NATIONAL_BUREAU.search(text, 0, _BULLETIN_CHARS * 2)
    return own < 2 and (ours >= 5 or (ours >= 2 and unplaced) or bool(national_bureau))
