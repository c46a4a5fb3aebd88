"""Drop a level stated beside a more exact figure of the same statistic.

Reports often give a level twice: as a milestone passed ("突破4000亿元", "稳定在320天以上")
or rounded in a headline ("前三季度GDP达8.8万亿") and as the exact amount ("达到4211亿元",
"达323天", "88009.86亿元"). The exact figure is the fact; the other only rounds it. Both must
be the same statistic (region, year, period, indicator, kind). A milestone's exact figure
must lie at or just above it; a rounded figure must equal the exact one to its last written
digit — so that two genuinely different levels are never merged.
"""

from __future__ import annotations

from decimal import Decimal

from transforms.records import Fact

# The exact figure may exceed its milestone by at most this factor (4211 over 4000 is
# 1.05; a milestone is a round number just below the amount, never half of it).
_MAX_OVERSHOOT = 1.5
# How much finer the exact figure must be written than a rounded one.
_FINER = 100


def drop_rounded_milestones(facts: list[Fact]) -> list[Fact]:
    """`facts` without `ge` levels that an `eq` level of the same statistic states exactly, and
    without `eq` levels that round a more exact one.

    >>> from dataclasses import replace
    >>> exact = Fact("d", "R", 2025, "FY", "gdp", "level", "actual", 4211, "亿元", "eq", "", 0, 0, "", 0, 0,
    ...              value_base=4211e8)
    >>> rounded = replace(exact, value=4000, value_base=4000e8, qualifier="ge")
    >>> [f.value for f in drop_rounded_milestones([rounded, exact])]
    [4211]
    >>> headline = replace(exact, value=4.2, unit="千亿元", value_base=4.2e11)
    >>> [f.value for f in drop_rounded_milestones([headline, exact])]
    [4211]
    """
    exact: dict[tuple[object, ...], list[Fact]] = {}
    for f in facts:
        if f.measure in ("level", "growth") and f.qualifier == "eq" and f.value_base is not None:
            exact.setdefault(_statistic(f), []).append(f)
    return [f for f in facts if not _is_rounded(f, exact.get(_statistic(f), []))]


def _statistic(f: Fact) -> tuple[object, ...]:
    return (f.region, f.year, f.period, f.indicator, f.measure, f.kind, f.base_unit)


def _is_rounded(f: Fact, same: list[Fact]) -> bool:
    if f.measure not in ("level", "growth") or not f.value_base:
        return False
    low = f.value_base
    if f.qualifier == "ge" and (f.measure == "level" or _passed(f)):
        # 突破4000亿元 beside 4211亿元; 增速突破8%大关,达到8.4% (but 6%以上,力争7% are two goals)
        return any(low <= (e.value_base or 0) <= low * _MAX_OVERSHOOT for e in same)
    if f.measure != "level" or f.qualifier != "eq":
        return False
    if f.qualifier != "eq":
        return False
    # 8.8万亿 beside 88009.86亿: written to 0.1 万亿, so a figure written a hundred times finer
    # within 0.05 万亿 of it is the same (86万人 beside 85.9万人 is no headline's rounding).
    step = _step(f)
    return any(_step(e) * _FINER <= step and abs((e.value_base or 0) - low) <= step / 2 for e in same)


def _passed(f: Fact) -> bool:
    """A growth said as a milestone passed (突破8%), not as a floor (8%以上)."""
    return f.kind == "actual" and not f.quote.endswith(("以上", "以内", "以下", "左右"))


def _step(f: Fact) -> float:
    """The size of the last digit `f` was written to, in its base unit (8.8 万亿元: 0.1 万亿 = 1e11)."""
    exponent = Decimal(repr(f.value)).normalize().as_tuple().exponent
    digits = exponent if isinstance(exponent, int) else 0
    return 10.0 ** min(digits, 0) * (f.value_base or 0) / f.value if f.value else 0.0
