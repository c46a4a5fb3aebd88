"""Runs: figures that follow one another with only verbs between them share one subject.

"实现地区生产总值1179.4亿元、增长6.9%" is one run of two figures after the subject
"实现地区生产总值"; a new indicator, 分别 or a real word between two figures ends a run.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from transforms.facts.numbers import Number
from transforms.facts.subjects import Mention
from transforms.knowledge.lexicon import cue_alternation, cue_initials
from transforms.knowledge.patterns import SCOPE_NOTE, last_break, window_start

# Words that may stand between a subject and its figures, or between two figures of one
# run, without changing what they are about: the filler words of cues.csv, the verbs and
# qualifier words a figure is written with, and a few shapes that are no words.
_FILLER_ROLES = ("filler", "growth", "decline", "ge_before", "le_before", "approx_before",
                 "ge_after", "le_after", "approx_after", "milestone_noun")
_FILLER = rf"""
      占 [^,;:。()]{{0,14}}? (?:的)? (?:比重|比例|份额|的)   # 占全市的比重: a share's verb and its whole
    | \( [^()]{{0,6}} 目标                                  # (年度目标6%以上): a target in brackets
    | {cue_alternation(*_FILLER_ROLES)}
    | \)
    # a bracketed note on scope, without figures: (扣除留抵退税因素), (GDP), (不含园区)
    | \( [^()\d]{{1,12}} \)
    | [,、\s“”"]                                             # a goal quoted whole: 为“7%以上,力争8%”
"""
# Runs of fillers, each opening on a lookahead on the characters a filler starts with: it changes no
# match, but a character no filler starts with fails at once, not after each of the ~100 words. The
# tail is searched for from every character of a subject, so that is most of what it tries.
_FILLER_FIRST = rf"""(?=[占(){cue_initials(*_FILLER_ROLES)},、\s“”"])"""
_FILLER_RUN = re.compile(rf"(?:{_FILLER_FIRST}(?:{_FILLER}))*", re.VERBOSE)
_FILLER_TAIL = re.compile(rf"(?:{_FILLER_FIRST}(?:{_FILLER}))*$", re.VERBOSE)
_BOUNDARIES = ",;:。!?()"

# Characters of a gap between two figures that may be neither filler nor punctuation
# (a short word like 总量 in "新增经营主体近2万户、总量达到14.6万户" ends the run).
_MAX_LEFTOVER = 1
# An aside between two figures of one run: "5.53万亿元、稳居全国前十强、增长4.8%".
_ASIDE = re.compile(rf"、[^,;:。、\d]{{1,12}}、(?:{_FILLER})*", re.VERBOSE)


@dataclass(frozen=True, slots=True)
class Run:
    numbers: list[Number]
    subject_start: int
    subject_end: int  # where the verbs before the first figure begin

    @property
    def subject(self) -> tuple[int, int]:
        return self.subject_start, self.subject_end


def _leftover(gap: str) -> int:
    """How many characters of `gap` are not filler words."""
    return len(gap) - sum(len(m.group()) for m in _FILLER_RUN.finditer(gap))


def _continues(sentence: str, end: int, start: int, mention_starts: list[int]) -> bool:
    """Whether the figure at `start` continues the run whose last figure ends at `end`."""
    gap = sentence[end:start]
    # A mention starts a new subject; 分别 starts figures for several earlier subjects
    # ("接待游客1071.2万人次,实现旅游收入43.5亿元,分别增长19.5%、48.3%").
    if bisect_left(mention_starts, end) < bisect_left(mention_starts, start) or "分别" in gap:
        return False
    return _leftover(gap) <= _MAX_LEFTOVER or bool(_ASIDE.fullmatch(gap))


def _whole_wording(subject_end: int, figure_start: int, mentions: list[Mention]) -> int:
    """The subject's end moved past an indicator wording that the filler words cut in two:
    in 居民消费价格涨幅2%左右 the wording ends in 涨幅, a growth word the figure may also be read with."""
    before = bisect_left(mentions, subject_end, key=lambda m: m.start)
    for m in mentions[max(0, before - 3) : before]:
        if subject_end < m.end <= figure_start:
            return m.end
    return subject_end


def runs(sentence: str, numbers: list[Number], mentions: list[Mention]) -> Iterator[Run]:
    """The runs of a sentence's figures, in order, each with the span of its subject."""
    masked = SCOPE_NOTE.sub(lambda m: "_" * len(m.group()), sentence)
    mention_starts = sorted(m.start for m in mentions)
    i = 0
    while i < len(numbers):
        first = numbers[i]
        prev_end = numbers[i - 1].end if i else 0
        tail = _FILLER_TAIL.search(sentence, window_start(first.start, prev_end), first.start)
        subject_end = _whole_wording(tail.start() if tail else first.start, first.start, mentions)
        # A figure in brackets belongs to the words before them: 高于全省平均水平(4.6%).
        bracketed = subject_end == first.start and masked[first.start - 1 : first.start] == "("
        bound = last_break(masked, subject_end - bracketed, _BOUNDARIES, prev_end)
        j = i + 1
        while j < len(numbers) and _continues(sentence, numbers[j - 1].end, numbers[j].start, mention_starts):
            j += 1
        yield Run(numbers[i:j], bound, subject_end)
        i = j
