"""When a document was published or delivered, read from its own head.

News pages carry their date in front matter (``date: Fri, 12 Aug 2022 03:50:27 GMT``), in
a dateline ("2023-07-20 16:44,正文:"), beside their source ("来源:重庆日报2023-12-25",
"2024年01月22日14:31 | 来源:人民网"); a work report in its session line
("——2024年2月2日在…人民代表大会…上"). A national work report that gives no date names its
session ("第十届全国人民代表大会第三次会议"), whose year follows from the congress's term.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from transforms.knowledge.lexicon import npc_sessions
from transforms.knowledge.numerals import small_number
from transforms.knowledge.patterns import CHINESE_DATE, NATIONAL_CONGRESS, NATIONAL_SESSION, YEAR_DIGITS

_ISO = re.compile(rf"(?P<y>{YEAR_DIGITS})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?!\d)")
_CHINESE_DATE = re.compile(CHINESE_DATE)
_ANY_DATE = rf"{YEAR_DIGITS}(?:[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?!\d)|\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)"

# Front matter: a line "date: <RFC 2822 or ISO date>" inside a leading --- block.
_FRONT_DATE = re.compile(r"^date:\s*'?(?P<v>[^'\n]+)'?\s*$", re.MULTILINE)
# Where a page states its own date: a dateline opening the text, or a date beside 来源/发布/时间.
_DATELINES = (
    re.compile(rf"^\s*{_ANY_DATE}[^\n]{{0,12}}?正文"),                     # 2023-07-20 16:44,正文:
    re.compile(rf"(?:来源|发布|时间|日期|发稿)[^\n]{{0,24}}?{_ANY_DATE}"),   # 来源:重庆日报2023-12-25
    re.compile(rf"{_ANY_DATE}[^\n]{{0,12}}?(?:\||来源)"),                   # 2024年01月22日14:31 | 来源
    # "——2024年2月2日在重庆市万州区第六届人民代表大会第五次会议上"
    re.compile(rf"{_ANY_DATE}\s*在[^\n。]{{0,40}}?人民代表大会"),
)
# "向第十届全国人民代表大会第三次会议(报告)": the session the report is delivered to (not one
# recalled: "第十届全国人民代表大会第一次会议以来的五年").
# A report "向第四届全国人民代表大会作" names no session: a government reports to a new congress at its first.
_NPC_SESSION = re.compile(rf"[向在]{NATIONAL_CONGRESS}(?:{NATIONAL_SESSION}|(?=作))")
_DIGIT_YEAR = re.compile(rf"(?<!\d)(?P<y>{YEAR_DIGITS})\s*年(?!代)")
# The words that make the year after them a comparison's base or a goal's deadline, not a
# year under review: 比2007年, 从2007年的, (,)到一九八五年 -- but 增加到2012年的 ends a span reviewed.
_BASE_BEFORE = re.compile(r"(?:[比较从由]|(?:^|[,。;:!?、\s]|争取|力争|计划|预计)[到至])$")
# ...or the multiple after it makes it the base of a ratio: 是2011年的1.6倍.
_BASE_AFTER = re.compile(r"\s*年的\s*[\d.]+\s*倍")


def _date_in(text: str) -> dt.date | None:
    """The first well-formed date written in `text`."""
    for pattern in (_ISO, _CHINESE_DATE):
        for m in pattern.finditer(text):
            try:
                return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                continue
    return None


def _front_matter_date(value: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    return _date_in(value)


def publication_date(head: str) -> dt.date | None:
    """The date a page was published or a report delivered, from the first lines of its clean text."""
    front = _FRONT_DATE.search(head)
    if front:
        found = _front_matter_date(front.group("v"))
        if found:
            return found
    for pattern in _DATELINES:
        for m in pattern.finditer(head):
            found = _date_in(m.group())
            if found:
                return found
    return None


# A news agency's dateline without a year: "中国青年报客户端台州8月10日电", "本报讯(2月3日)".
_DAY_DATELINE = re.compile(r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:电|讯)")


def dateline_day(head: str, year: int) -> dt.date | None:
    """The date of a dateline that gives month and day only ("台州8月10日电"), in `year`
    (which the caller knows from elsewhere, e.g. the file name).

    >>> dateline_day("中青网记者 台州8月10日电(记者 蒋雨彤)", 2023)
    datetime.date(2023, 8, 10)
    """
    m = _DAY_DATELINE.search(head, 0, 300)
    if not m:
        return None
    try:
        return dt.date(year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def npc_session_year(head: str) -> int | None:
    """The year of the national congress session the head names (data/npc_sessions.csv)."""
    m = _NPC_SESSION.search(head)
    if not m:
        return None
    return npc_sessions().get((small_number(m.group("term")), small_number(m.group("n") or "一")))


def years_named(text: str, *, bases: bool = True) -> list[int]:
    """Every year clean `text` names (2024年; cleaning wrote 一九五八年 as 1958年), in order;
    without the years named as a comparison's base or a deadline (比2007年, 到2035年) unless `bases`.

    >>> years_named("1958年度计划和2024年目标")
    [1958, 2024]
    >>> years_named("补贴资金从2007年的639亿元增加到2012年的1923亿元。到2035年", bases=False)
    [2012]
    >>> years_named("2016年全县生产总值是2011年的1.6倍", bases=False)
    [2016]
    """
    found = [(m.start(), int(m.group("y"))) for m in _DIGIT_YEAR.finditer(text)]
    if not bases:
        found = [(at, year) for at, year in found
                 if not _BASE_BEFORE.search(text[max(0, at - 3) : at]) and not _BASE_AFTER.match(text, at + 4)]
    return [year for _, year in sorted(found)]
