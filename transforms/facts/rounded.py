"""Drop a rounded milestone stated beside the exact figure of the same statistic.

Reports often give a level twice: as a milestone passed ("突破4000亿元", "稳定在320天以上")
and as the exact amount ("达到4211亿元", "达323天"). The exact figure is the fact; the
milestone only rounds it down. Both must be the same statistic (region, year, period,
indicator, kind), and the exact figure must lie at or just above the milestone, so that
two genuinely different levels are never merged.
"""

from __future__ import annotations

from transforms.records import Fact

# The exact figure may exceed its milestone by at most this factor (4211 over 4000 is
# 1.05; a milestone is a round number just below the amount, never half of it).
_MAX_OVERSHOOT = 1.5


def drop_rounded_milestones(facts: list[Fact]) -> list[Fact]:
    """`facts` without `ge` levels that an `eq` level of the same statistic states exactly.

    >>> from dataclasses import replace
    >>> exact = Fact("d", "R", 2025, "FY", "gdp", "level", "actual", 4211, "亿元", "eq", "", 0, 0, "", 0, 0,
    ...              value_base=4211e8)
    >>> rounded = replace(exact, value=4000, value_base=4000e8, qualifier="ge")
    >>> [f.value for f in drop_rounded_milestones([rounded, exact])]
    [4211]
    """
    exact: dict[tuple[object, ...], list[float]] = {}
    for f in facts:
        if f.measure == "level" and f.qualifier == "eq" and f.value_base is not None:
            exact.setdefault(_statistic(f), []).append(f.value_base)
    return [f for f in facts if not _is_rounded(f, exact)]


def _statistic(f: Fact) -> tuple[object, ...]:
    return (f.region, f.year, f.period, f.indicator, f.kind, f.base_unit)


def _is_rounded(f: Fact, exact: dict[tuple[object, ...], list[float]]) -> bool:
    if f.measure != "level" or f.qualifier != "ge" or not f.value_base:
        return False
    low = f.value_base
    return any(low <= v <= low * _MAX_OVERSHOOT for v in exact.get(_statistic(f), []))
