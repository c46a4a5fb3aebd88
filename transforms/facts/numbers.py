"""Numbers with units in clean text: 1179.4亿元, 增长6.9%, 0.2个百分点, 2.3:1, 6%—6.5%, 近2万户.

`find_numbers` returns every figure with its unit, qualifier words and range, in text
order. It works on clean text (half-width digits and punctuation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.knowledge.lexicon import cue_alternation, cue_initials, cue_words, units
from transforms.knowledge.numerals import numeral_value

# Qualifier words written before the number (cues.csv: ge_before, le_before, approx_before),
# longest first so 不低于 is not read as 低于; 迈上/跃上 pass a milestone like 突破.
_PRE = rf"(?P<pre>{cue_alternation('ge_before', 'le_before', 'approx_before')})?"
# The characters a figure may start with: a qualifier word's first, a digit, a sign, a Chinese
# numeral. Each pattern below opens on a lookahead on its own set, which changes no match but
# lets the engine pass every other character of a sentence (most of them) at once.
_PRE_INITIALS = cue_initials("ge_before", "le_before", "approx_before")
_NUMERALS = "零〇一二两三四五六七八九十百千"

# An Arabic number; thousands separators only in strict groups of three so that a
# list "4.8%,13.1%" is never read as one number.
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# Chinese numerals only as a whole span directly followed by a magnitude or unit;
# cn2an converts that span alone (never running text: it would turn 一带一路 into 1带1路).
_CHINESE = (
    r"[零〇一二两三四五六七八九十百千]{1,8}"
    r"(?:万[零〇一二两三四五六七八九十百千]{1,8}(?=点|亿))?"  # 二万五千九百六十八点五五亿元: 25968.55 亿元
    r"(?:点[零〇一二三四五六七八九]{1,4})?"                  # 六百四十三点七亿元
    r"(?:亿[零〇一二两三四五六七八九十百千]{1,8}(?=万))?"  # 六百四十三亿七千万元: 643.7 亿元
    r"(?=[万亿]|元|人|户|家|头|吨|天)"
)

# 百分之七点三: a per cent in Chinese numerals, read whole by cn2an.
_CHINESE_PERCENT = r"[零〇一二两三四五六七八九十百点]{1,10}"

# 百分点 is written without its 个 as often as with it; the figure's unit is 个百分点.
_UNIT_SPELLINGS = {"百分点": "个百分点"}
# 个 counts things only when no noun of time or place follows (3个月, 5个县 are no figures).
_COUNT_NOUN_AFTER = r"(?!月|季度|年|县|区|市|乡|镇|村|项|批)"


def _unit_pattern() -> str:
    """The unit: magnitude, an approximation word (2万余户, 1000多万元) and a base unit of units.csv."""
    table = units()
    magnitudes = sorted({u.unit[: -len(u.base_unit)] for u in table.values() if u.unit != u.base_unit},
                        key=len, reverse=True)
    bases = sorted({*(u.base_unit for u in table.values()), *_UNIT_SPELLINGS}, key=len, reverse=True)
    base = "|".join(re.escape(b) + (_COUNT_NOUN_AFTER if b == "个" else "") for b in bases)
    yu = cue_alternation("ge_magnitude")
    return rf"""
        (?P<yu0>{yu})?              # 1000多万元: the approximation word may come before the magnitude
        (?P<mag>{"|".join(map(re.escape, magnitudes))})?
        (?P<yu>{yu})?
        (?P<base>{base})            # longest first: 个百分点 before 个, 人次 before 人
    """


NUMBER = re.compile(
    rf"""
    (?<![\d.])
    (?=[\d\-−{_NUMERALS}{_PRE_INITIALS}])
    {_PRE}
    (?:
        (?P<a>{_ARABIC})\s*:\s*1(?![\d.])          # a ratio 2.3:1 (城乡收入比), read as 倍
        (?P<ratio>)
    |
        百分之(?P<pct>{_CHINESE_PERCENT})            # a per cent in words, as older reports write it
        (?:\s*(?P<pct_post>{cue_alternation('ge_after', 'le_after', 'approx_after')}))?
    |
        (?:
            (?P<low>{_ARABIC})(?P<low_unit>%|个百分点)?\s*   # range start; may repeat the unit (6%—6.5%)
            (?:-|—|–|~|～|至|到)\s*(?=\d)
        )?
        (?P<neg>(?<![\d%])[-−](?=\d))?           # a negative figure: 钦州(-0.7%)
        (?:(?P<num>{_ARABIC})|(?P<cn>{_CHINESE}))
        \s*{_unit_pattern()}
        (?:\s*(?P<post>{cue_alternation('ge_after', 'le_after', 'approx_after')}))?
    )
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Number:
    start: int  # clean offsets of the figure (qualifier words included)
    end: int
    value: float
    value_high: float | None
    unit: str  # as written, normalised to the README list (百分点 -> 个百分点)
    qualifier: str  # eq / ge / le / approx


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))


