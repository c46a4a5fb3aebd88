"""Regular-expression fragments that several stages share, written once.

Each is a group-free fragment safe to embed in a larger pattern, verbose or not.
"""

from __future__ import annotations

import re

from transforms.knowledge.lexicon import cue_alternation

# How a text refers to its own region or to the nation (全市, 全省, 全疆, 我区, 本县, 全国, 我国),
# or, in news, back to a region named before (该市, 该省).
SELF_REFERENCE = r"(?:全(?:疆|盟|岛|[国省市区县州旗])|我[国省市区县]|本[省市区县]|该[省市区县州])"

# The level a self-reference names, by its last character.
SELF_LEVEL = {"国": "country", "省": "province", "疆": "province", "岛": "province",
              "市": "city", "州": "city", "盟": "city",
              "区": "county", "县": "county", "旗": "county"}

# A short note in brackets after a name or a figure, without figures of its own: 福州(不含平潭),
# (扣除留抵退税因素), (GDP). It places what it follows; it is neither a subject nor a boundary.
SCOPE_NOTE = re.compile(r"\([^()\d,;。]{1,12}\)")

# A growth said as a noun: 增速, 增幅, 增长率 (福州的增速达到5.4%, 泉州2.5%的增速).
GROWTH_NOUN = r"增速|增幅|增长率"

# A change verb reaching a level: 提高到, 下降至 (the level reached, not the change).
SPAN_TO = rf"(?:{cue_alternation('change_to')})(?:到|至)"
# The same, with the short verbs a span's end may take: 增至, 升至, 降到.
SPAN_END = rf"(?:{cue_alternation('change_to')}|增|升|降)(?:到|至)"

# A year written in digits: 2024年 (never 2024年代).
YEAR = r"(?:19|20)\d{2}\s*年(?!代)"


# Words before an indicator that place or time a figure without narrowing it to a
# sub-statistic (民营经济经营主体, 山体森林覆盖率, 外商市场主体 are narrowed; 全市, 2023年, 实现 are not).
_NEUTRAL = re.compile(
    rf"""
      {SELF_REFERENCE}
    | (?:19|20)\d{{2}}年 | (?:\d{{1,2}}[-—–~至])?\d{{1,2}}月份? | 第?[一二三四]季度
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
    return max(floor, end - CONTEXT_CHARS)


def last_break(text: str, end: int, breaks: str, floor: int = 0) -> int:
    """The position just after the last of the `breaks` characters in the context before `end`
    (or the context's start): where the clause or sentence holding `end` begins.

    >>> last_break("甲,乙;丙", 5, ",;")
    4
    """
    start = window_start(end, floor)
    return max([text.rfind(ch, start, end) + 1 for ch in breaks] + [start])
