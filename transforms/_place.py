"""Where a figure is for: the region named in the words before its indicator.

Region names come from the GB/T 2260 table (`transforms.regions`); a text's words for
itself (全市, 我区) and for the nation (全国, 我国) are read too.
"""

from __future__ import annotations

import re
from functools import cache

from transforms import regions
from transforms._patterns import SELF_REFERENCE
from transforms._subjects import Slot
from transforms.lexicon import extra_regions
from transforms.records import DocumentMeta

_SELF_OR_NATION = re.compile(SELF_REFERENCE)


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




def figure_region(slot: Slot, sentence: str, subject_start: int, meta: DocumentMeta) -> tuple[str | None, str | None]:
    """The region of a figure: named inside its list item, else before the item in its subject,
    else the document's own."""
    found = region_in(slot.region_text, meta) if slot.region_text else None
    if found is None and slot.region_text == "":
        found = region_in(sentence[subject_start : slot.start], meta)
    if found is not None:
        return found
    return meta.region, meta.region_code