@cache
def _qualifier_of(position: str) -> dict[str, str]:
    """Qualifier word written `position` ("before" / "after") the number -> the qualifier it makes."""
    return {word: qualifier for qualifier in ("ge", "le", "approx") for word in cue_words(f"{qualifier}_{position}")}


def _qualifier(pre: str | None, yu: str | None, post: str | None) -> str:
    # The word after the number is the more specific one: 控制在5.5%左右 is approx.
    if post:
        return _qualifier_of("after")[post]
    if yu:
        return "ge"
    return _qualifier_of("before").get(pre or "", "eq")


# Zero growth written as words (GDP罕见出现零增长, 与上年同期持平): a growth of 0 %.
_ZERO_GROWTH = re.compile(r"零增长|(?:与上年同期|与去年同期|同比)持平")


# What any figure must hold: a digit, a Chinese numeral before a magnitude or unit (百分之, 万亿),
# or a zero growth in words (零增长, 持平). Most sentences of a report hold none, and this test is
# far cheaper than NUMBER. It opens on the class of all their first characters, which the engine
# looks for alone; the lookbehinds then tell which one it found.
_ANY_FIGURE = re.compile(
    rf"[\d{_NUMERALS}持万]"
    rf"(?:(?<=\d)|(?<=[{_NUMERALS}])[万亿元人户家头吨天]|(?<=零)增长|(?<=持)平|(?<=百)分之|(?<=万)亿)"
)


