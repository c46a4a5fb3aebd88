"""Region names in a text, and the place each means (rules: ../shared/eval/README.md).

A name is found in the GB/T 2260 table (`transforms.knowledge.regions`) or the extra regions;
全市, 该市, 全省 refer back to the last region of that level named before them (in news) or to
the document's own region (in a work report).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from transforms.facts.reading import NATION, Place, Reading
from transforms.knowledge import regions
from transforms.knowledge.lexicon import extra_regions
from transforms.knowledge.patterns import SELF_LEVEL, SELF_REFERENCE
from transforms.knowledge.wordfinder import WordFinder
from transforms.records import DocumentMeta

# 全市, 我区, 全国, and the anaphoric 该市/该区/该省 of news.
SELF_PLACE = re.compile(SELF_REFERENCE)


class RegionMention(NamedTuple):
    start: int
    end: int
    form: str


def region_mentions(
    text: str, start: int = 0, end: int | None = None, meta: DocumentMeta | None = None
) -> tuple[RegionMention, ...]:
    """Region names and self-references in text[start:end], in order (offsets in `text`).

    County stems (万州, 坪山) collide with ordinary words and are not names in running text,
    except the document's own (a district's news names itself by its stem throughout), those
    of the county-level cities of the document's province (昆山 in news about 江苏) and those of
    the districts of the document's own city (香洲 in 珠海's bulletin).
    """
    return _mentions_in(text, start, len(text) if end is None else end, meta)


@lru_cache(maxsize=1024)
def _mentions_in(text: str, start: int, stop: int, meta: DocumentMeta | None) -> tuple[RegionMention, ...]:
    """`region_mentions`, kept for the last texts asked about: a run's and a figure's steps ask about
    the same words (a subject, a clause, a sentence up to a figure) more than once, 8,000 times a pass."""
    finder = region_finder(meta)
    found = [RegionMention(m.start, m.end, m.word) for m in finder.findall(text, start, stop)]
    found += [RegionMention(m.start(), m.end(), m.group()) for m in SELF_PLACE.finditer(text, start, stop)]
    return tuple(sorted(found, key=lambda r: r.start))


@lru_cache(maxsize=64)
def region_finder(meta: DocumentMeta | None) -> WordFinder:
    """The finder of region names for the texts of one document (see `region_mentions`), kept for
    the last documents: it is asked for with every sentence and figure."""
    return _finder_with(_own_stem(meta), _province_code(meta), _city_code(meta))


def _city_code(meta: DocumentMeta | None) -> str:
    """The document's own prefecture city, when it is one."""
    if meta is None or not meta.region_code or meta.region_code[2:] == "0000" or meta.region_code[4:] != "00":
        return ""
    return meta.region_code


def _own_stem(meta: DocumentMeta | None) -> str:
    if meta is None or not meta.region or not meta.region_code or meta.region_code[4:] == "00":
        return ""
    stem = regions.short_form(meta.region)
    return stem if stem != meta.region and not regions.is_generic(stem) else ""


def _province_code(meta: DocumentMeta | None) -> str:
    if meta is None or not meta.region_code:
        return ""
    return meta.region_code[:2] + "0000"


@cache
def _finder_with(stem: str, province_code: str = "", city_code: str = "") -> WordFinder:
    extra = [stem] if stem else []
    if province_code:
        extra += regions.county_city_stems(province_code)
    if city_code:
        extra += regions.county_stems(city_code)
    if not extra:
        return regions.mention_finder()
    return regions.mention_finder().with_words(extra)


def named(form: str, meta: DocumentMeta) -> tuple[Place, str] | None:
    """The place a region name means, and its level."""
    if form in extra_regions():
        return (extra_regions()[form], None), "other"
    if meta.region and (form == meta.region or regions.short_form(meta.region) == form):
        level = regions.resolve(form, meta.title or "")
        return (meta.region, meta.region_code), level.level if level else "other"
    r = regions.resolve(form, meta.title or "")
    if r is None:
        return None
    if meta.region and r.level != "province" and meta.region_code is None and r.name == meta.region:
        return (meta.region, None), r.level
    return (r.name, r.adcode), r.level


def self_place(word: str, before: str, meta: DocumentMeta, reading: Reading | None) -> Place:
    """全市/该市/全省: in a work report the document's own region; in news the last region of
    that level named before in its paragraph, else the document's. 我市 is the writer's own."""
    level = SELF_LEVEL.get(word[-1], "")
    if level == "country":
        return NATION
    if reading is None or word.startswith("我"):
        return meta.region, meta.region_code
    for mention in reversed(region_mentions(before, meta=meta)):
        if SELF_PLACE.fullmatch(mention.form):
            continue
        found = named(mention.form, meta)
        if found and _of_level(found, level):
            return found[0]
    remembered = reading.by_level.get(level) or next(
        (place for own, place in reading.by_level.items() if _of_level((place, own), level)), None)
    return remembered or _own_at_level(meta, level)


def _own_at_level(meta: DocumentMeta, level: str) -> Place:
    """The document's own region, or its province when 全省 is said of a city's or county's text."""
    if level == "province" and meta.region_code and meta.region_code[2:] != "0000":
        province = regions.by_code(meta.region_code[:2] + "0000")
        if province is not None:
            return province.name, province.adcode
    return meta.region, meta.region_code


def _of_level(found: tuple[Place, str], level: str) -> bool:
    """Whether a place answers to 全市/全区/全省: a municipality (重庆市) is a 市 and an
    autonomous region (西藏自治区) a 区, though both are provinces."""
    (name, _), own = found
    if own == level:
        return True
    return own == "province" and bool(name) and (
        (level == "city" and name.endswith("市")) or (level == "county" and name.endswith("自治区"))
    )


def region_in(text: str, meta: DocumentMeta, reading: Reading | None = None, before: str = "") -> Place | None:
    """The last region named in `text` (the words just before an indicator); `before` is the
    sentence before `text`, where 全市 of news looks for the city it refers to."""
    mentions = region_mentions(text, meta=meta)
    last = mentions[-1] if mentions else None
    county = _trailing_county(text, meta)
    # A county stem inside the last name (津市 in 天津市) is part of that name.
    if county is not None and len(text) - len(county[2]) >= (last.end if last else 0):
        return county[0], county[1]
    if last is None:
        return None
    if SELF_PLACE.fullmatch(last.form):
        return self_place(last.form, before + text[: last.start], meta, reading)
    found = named(last.form, meta)
    return found[0] if found else None


def strip_regions(text: str, finder: WordFinder | None = None) -> str:
    """`text` without region names (重庆、四川 in 重庆、四川规模以上工业增加值; 万州 in 万州地区生产总值);
    `finder` knows the names of the document's texts (by default, of any text)."""
    text = (finder or regions.mention_finder()).sub(text)
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
