"""A document's own region: who delivered the report, or which region a news page is about.

Evidence, strongest first: a national report's session (全国人民代表大会, 代表国务院); the
local session line (在重庆市万州区第六届人民代表大会…); the title; how often the text names a
region at the level it calls itself (全区 with 万州 named throughout). A county known by a
name several provinces share keeps the name without a code when the text points elsewhere
(漯河's 西城区 is not Beijing's).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, cached_property

from transforms.knowledge import regions
from transforms.knowledge.lexicon import cue_alternation
from transforms.knowledge.patterns import SELF_LEVEL, SESSION_WHERE
from transforms.knowledge.wordfinder import WordFinder
from transforms.records import RegionSource

# Counting region names over the first part of a long report is enough and keeps it fast.
_COUNT_CHARS = 6000
_SESSION_WHERE = re.compile(SESSION_WHERE)
_SELF = re.compile(r"[全我](?P<lvl>[省市区县州旗])")
_SUFFIX_CHARS = frozenset("县区市旗")
_OUTLET_AFTER = re.compile(rf"(?:{cue_alternation('outlet')})")
_RANK = {"country": 4, "province": 1, "city": 2, "county": 3, "other": 0}
NATION = regions.Region("全国", None, "country", None, None, None)


@cache
def _forms() -> WordFinder:
    """Official names and short forms of every region, for finding them in a document."""
    forms: set[str] = set()
    for row in regions.region_rows():
        name = str(row["name"])
        if regions.is_generic(name):
            continue  # 城区, 新区: in a text, the urban area or a new district, no county's name
        forms.add(name)
        short = regions.short_form(name)
        if len(short) >= 2 and not regions.is_generic(short):
            forms.add(short)
    return WordFinder(forms)


def document_region(
    text: str, head: str, title: str | None, national: bool, in_name: regions.Region | None = None
) -> regions.Region | None:
    """The region the document is by or about (see the module docstring); `in_name` is the region
    the file's name gives, which beats a region the text names only once in passing."""
    return document_region_and_source(text, head, title, national, in_name)[0]


def document_region_and_source(
    text: str, head: str, title: str | None, national: bool, in_name: regions.Region | None = None
) -> tuple[regions.Region | None, RegionSource]:
    """`document_region`, and what named it (records.RegionSource): a facts' confidence rests on it."""
    if national:
        return NATION, "nation"
    counted = _Counted(text)
    m = _SESSION_WHERE.search(head) if "届人民代表大会" in head else None
    if m and "全国人民代表大会" not in head[max(0, m.start() - 2) : m.end() + 2]:
        where = m.group("where")
        found = _most_specific(where, where + head)
        if found:
            # "鼓楼区第十届人民代表大会" alone does not say which 鼓楼区; the text must.
            named_parent = found.parent_name and regions.short_form(found.parent_name) in where
            unique = named_parent or len(regions.candidates(found.name)) == 1
            return (found, "session") if unique else (_checked(found, counted), "session")
    if title:
        found, alone = _title_region(title, text)
        if found:
            return _checked(found, counted), "title" if alone else "title_group"
    found = _by_frequency(text, counted, in_name)
    return found, "file_name" if found is not None and found == in_name else "frequency"


def _mentions(text: str, end: int | None = None, context: str = "", county_text: bool = False) -> list[str]:
    """Region names in `text`. A county's short form counts only where it carries its suffix
    (徐水县), where its full name or its parent is named too (in `text` or `context`), or where
    it recurs in a county's own text (`county_text`: one that calls itself 全区/全县) — 新建 is
    a verb far more often than 新建区, and 惠民生 no mention of 惠民县."""
    matches = _forms().findall(text, 0, end)
    named = {m.word for m in matches} | ({m.word for m in _forms().findall(context)} if context else set())
    # A stem written with an administrative suffix (徐水县, before the county became 徐水区) is a name.
    suffixed = {m.word for m in matches if text[m.end : m.end + 1] in _SUFFIX_CHARS}
    stems = Counter(m.word for m in matches)
    return [
        m.word for m in matches
        if m.word in suffixed or _plausible(m.word, named) or (county_text and stems[m.word] >= 2)
    ]


def _plausible(form: str, named: set[str]) -> bool:
    cands = regions.candidates(form)
    if not cands or any(r.level != "county" or r.name == form for r in cands):
        return True
    return any(r.name in named or (r.parent_name and (r.parent_name in named or regions.short_form(r.parent_name)
               in named)) or (r.province and regions.short_form(r.province) in named) for r in cands)


def _most_specific(text: str, context: str) -> regions.Region | None:
    """The lowest-level region named in `text` (万州区 over 重庆市 in 重庆市万州区)."""
    best: regions.Region | None = None
    for form in _mentions(text, context=context):
        r = regions.resolve(form, context)
        if r and (best is None or _RANK.get(r.level, 0) >= _RANK.get(best.level, 0)):
            best = r
    return best


def _title_region(title: str, text: str) -> tuple[regions.Region | None, bool]:
    """The region a title is about: its one region, or the one the others lie in
    ("福建最新GDP排名出炉:泉州总量最大,宁德增速最快" is about 福建). A parent written right
    before its child, bracketed or not, only qualifies it ("深圳光明区" and "(河南省)叶县" are about
    光明区 and 叶县). The flag says whether the title named that region alone."""
    context = title + text[:600]
    found: list[tuple[int, int, regions.Region]] = []
    named = set(_mentions(title))
    for m in _forms().finditer(title):
        r = regions.resolve(m.word, context) if _plausible(m.word, named) else None
        if r is None or _OUTLET_AFTER.match(title, m.end):
            continue  # “南昌新闻广播”: a news outlet's city is not what its copy is about
        if found and not title[found[-1][1] : m.start].strip("()（） ") and _within(r, found[-1][2]):
            found.pop()  # 深圳|光明区, (河南省)叶县: the parent qualifies the child
        found.append((m.start, m.end, r))
    regions_named = [r for _, _, r in found]
    if not regions_named:
        return None, False
    if len({r.name for r in regions_named}) == 1:
        return regions_named[0], True
    for r in sorted(regions_named, key=lambda r: _RANK.get(r.level, 0)):
        if r.adcode and all(_within(o, r) for o in regions_named if o.name != r.name):
            return r, False
    return None, False


