"""What the figures of a run share, and what one figure of a run is read with.

A run's figures may form a list ("分别增长7%、8%左右"): a later figure shares the verbs of
the list and a qualifier written once at its end. Each figure is read with its "zone" (the
words since the previous figure or the subject, its own qualifier word included) and the
sentence up to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.facts.numbers import Number
from transforms.facts.runs import Run
from transforms.facts.scope import multi_year_end
from transforms.knowledge.lexicon import cue_alternation
from transforms.knowledge.patterns import window_start

# Separators of a list of figures ("增长8%、9.5%和10%").
_LIST_SEPARATOR = r"[、,和及与\s]"
LIST_GAP = re.compile(rf"{_LIST_SEPARATOR}*")
_LIST_SEPARATORS = re.compile(_LIST_SEPARATOR)
# A second goal after the first, said with a target's wording only: "增长6%以上,力争7%", “保8%、争9%”.
# It shares the list's verb as an item of the list does.
WORDED_GAP = re.compile(rf"{_LIST_SEPARATOR}*(?:{cue_alternation('second_goal')})+(?:达到|实现)?")
# A qualifier written once at the end of a list ("分别增长7%、8%左右") holds for every item.
_LIST_QUALIFIER = re.compile(rf"(?:{cue_alternation('ge_after', 'le_after', 'approx_after')})$")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class RunView:
    """What the figures of a run share, worked out once per run so that a long list of figures
    costs time in proportion to its length."""

    run: Run
    index: dict[int, int]  # a figure's start -> its place in the run
    verbs: tuple[str, ...]  # for each figure, the words of the list it closes ("增长8%和9.5%": 增长)
    list_qualifier: str | None  # a qualifier written once for a whole list ("分别增长7%、8%左右")
    multi_year_end: int | None  # where the first multi-year cue of the run ends (年均, 累计)


def run_view(text: str, run: Run) -> RunView:
    nums = run.numbers
    verbs = [text[run.subject_end : nums[0].start]]
    for a, b in zip(nums, nums[1:], strict=False):
        gap = text[a.end : b.start]
        verbs.append(gap if _LIST_SEPARATORS.sub("", gap) and not WORDED_GAP.fullmatch(gap) else verbs[-1])
    return RunView(run, {n.start: i for i, n in enumerate(nums)}, tuple(verbs), _list_qualifier(text, nums),
                   multi_year_end(text, run.subject_start, nums[-1].end))


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a run, with the words it is read with."""

    number: Number
    index: int  # its place in the run
    zone: str  # the words since the previous figure or the subject, its own qualifier word included
    before: str  # the sentence up to it


def figure_in_run(text: str, view: RunView, number: Number) -> Figure:
    idx = view.index[number.start]
    zone_start = view.run.subject_end if idx == 0 else view.run.numbers[idx - 1].end
    figure = text[number.start : number.end]
    qualifier_word = figure[: _DIGIT.search(figure).start()] if _DIGIT.search(figure) else figure
    before = text[window_start(number.start) : number.start]
    return Figure(number, idx, text[zone_start : number.start] + qualifier_word, before)


def _list_qualifier(text: str, nums: list[Number]) -> str | None:
    """A qualifier written once for a whole list of figures, or None when the run is no list."""
    gaps = (text[a.end : b.start] for a, b in zip(nums, nums[1:], strict=False))
    if len(nums) < 2 or not all(LIST_GAP.fullmatch(gap) for gap in gaps):
        return None
    last = nums[-1]
    if _LIST_QUALIFIER.search(text[last.start : last.end]):
        return last.qualifier
    if not text[nums[0].start].isdigit():
        return nums[0].qualifier  # 分别超过8万元、4.5万元: a word before the list holds for all
    return None
