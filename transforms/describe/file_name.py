"""The region and year a file's name gives, for a text that names neither itself.

Statistics bureaus publish bulletins that never name their own city ("全市", "今年以来"),
and users keep such pages under names that say what they are: 大庆市2016年上半年.html,
daqing_h1_2016.html. The name is read only when the text gives nothing, and only where it
is unambiguous: one four-digit year, a region name written in characters, or a pinyin
word that spells the short name of exactly one region (daqing → 大庆市; taizhou, shared by
台州 and 泰州, gives nothing).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePath

from pypinyin import lazy_pinyin

from transforms.knowledge import regions

_YEAR = re.compile(r"(?<!\d)(?P<y>19[4-9]\d|20\d\d)(?!\d)")
_LATIN_WORD = re.compile(r"[a-z]+")


def year_in_name(doc: str) -> int | None:
    """The year a file name gives, when it gives exactly one.

    >>> year_in_name("n052_daqing_bulletin_2016.html"), year_in_name("2019-2020对比.txt")
    (2016, None)
    """
    years = {int(m.group("y")) for m in _YEAR.finditer(PurePath(doc).stem)}
    return years.pop() if len(years) == 1 else None


def region_in_name(doc: str) -> regions.Region | None:
    """The region a file name gives, in characters or in pinyin, when only one region fits.

    >>> region_in_name("大庆市2016年上半年.html").name, region_in_name("n056_fuling_bulletin_2025.txt").name
    ('大庆市', '涪陵区')
    >>> region_in_name("g07_taizhou_progress_2021.txt") is None
    True
    """
    stem = PurePath(doc).stem
    named = {m.word for m in regions.mention_finder().finditer(stem)}
    found = {r for form in named for r in regions.candidates(form)}
    if not found:
        found = {r for word in _LATIN_WORD.findall(stem.lower()) for r in _by_pinyin().get(word, ())}
    found = {r for r in found if r.adcode}
    return found.pop() if len(found) == 1 else None


@cache
def _by_pinyin() -> dict[str, tuple[regions.Region, ...]]:
    """Pinyin of every region's short form (and of its full name) -> the regions it spells."""
    out: dict[str, set[regions.Region]] = {}
    for row in regions.region_rows():
        if not row["adcode"]:
            continue
        region = regions.by_code(str(row["adcode"]))
        if region is None:
            continue
        for form in {region.name, regions.short_form(region.name)}:
            out.setdefault("".join(lazy_pinyin(form)), set()).add(region)
    return {k: tuple(v) for k, v in out.items()}
