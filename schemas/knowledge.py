"""The vocabularies and plausible ranges the schemas check against, taken from the extractor's data files.

Declared once here so that a new indicator, unit or range in `transforms/knowledge/data/` is accepted
(or enforced) by validation without a code change: `indicators.csv` says which way is good and
how far an indicator can plausibly grow in a year, `units.csv` the largest plausible level of
each unit in its base unit.
"""

from __future__ import annotations

from transforms.knowledge import lexicon

INDICATOR_CODES: list[str] = sorted(lexicon.indicators())
UNITS: list[str] = sorted(lexicon.units())
# Rates, percentage points and ratios can be zero or negative; every other unit
# counts or weighs something, and a level of it must be positive.
SIGNED_KINDS = {"rate", "pp", "ratio"}
AMOUNT_UNITS: list[str] = sorted(u for u, info in lexicon.units().items() if info.kind not in SIGNED_KINDS)
# A rate (a per-cent level or share) lies in 0..100 whatever its indicator.
RATE_UNITS: list[str] = sorted(u for u, info in lexicon.units().items() if info.kind == "rate")

# What an empty growth_min / growth_max in indicators.csv means (its header says so):
# a fall to nothing at worst, a quadrupling at best.
DEFAULT_GROWTH_MIN = -100.0
DEFAULT_GROWTH_MAX = 300.0

# unit -> how many base units one unit is, and the largest plausible level in base units.
UNIT_FACTOR: dict[str, float] = {u: info.factor for u, info in lexicon.units().items()}
LEVEL_MAX_BASE: dict[str, float] = {u: info.level_max for u, info in lexicon.units().items()}

# indicator -> plausible year-on-year growth in per cent.
GROWTH_MIN: dict[str, float] = {
    code: DEFAULT_GROWTH_MIN if ind.growth_min is None else ind.growth_min
    for code, ind in lexicon.indicators().items()
}
GROWTH_MAX: dict[str, float] = {
    code: DEFAULT_GROWTH_MAX if ind.growth_max is None else ind.growth_max
    for code, ind in lexicon.indicators().items()
}
