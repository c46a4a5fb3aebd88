"""Chinese numerals, read in one place.

Reports write numbers in Chinese two ways: counted (十四, 六百四十三, 七点三), which cn2an
reads, and spelled digit by digit, as years are (一九八一), which is a translation.
cn2an is only ever given an isolated numeral span: on running text it would turn
一带一路 into 1带1路.
"""

from __future__ import annotations

from functools import lru_cache

import cn2an

#: Numerals spelled digit by digit, as a character class's inside: 一九八一, 二〇二四.
SPELLED_DIGITS = "一二三四五六七八九〇○零"
_SPELLED = str.maketrans("〇○零一二三四五六七八九", "000123456789")


@lru_cache(maxsize=4096)
def numeral_value(text: str, *, strict: bool = False) -> float | None:
    """The value of a span of Chinese numerals, or None when it is none.

    `strict` takes only numerals as they are counted (十四, 二十); otherwise cn2an's "smart"
    reading, which also takes decimals and Arabic digits mixed in (七点三, 1百). The last values read
    are kept: cn2an checks its input at length, and the same few numerals come back (一, 两, 三十).

    A hundred or a thousand said without its 一 (突破千亿元, 百亿级) is one hundred or one thousand.

    >>> numeral_value("六百四十三"), numeral_value("七点三"), numeral_value("一二", strict=True), numeral_value("千")
    (643.0, 7.3, None, 1000.0)
    """
    if text[:1] in ("百", "千"):
        text = "一" + text
    try:
        return float(cn2an.cn2an(text, "strict" if strict else "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def small_number(text: str) -> int:
    """A count or ordinal written in Chinese (三, 十, 十四, 二十), or 0 when `text` is none.

    >>> [small_number(t) for t in ("三", "十", "十四", "二十", "一二", "")]
    [3, 10, 14, 20, 0, 0]
    """
    value = numeral_value(text, strict=True) if text else None
    return int(value) if value is not None else 0


def spelled_year(text: str) -> int | None:
    """A year spelled digit by digit (一九八一 -> 1981), or None outside 1900-2099.

    >>> spelled_year("一九八一"), spelled_year("二〇二四"), spelled_year("一二三四")
    (1981, 2024, None)
    """
    digits = text.translate(_SPELLED)
    return int(digits) if digits.isdigit() and 1900 <= int(digits) < 2100 else None