def _within(inner: regions.Region, outer: regions.Region) -> bool:
    if not inner.adcode or not outer.adcode:
        return False
    if outer.level == "province":
        return inner.adcode[:2] == outer.adcode[:2]
    return outer.level == "city" and inner.adcode[:4] == outer.adcode[:4]


class _Counted:
    """The region names of a document's first part, found once and only when asked for."""

    def __init__(self, text: str) -> None:
        self._text = text

    @cached_property
    def names(self) -> list[str]:
        return _mentions(self._text, _COUNT_CHARS, county_text=self_level(self._text) == "county")


def _checked(region: regions.Region, counted: _Counted) -> regions.Region:
    """Drop the adcode of a county when the text points to another parent than the table's.

    The table's 西城区 is Beijing's; a 漯河 news page about its own 西城区 names Henan
    cities more often than 北京, so its 西城区 keeps the name but gets no code.
    """
    if region.level != "county" or not region.parent_name:
        return region
    counts: Counter[str] = Counter()
    neighbours = 0
    for form in counted.names:
        cands = regions.candidates(form)
        higher = next((r for r in cands if r.level in ("city", "province")), None)
        if higher is not None:
            counts[higher.name] += 1
        elif len(cands) == 1 and cands[0].name != region.name and cands[0].province == region.province:
            neighbours += 1  # 醴陵's news names 浏阳市, 宁乡市 and never 湖南: they point to its province
    own = max(counts.get(region.parent_name, 0), counts.get(region.province or "", 0) + neighbours)
    others = [n for name, n in counts.items() if name not in (region.parent_name, region.province)]
    if others and max(others) > own:
        return regions.Region(region.name, None, region.level, None, None, None)
    return region


def _fits(region: regions.Region, want: str | None) -> bool:
    """Whether a region is of the level a text calls itself: 全市 of a municipality (北京市) is a
    province-level 市, 全区 of an autonomous region (西藏自治区) a province-level 区."""
    if not want or region.level == want:
        return True
    if region.level != "province":
        return False
    return (want == "city" and region.name.endswith("市")) or (want == "county" and region.name.endswith("自治区"))


def self_level(text: str) -> str | None:
    """The level a text calls itself: a district report also says 全市 of its parent city,
    so the lowest level the text uses for itself repeatedly (全区, 我县) is its own."""
    levels = Counter(m.group("lvl") for m in _SELF.finditer(text))
    order = ("区", "县", "旗", "市", "州", "省")
    return SELF_LEVEL.get(next((lvl for lvl in order if levels.get(lvl, 0) >= 2), ""))


def _by_frequency(text: str, counted: _Counted, in_name: regions.Region | None) -> regions.Region | None:
    """The region the text names most often at the level it calls itself (全区 -> a district),
    unless one of its districts is named far more often: a district's news says 全市 of its
    city ("增速为全市各行政区第一") while naming itself throughout. A region named once is no
    evidence against the file's name ("…排名全市第四,位居郧阳区、丹江口市之后" in 房县's news)."""
    want = self_level(text)
    counts: Counter[str] = Counter(counted.names)
    best = _most_named(text, counts, want)
    named_fits = in_name is not None and _fits(in_name, want)
    if best is None:
        return _only_prefecture(text, counts) or (in_name if named_fits else None)
    if named_fits and best[0] < 2:
        return in_name
    child = _most_named(text, counts, "county") if want == "city" else None
    if child is not None and child[0] >= _DOMINANT * best[0] and _within(child[1], best[1]):
        best = child
    return _checked(best[1], counted)


def _only_prefecture(text: str, counts: Counter[str]) -> regions.Region | None:
    """A text that calls itself 全州 or 全盟 and names only its province is that province's one
    autonomous prefecture or league, when it has exactly one (湖北 has 恩施 alone)."""
    levels = Counter(m.group("lvl") for m in _SELF.finditer(text))
    word = next((w for w in ("州", "盟") if levels.get(w, 0) >= 2), None)
    provinces = {r.adcode for form in counts for r in regions.candidates(form) if r.level == "province" and r.adcode}
    if word is None or len(provinces) != 1:
        return None
    province = provinces.pop() or ""
    found = [r for r in regions.in_province(province) if r.level == "city" and r.name.endswith(word)]
    return found[0] if len(found) == 1 else None


# How many times more often a district must be named than its city to be the text's subject.
_DOMINANT = 3


def _most_named(text: str, counts: Counter[str], want: str | None) -> tuple[int, regions.Region] | None:
    best: tuple[int, regions.Region] | None = None
    for form, n in counts.most_common(40):
        fitting = [r for r in regions.candidates(form) if r.level != "other" and _fits(r, want)]
        if not fitting:
            continue
        r = regions.best_of(fitting, text)
        if r is None:
            continue
        # A district named 区 in its short form (万州) is counted with its full name.
        total = n + (counts.get(r.name, 0) if form != r.name else counts.get(regions.short_form(r.name), 0))
        if best is None or total > best[0]:
            best = (total, r)
    return best
