"""Which figure of a run belongs to which subject (rules: ../shared/eval/README.md, 分别).

A run is figures that follow one another with only verbs between them; its subject may
list several indicators ("城乡居民人均可支配收入", "一二三产业增加值").
"""

from __future__ import annotations

from transforms.facts.numbers import Number
from transforms.facts.subjects import Slot


def pair_figures(text: str, numbers: list[Number], subject_end: int, slots: list[Slot]) -> list[tuple[Slot, Number]]:
    """Which figure fills which slot: one-to-one with 分别, otherwise every figure for every slot."""
    predicate = text[subject_end : numbers[0].start]
    respectively = "分别" in predicate
    if len(slots) > 1 and respectively:
        return _respectively(slots, numbers)
    if _items_not_split(text, numbers, slots, respectively):
        return []
    if len(slots) > 1 and len(numbers) == len(slots) and "均" not in predicate and _one_per_item(slots, numbers):
        return [(s, n) for s, n in zip(slots, numbers, strict=True) if s.code]
    return [(s, n) for n in numbers for s in slots if s.code]


def _respectively(slots: list[Slot], numbers: list[Number]) -> list[tuple[Slot, Number]]:
    """分别: the figures fill the items in order. Figures after the list: as many again pair in
    order, a single one holds for every item ("城乡居民收入分别达到40158元、22049元,增长10.3%")."""
    if len(numbers) < len(slots):
        return []
    rest = numbers[len(slots) :]
    tail = list(zip(slots, rest, strict=True)) if len(rest) == len(slots) else []
    if len(rest) == 1:
        tail = [(s, rest[0]) for s in slots]
    return [(s, n) for s, n in [*zip(slots, numbers, strict=False), *tail] if s.code]


def _items_not_split(text: str, numbers: list[Number], slots: list[Slot], respectively: bool) -> bool:
    """Several levels of one unit for one subject: the values of items the lexicon does not split."""
    if respectively and len(numbers) > 1 and len({n.unit for n in numbers}) == 1:
        return True  # 存贷款余额分别达到370亿元、204亿元
    return len(slots) == 1 and _joined_levels(text, numbers)  # 存贷款余额为9249.9亿元和6152.2亿元


def _one_per_item(slots: list[Slot], numbers: list[Number]) -> bool:
    """A list without 分别: distinct items with figures of distinct units, or as many figures of
    one unit as items ("城乡居民收入46503元和16935元")."""
    distinct_items = len({s.start for s in slots}) == len(slots)
    units = {n.unit for n in numbers}
    return (distinct_items and len(units) == len(numbers)) or len(units) == 1


def _joined_levels(text: str, numbers: list[Number]) -> bool:
    """Two figures of one unit joined by 和 alone: two items' values, not one's (a list with 、 may
    be milestones passed: 经济总量连跨5万亿元、6万亿元)."""
    return any(
        a.unit == b.unit and a.unit != "%" and text[a.end : b.start].strip() in ("和", "及")
        for a, b in zip(numbers, numbers[1:], strict=False)
    )
