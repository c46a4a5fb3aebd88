"""The knowledge tables under `transforms/knowledge/data/`, loaded once per process.

Everything the extractor knows about wordings (indicator names and aliases, units,
cue words, period phrases, section headings) lives in those CSV files so that a new
alias is a one-line data change. Lines starting with ``#`` are column documentation.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from transforms.knowledge.wordfinder import Accept, WordFinder


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    name_zh: str
    name_en: str
    category: str
    level_unit: str
    aliases: tuple[str, ...]
    scored: bool
    accumulates: bool  # a multi-year figure of it is a sum, not the last year's level
    direction: str  # up / down / none: which way is good (read by the target-vs-actual view)
    growth_min: float | None  # plausible year-on-year growth in %, None for the default
    growth_max: float | None


@dataclass(frozen=True, slots=True)
class Unit:
    unit: str
    base_unit: str
    factor: float
    kind: str
    level_max: float  # largest plausible level, in base units


def _optional_float(text: str | None) -> float | None:
    return float(text) if text and text.strip() else None


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("transforms.knowledge.data").joinpath(name).read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(body)))


@cache
def ethnic_groups() -> tuple[str, ...]:
    """The ethnic minorities' names (土家族, 苗族), longest first."""
    return tuple(sorted((r["name"] for r in _read("ethnic_groups.csv")), key=len, reverse=True))


@cache
def char_variants() -> dict[str, str]:
    """Variant characters OpenCC leaves alone, by the standard character they stand for (陜 -> 陕)."""
    return {r["variant"]: r["standard"] for r in _read("char_variants.csv")}


@cache
def indicators() -> dict[str, Indicator]:
    """Indicator rows by code, in file order."""
    out: dict[str, Indicator] = {}
    for row in _read("indicators.csv"):
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        out[row["code"]] = Indicator(
            code=row["code"],
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            category=row["category"],
            level_unit=row["level_unit"],
            aliases=aliases,
            scored=row["scored"].strip().lower() == "true",
            accumulates=row.get("accumulates", "").strip().lower() == "true",
            direction=row["direction"].strip() or "none",
            growth_min=_optional_float(row.get("growth_min")),
            growth_max=_optional_float(row.get("growth_max")),
        )
    return out


def indicator_rows() -> list[dict[str, object]]:
    """Rows for the warehouse's dim_indicator."""
    return [
        {
            "code": i.code,
            "name_zh": i.name_zh,
            "name_en": i.name_en,
            "category": i.category,
            "level_unit": i.level_unit,
            "scored": i.scored,
            "direction": i.direction,
        }
        for i in indicators().values()
    ]


@cache
def surface_forms() -> dict[str, tuple[str, ...]]:
    """Every wording (name or alias) -> the indicator codes it names."""
    forms: dict[str, tuple[str, ...]] = {}
    for ind in indicators().values():
        for form in (ind.name_zh, *ind.aliases):
            forms.setdefault(form.split("@")[0], (ind.code,))
    # 经济(增长/增速) is looked up under its pattern text; the mention text is 经济.
    for row in _read("compounds.csv"):
        forms[row["alias"]] = tuple(row["codes"].split("|"))
    return forms


@cache
def form_requirements() -> dict[str, str]:
    """Wordings too vague alone: ``到位资金@招商`` counts only in a sentence that says 招商."""
    out: dict[str, str] = {}
    for ind in indicators().values():
        for alias in ind.aliases:
            if "@" in alias:
                form, needed = alias.split("@", 1)
                out[form] = needed
    return out


def _form_words(form: str) -> dict[str, Accept | None]:
    """The strings a wording is written as, each with the check on what must follow it.

    A report may put a verb before the head noun of a name (规上工业完成产值, 文化及相关产业
    实现增加值, 第一产业完成投资): the matcher accepts it so the indicator still matches.
    """
    if "(" in form:  # 经济(增长/增速): the bracketed words must follow but stay outside the mention
        head, tail = form.split("(", 1)
        followers = tuple(tail.rstrip(")").split("/"))
        return {head: lambda _word, text, end: text.startswith(followers, end)}
    for name_head in cue_words("name_head"):
        if form.endswith(name_head) and len(form) > len(name_head) + 1:
            stem = form[: -len(name_head)]
            return {form: None} | {stem + verb + name_head: None for verb in cue_words("name_verb")}
    return {form: None}


