"""Regular-expression fragments that several stages share, written once.

Each is a group-free fragment safe to embed in a larger pattern, verbose or not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from transforms.knowledge.lexicon import cue_alternation

# The digits of a year: 1900 to 2099.
YEAR_DIGITS = r"(?:19|20)\d{2}"
# A year written in digits: 2024年 (never 2024年代).
YEAR = rf"{YEAR_DIGITS}\s*年(?!代)"

# A date in Chinese: 2024年2月2日 (groups `y`, `m`, `d`).
CHINESE_DATE = rf"(?P<y>{YEAR_DIGITS})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"

# The Chinese numerals of small counts and ordinals (第十四届, 前三个月), as a character class's inside.
CN_DIGITS = "一二三四五六七八九十"

# A five-year plan by its number (十三五, “十四五”): the reform era's plans are the 十n五.
FIVE_YEAR_PLAN = "十[一二三四五六七八九]五"
# Any five-year plan's period as a comparison's term: quoted ("八五", “十五”) or said as a period
# (九五时期), the planned era's 六五 to 十五 included; or the last five years (上个五年, 五年前).
PLAN_PERIOD = (
    r"[“\"](?:十[一二三四五六七八九]?|[六七八九])五[”\"]"
    r"|(?:十[一二三四五六七八九]|[六七八九])五(?=时期|期间|计划|末)"
    r"|上一?个五年|五年前"
)

# A local people's congress by its term (第六届人民代表大会), and where a session line says it met:
# "在重庆市万州区第六届人民代表大会" (group `where`).
LOCAL_CONGRESS = rf"第[{CN_DIGITS}\d]{{1,3}}届人民代表大会"
# (The lookahead, a necessary condition, passes at once a place with no 第 within reach: the lazy
# name alone tried every length up to 24 at every character of a text's head.)
SESSION_WHERE = rf"在?(?=[^\s在日第]{{0,24}}+第)(?P<where>[^\s在日]{{2,24}}?){LOCAL_CONGRESS}"
# The national congress by its term and session (第十届全国人民代表大会第三次会议).
NATIONAL_CONGRESS = rf"第(?P<term>[{CN_DIGITS}]{{1,3}})届全国人民代表大会"
NATIONAL_SESSION = rf"第(?P<n>[{CN_DIGITS}]{{1,2}})次会议"

# Where a clause ends (a figure's year, region or verb is read within it), where the words a
# figure is written with end, and where the part of a sentence a statement covers ends.
CLAUSE_BREAKS = ",;:。"
PHRASE_BREAKS = ",;:"
SENTENCE_PART_BREAKS = ";。"

# How a text refers to its own region or to the nation (全市, 全省, 全疆, 我区, 本县, 全国, 我国),
# or, in news, back to a region named before (该市, 该省).
# 中国 as the nation a news page speaks of (上半年中国GDP同比增长6.3%), not in an institution's or a
# slogan's name (中国人民银行, 中国国家统计局, 中国特色).
SELF_REFERENCE = (
    r"(?:全(?:疆|盟|岛|[国省市区县州旗])|我[国省市区县]|本[省市区县]|该[省市区县州]"
    r"|中国(?!人民|特色|共产|国家|银行|国际|式|梦|制造|企业|移动|联通|电信|石油|石化|建设|农业|工商))"
)

# The level a self-reference names, by its last character.
SELF_LEVEL = {"国": "country", "省": "province", "疆": "province", "岛": "province",
              "市": "city", "州": "city", "盟": "city",
              "区": "county", "县": "county", "旗": "county"}

# A short note in brackets after a name or a figure, without figures of its own: 福州(不含平潭),
# (扣除留抵退税因素), (GDP). It places what it follows; it is neither a subject nor a boundary.
SCOPE_NOTE = re.compile(r"\([^()\d,;。]{1,12}\)")

# A growth said as a noun: 增速, 增幅, 增长率 (福州的增速达到5.4%, 泉州2.5%的增速).
GROWTH_NOUN = cue_alternation("growth_noun")

# A change verb reaching a level: 提高到, 下降至 (the level reached, not the change).
SPAN_TO = rf"(?:{cue_alternation('change_to')})(?:到|至)"
# The same, with the short verbs a span's end may take: 增至, 升至, 降到.
SPAN_END = rf"(?:{cue_alternation('change_to')}|增|升|降)(?:到|至)"



# Words before an indicator that place or time a figure without narrowing it to a
# sub-statistic (民营经济经营主体, 山体森林覆盖率, 外商市场主体 are narrowed; 全市, 2023年, 实现 are not).
_NEUTRAL = re.compile(
    rf"""
      {SELF_REFERENCE}
    | {YEAR_DIGITS}年 | (?:\d{{1,2}}[-—–~至])?\d{{1,2}}月份? | 第?[一二三四]季度
    | {cue_alternation("neutral_prefix")}
    | [\d,、\s]
    """,
    re.VERBOSE,
)


def strip_neutral(words: str) -> str:
    """`words` without the words that place or time a figure.

    >>> strip_neutral("2023年全市实现")
    ''
    """
    return _NEUTRAL.sub("", words)


#: How far back from a figure its context is read (years, periods, regions, cue words): a
#: sentence of real prose states them well within this; reading no further keeps a long
#: sentence's cost linear in its length instead of quadratic.
CONTEXT_CHARS = 600


def window_start(end: int, floor: int = 0) -> int:
    """Where the context of a figure at `end` starts: `CONTEXT_CHARS` back, never before `floor`.

    >>> window_start(1000), window_start(100), window_start(1000, floor=700)
    (400, 0, 700)
    """
    start = end - CONTEXT_CHARS
    return start if start > floor else floor


def last_break(text: str, end: int, breaks: str, floor: int = 0) -> int:
    """The position just after the last of the `breaks` characters in the context before `end`
    (or the context's start): where the clause or sentence holding `end` begins.

    >>> last_break("甲,乙;丙", 5, ",;")
    4
    """
    start = window_start(end, floor)
    after = _after_breaks(text, breaks)
    last = bisect_right(after, end if end >= 0 else len(text) + end) - 1  # a negative end counts from the text's end
    return after[last] if last >= 0 and after[last] > start else start


@lru_cache(maxsize=64)
def _after_breaks(text: str, breaks: str) -> tuple[int, ...]:
    """The positions just after each of the `breaks` characters in `text`, in order. A sentence's
    are asked for again and again (its figures' clauses; 56,000 questions, 12,500 distinct, a pass)."""
    return tuple(m.end() for m in _break_class(breaks).finditer(text))


@lru_cache(maxsize=16)
def _break_class(breaks: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(breaks) + "]")


# A leading lookbehind of a fragment: (?<![上下]), (?<!前).
_LEADING_LOOKBEHIND = re.compile(r"\(\?<[!=](?:[^()\\]|\\.)*\)")
_SPECIAL = set("\\.^$*+?{}[]()|")


def initials_guard(fragments: list[str]) -> str:
    """A lookahead on the characters the regex `fragments` can start with (their leading lookbehinds
    passed over), to put before their alternation: it changes no match but lets the engine pass every
    other position at once. Empty when a fragment's first character cannot be told (a class, a group,
    an optional first character, alternatives of its own): the alternation is then searched as it is.

    >>> initials_guard(["全年", "(?<![上下])半年", "1—3季度"]), initials_guard(["[一二]季度"])
    ('(?=[1全半])', '')
    """
    firsts = set()
    for fragment in fragments:
        rest = fragment
        while m := _LEADING_LOOKBEHIND.match(rest):
            rest = rest[m.end() :]
        if not rest or rest[0] in _SPECIAL or rest[1:2] in ("?", "*", "{") or "|" in rest:
            return ""
        firsts.add(rest[0])
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(firsts)) + "])"