def may_hold_figure(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] may hold a figure (`find_numbers` finds none where it holds none)."""
    return _ANY_FIGURE.search(text, start, len(text) if end is None else end) is not None


def figure_from(text: str, pos: int = 0) -> tuple[int, int] | None:
    """The span of the first place at or after `pos` that may hold a figure (what `may_hold_figure`
    looks for, in the whole text), or None."""
    found = _ANY_FIGURE.search(text, pos)
    return found.span() if found else None

# A milestone passed in yuan without the 元 (跃上两万亿大关, 突破千亿台阶, 跨过1万亿关口).
_BARE_MILESTONE = re.compile(
    rf"(?<![\d.])(?=[\d万亿{_NUMERALS}{_PRE_INITIALS}]){_PRE}"
    rf"(?:(?P<num>{_ARABIC})|(?P<cn>[{_NUMERALS}]{{0,8}}))(?P<mag>万亿|亿)"
    rf"(?=(?:{cue_alternation('milestone_noun')}))"
)


# What the two patterns above need, looked for before them: 亿 and the milestone's noun (亿大关), a
# digit before 亿 or 万亿 (5123.45亿).
_MILESTONE_AT = re.compile(rf"亿(?:{cue_alternation('milestone_noun')})")
_DIGITS_AND_YI = re.compile(r"\d\s*万?亿")


# A ratio written without its unit after the ratio's name: 城乡居民收入比缩小到1.88, 收入倍差由2.05缩小至1.94.
# Only decimals between 1 and 10, and only in the clause after the name, up to two (a span's ends).
_BARE_RATIO = re.compile(r"(?<![\d.:])(?P<n>[1-9]\.\d{1,2})(?![\d.]|\s*(?:[%:倍万亿元个年月日号]|以上|以下))")
_CLAUSE_END = re.compile(r"[,;。!?]")


def bare_ratios(text: str, after: int, taken: list[Number]) -> list[Number]:
    """Unit-less ratios (倍) in the clause that starts at `after` (the end of a ratio's name),
    skipping figures already found.

    >>> [(n.value, n.unit) for n in bare_ratios("城乡居民收入比由2.05缩小至1.94,低于全国", 7, [])]
    [(2.05, '倍'), (1.94, '倍')]
    """
    end = _CLAUSE_END.search(text, after)
    stop = end.start() if end else len(text)
    out = []
    for m in _BARE_RATIO.finditer(text, after, stop):
        if len(out) == 2 or any(n.start <= m.start() < n.end for n in taken):
            break
        out.append(Number(m.start(), m.end(), float(m.group("n")), None, "倍", "eq"))
    return out


def find_numbers(text: str) -> list[Number]:
    """Every figure with a known unit in `text`."""
    if not _ANY_FIGURE.search(text):
        return []
    out: list[Number] = [Number(m.start(), m.end(), 0.0, None, "%", "eq") for m in _ZERO_GROWTH.finditer(text)
                         ] if "零增长" in text or "持平" in text else []
    for m in NUMBER.finditer(text):
        if m.group("pct") is not None:
            found = _percent_in_words(m)
        elif m.group("ratio") is not None:
            qualifier = _qualifier(m.group("pre"), None, None)
            found = Number(m.start(), m.end(), _to_float(m.group("a")), None, "倍", qualifier)
        else:
            found = _amount(m)
        if found is not None:
            out.append(found)
    if "亿" in text:  # a milestone and an amount without its 元 are in 亿 or 万亿
        if _MILESTONE_AT.search(text):
            out.extend(filter(None, map(_milestone, _BARE_MILESTONE.finditer(text))))
        if _DIGITS_AND_YI.search(text):
            out.extend(_bare_yuan(m) for m in _BARE_YUAN.finditer(text))
    return sorted(out, key=lambda n: n.start)


def _percent_in_words(m: re.Match[str]) -> Number | None:
    """百分之七点三."""
    value = numeral_value(m.group("pct"))
    if value is None:
        return None
    return Number(m.start(), m.end(), value, None, "%", _qualifier(m.group("pre"), None, m.group("pct_post")))


# A round hundred or thousand said without its 一 is read only as a milestone passed before the
# exact figure ("突破千亿元,达1037.69亿元"), which the exact figure then stands for.
_EXACT_AFTER = re.compile(r"[,\s]*(?:大关|关口|台阶)?[,\s]*(?:达到|达|为)\s*\d")


def _amount(m: re.Match[str]) -> Number | None:
    """A figure with its unit (1179.4亿元, 六百四十三亿七千万元, 6%—6.5%, -0.7%), or None for a unit
    the unit table does not know."""
    base = _UNIT_SPELLINGS.get(m.group("base"), m.group("base"))
    unit = (m.group("mag") or "") + base
    if m.group("num"):
        value: float | None = _to_float(m.group("num"))
    elif m.group("cn")[:1] in ("百", "千") and (
            m.string[m.start("cn") - 1 : m.start("cn")] == "个" or not _EXACT_AFTER.match(m.string, m.end())):
        return None  # 超千亿元的县域, 跨越3个千亿元台阶: a class or a count of round sums, no figure
    else:
        yi, _, wan = m.group("cn").partition("亿")
        value, wan_value = numeral_value(yi), numeral_value(wan) if wan else 0.0
        if value is None or wan_value is None:
            return None
        if wan:  # 六百四十三亿七千万元 -> 643.7 亿元
            value, unit = value + wan_value / 10_000, "亿" + base
    if unit not in units() or value is None:
        return None
    high = None
    if m.group("low"):
        value, high = _to_float(m.group("low")), value
    elif m.group("neg"):
        value = -value
    return Number(m.start(), m.end(), value, high, unit,
                  _qualifier(m.group("pre"), m.group("yu") or m.group("yu0"), m.group("post")))


# An amount in yuan written without its 元, ending its clause or followed by its growth:
# "上半年GDP5123.45亿,增长6%", "其经济总量接近900亿". A unit-less 万 is too often people or things.
_BARE_YUAN = re.compile(
    rf"""
    (?<![\d.]) (?=[\d{_PRE_INITIALS}]) {_PRE} (?P<num>{_ARABIC}) \s* (?P<mag>万亿|亿)
    (?: \s* (?P<post>{cue_alternation('ge_after', 'le_after', 'approx_after')}) )?
    (?= \s* (?: [,;。、)] | $ | {cue_alternation('growth', 'decline', 'year_on_year')} ) )
    """,
    re.VERBOSE,
)


def _bare_yuan(m: re.Match[str]) -> Number:
    return Number(m.start(), m.end(), _to_float(m.group("num")), None, m.group("mag") + "元",
                  _qualifier(m.group("pre"), None, m.group("post")))


def _milestone(m: re.Match[str]) -> Number | None:
    """A milestone passed in yuan without its 元 (跃上两万亿大关, 突破千亿台阶)."""
    if not (m.group("num") or m.group("cn") or m.group("mag") == "万亿"):
        return None  # 亿大关 alone is no amount
    cn = m.group("cn") or "一"
    # 千亿 is 一千亿
    value = _to_float(m.group("num")) if m.group("num") else numeral_value("一" + cn if cn[0] in "十百千" else cn)
    if value is None:
        return None
    return Number(m.start(), m.end(), value, None, m.group("mag") + "元", _qualifier(m.group("pre"), None, None))
