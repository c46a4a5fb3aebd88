"""Numbers with units in clean text: 1179.4亿元, 增长6.9%, 0.2个百分点, 2.3:1, 6%—6.5%, 近2万户.

`find_numbers` returns every figure with its unit, qualifier words and range, in text
order. It works on clean text (half-width digits and punctuation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from transforms.lexicon import units

# Qualifier words written before the number. Longest first inside the alternation so
# 不低于 is not read as 低于. 迈上/跃上/站上/迈过 pass a milestone like 突破 ("跃上1.4万亿斤").
_PRE = r"(?P<pre>不低于|不少于|不超过|控制在|超过|突破|跨过|跨越|迈上|跃上|站上|迈过|接近|大约|超|约|近)?"
_PASSED = ("不低于", "不少于", "超过", "突破", "跨过", "跨越", "迈上", "跃上", "站上", "迈过", "超")

# An Arabic number; thousands separators only in strict groups of three so that a
# list "4.8%,13.1%" is never read as one number.
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# Chinese numerals only as a whole span directly followed by a magnitude or unit;
# cn2an converts that span alone (never running text: it would turn 一带一路 into 1带1路).
_CHINESE = r"[零〇一二两三四五六七八九十百千]{1,8}(?=[万亿]|元|人|户|家|头|吨|天)"

# The unit: an optional magnitude, an optional 余/多 (2万余户), then the base unit.
# 个百分点 before 个 and 人次 before 人 so the longer unit wins.
_UNIT = r"""
    (?P<yu0>余|多)?              # 1000多万元: the approximation word may come before the magnitude
    (?P<mag>万亿|亿|万)?
    (?P<yu>余|多)?
    (?P<base>个百分点|百分点|元|美元|%|人次|人|吨|斤|头|户|家|天|倍|亩|个(?!月|季度|年|县|区|市|乡|镇|村|项|批))
"""

NUMBER = re.compile(
    rf"""
    (?<![\d.])
    {_PRE}
    (?:
        (?P<a>{_ARABIC})\s*:\s*1(?![\d.])          # a ratio 2.3:1 (城乡收入比), read as 倍
        (?P<ratio>)
    |
        (?:
            (?P<low>{_ARABIC})(?P<low_unit>%|个百分点)?\s*   # range start; may repeat the unit (6%—6.5%)
            (?:-|—|–|~|～|至|到)\s*(?=\d)
        )?
        (?:(?P<num>{_ARABIC})|(?P<cn>{_CHINESE}))
        \s*{_UNIT}
        (?P<post>以上|以内|以下|左右)?
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


def _qualifier(pre: str | None, yu: str | None, post: str | None) -> str:
    # The word after the number is the more specific one: 控制在5.5%左右 is approx.
    if post == "左右":
        return "approx"
    if post in ("以内", "以下"):
        return "le"
    if post == "以上" or yu:
        return "ge"
    if pre in _PASSED:
        return "ge"
    if pre in ("控制在", "不超过"):
        return "le"
    if pre in ("约", "近", "接近", "大约"):
        return "approx"
    return "eq"


def find_numbers(text: str) -> list[Number]:
    """Every figure with a known unit in `text`."""
    out: list[Number] = []
    for m in NUMBER.finditer(text):
        if m.group("ratio") is not None:
            qualifier = _qualifier(m.group("pre"), None, None)
            out.append(Number(m.start(), m.end(), _to_float(m.group("a")), None, "倍", qualifier))
            continue
        base = m.group("base")
        if base == "百分点":
            base = "个百分点"
        unit = (m.group("mag") or "") + base
        if unit not in units():
            continue
        if m.group("num"):
            value = _to_float(m.group("num"))
        else:
            try:
                value = float(cn2an.cn2an(m.group("cn"), "smart"))
            except (ValueError, KeyError, TypeError):
                continue
        high = None
        if m.group("low"):
            value, high = _to_float(m.group("low")), value
        out.append(Number(m.start(), m.end(), value, high, unit,
                          _qualifier(m.group("pre"), m.group("yu") or m.group("yu0"), m.group("post"))))
    return out