@cache
def indicator_finder() -> tuple[WordFinder, dict[str, str]]:
    """A finder of every indicator wording, and the wording (key of `surface_forms`) each
    string it finds stands for. The longest wording wins, so a near-miss statistic listed in
    the lexicon (林木覆盖率) shadows the indicator it contains (森林覆盖率 is not in it)."""
    words: dict[str, str] = {}
    accept: dict[str, Accept] = {}
    for form in sorted(surface_forms(), key=len, reverse=True):
        for word, check in _form_words(form).items():
            if word not in words:
                words[word] = form
                if check is not None:
                    accept[word] = check
    return WordFinder(words, accept), words


@cache
def joinable_words() -> WordFinder:
    """The words a copy's stray space must not split: every indicator wording and the verbs of
    change (增长, 同比, 下降) — cleaning closes such a space up."""
    return WordFinder([*indicator_finder()[1], *cue_words("growth", "decline", "year_on_year", "change_to")])


@cache
def units() -> dict[str, Unit]:
    return {
        r["unit"]: Unit(r["unit"], r["base_unit"], float(r["factor"]), r["kind"], float(r["level_max"]))
        for r in _read("units.csv")
    }


def unit_rows() -> list[dict[str, object]]:
    """Rows of the unit table (unit, base_unit, factor, kind, level_max)."""
    return [{"unit": u.unit, "base_unit": u.base_unit, "factor": u.factor, "kind": u.kind, "level_max": u.level_max}
            for u in units().values()]


_ROLES_READ: set[str] = set()


@cache
def _cue_table() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in _read("cues.csv"):
        out.setdefault(r["role"], []).append(r["cue"])
    return {role: tuple(sorted(dict.fromkeys(words), key=len, reverse=True)) for role, words in out.items()}


def cue_roles() -> frozenset[str]:
    """Every role `cues.csv` declares."""
    return frozenset(_cue_table())


def roles_read() -> frozenset[str]:
    """The roles of `cues.csv` the code has asked for so far in this process."""
    return frozenset(_ROLES_READ)


def cue_words(*roles: str) -> tuple[str, ...]:
    """The cue words of `roles`, longest first (a role the file lacks is a KeyError: a typo fails loudly)."""
    _ROLES_READ.update(roles)
    return _words_of(roles)


@cache
def _words_of(roles: tuple[str, ...]) -> tuple[str, ...]:
    words = {w for role in roles for w in _cue_table()[role]}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def cue_alternation(*roles: str) -> str:
    """The words of `roles` as an escaped regex alternation, longest first, to embed in a larger pattern."""
    return "|".join(map(re.escape, cue_words(*roles)))


def cue_initials(*roles: str) -> str:
    """The first characters of the words of `roles`, escaped for a character class: a lookahead
    on them (``(?=[…])``) lets a pattern that starts with one of those words pass every other
    position of a text at once."""
    return "".join(re.escape(ch) for ch in sorted({w[0] for w in cue_words(*roles)}))


@cache
def cue_regex(*roles: str) -> re.Pattern[str]:
    """A compiled pattern finding any word of `roles`."""
    return re.compile(cue_alternation(*roles))


def has_cue(role: str, text: str) -> bool:
    """Whether `text` holds a word of `role`."""
    return bool(cue_regex(role).search(text))


@cache
def section_cues() -> tuple[tuple[str, str], ...]:
    rows = [(r["cue"], r["role"]) for r in _read("section_cues.csv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def periods() -> tuple[tuple[str, str], ...]:
    rows = [(r["phrase"], r["period"]) for r in _read("periods.csv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def extra_regions() -> dict[str, str]:
    """Non-administrative region wording -> the name facts use."""
    out: dict[str, str] = {}
    for r in _read("regions_extra.csv"):
        out[r["name"]] = r["name"]
        for alias in filter(None, r["aliases"].split("|")):
            out[alias] = r["name"]
    return out


@cache
def npc_sessions() -> dict[tuple[int, int], int]:
    """(term, session) of the National People's Congress -> the year it met."""
    return {(int(r["term"]), int(r["session"])): int(r["year"]) for r in _read("npc_sessions.csv")}


@cache
def stocks() -> dict[str, str]:
    """Flow indicator code -> the stock indicator a following 总量 figure is about."""
    return {r["flow"]: r["stock"] for r in _read("stocks.csv")}
