"""The indicators a run of figures borrows when its subject names none.

A subject may be only the end of a span, a stock's word after a flow, periods, a short word
sharing the head of the subject before it, a region with its figure in brackets, or — in
news — a region, a pronoun or a growth noun for the indicator named last. Each borrows the
indicator of the run before it or of the text before it; a run that can borrow nothing is
no fact.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from transforms.facts.elliptic import is_bare
from transforms.facts.figure import SentenceContext
from transforms.facts.kind import goal_named
from transforms.facts.period import only_periods
from transforms.facts.place import SELF_PLACE, RegionMention, region_finder, region_mentions
from transforms.facts.runs import Run
from transforms.facts.subject_region import compared_place, without_comparison
from transforms.facts.subjects import Mention, Slot, earlier_subjects, share_head, slots_for
from transforms.knowledge.lexicon import cue_alternation, stocks
from transforms.knowledge.patterns import CLAUSE_BREAKS, GROWTH_NOUN, SPAN_END, YEAR_DIGITS, last_break

# A subject that is only the end of a span whose start the run before gave ("地区生产总值从2002年的
# 422.5亿元|跃升至去年的3850亿元"): the run goes on with the indicator of the run before.
_SPAN_END_SUBJECT = re.compile(
    rf"[,\s]*{SPAN_END}(?:今年|去年|上年|{YEAR_DIGITS}\s*年)?(?:底|末)?的?"
)
_SPAN_FROM = re.compile(r"[从由]")
# A subject that is only a stock's word after a flow ("新增…2万户,总量达到14.6万户").
_STOCK_SUBJECT = re.compile(rf"[、,\s]*(?:{cue_alternation('stock_word')})")
# 分别 right after a subject-less run: its figures are for the subjects named before.
_FENBIE = "分别"


def run_subjects(text: str, run: Run, sc: SentenceContext, history: list[list[Slot]]) -> list[Slot]:
    """The indicators a run is about: named in its subject, or borrowed from the run before."""
    slots = slots_for(text, run.subject_start, run.subject_end, sc.mentions, region_finder(sc.meta),
                      len(run.numbers))
    if slots:
        return slots
    previous = history[-1] if history else []
    subject = text[run.subject_start : run.subject_end]
    if _STOCK_SUBJECT.fullmatch(subject):
        # 新增…2万户,总量达到14.6万户: a flow's stock; 国内生产总值增长6.6%,总量突破90万亿元: the level itself.
        return [Slot(stocks().get(s.code, s.code), s.region_text, run.subject_start) for s in previous]
    own_regions = len([m for m in region_mentions(subject, meta=sc.meta) if not SELF_PLACE.fullmatch(m.form)])
    if _FENBIE in text[run.subject_end : run.numbers[0].start] and own_regions != len(run.numbers):
        earlier = earlier_subjects(history, len(run.numbers))
        if earlier:
            return earlier
        # 分别 after regions of its own ("池州、芜湖分列二三位,增速分别为7.2%、7%"): read on.
    if previous and _SPAN_END_SUBJECT.fullmatch(subject) and _SPAN_FROM.search(
        text, last_break(text, run.subject_start, CLAUSE_BREAKS), run.subject_start
    ):
        return [Slot(s.code, s.region_text, run.subject_start, s.form) for s in previous]
    if previous and only_periods(subject):  # 规上工业增加值1~2月增长0%、1~4月增长3.3%
        return [Slot(s.code, s.region_text, run.subject_start, s.form) for s in previous]
    if previous:
        borrowed = _elliptic(subject, previous, run.subject_start)
        if borrowed:
            return borrowed
    return _bracketed(sc, run) or _remembered(sc, run, subject)


def _bracketed(sc: SentenceContext, run: Run) -> list[Slot]:
    """A figure in brackets right after a region ("上海(9.7%)、成都(5.8%)", "首府南宁(2698.81亿元)")
    is that region's figure of the indicator the text is speaking of."""
    start = run.numbers[0].start
    if sc.reading is None or sc.text[start - 1 : start] != "(":
        return []
    named = region_mentions(sc.text[max(0, start - 12) : start - 1], meta=sc.meta)
    if not named or named[-1].end != min(12, start) - 1:
        return []
    before = _mention_before(sc.mentions, start)
    codes = before.codes if before else sc.reading.indicator
    return [Slot(code, named[-1].form, start - 1 - len(named[-1].form)) for code in codes]


# What may remain of a subject that names no indicator, for the run to be about the indicator
# the text named last: a region, a pronoun or particle, a rank, a growth or goal noun
# ("江西省也达到597.5亿元", "深圳以14324.47亿元位居第一", "福州的增速达到5.4%", "把这一目标确定在").
_GOAL_OR_GROWTH = re.compile(rf"目标|{GROWTH_NOUN}")
# A breakdown by period of the figure named last: "分季度看,一季度增长11.9%,二季度增长10.3%".
_BY_PERIOD = re.compile(r"分(?:季度|季|月份?)看")
# A comparison that closes a subject, after its growth noun: 仍然明显领先于全省其他地区.
_COMPARED_TAIL = re.compile(
    rf"(?<=[速幅率])[^,;:。]{{0,6}}?(?:{cue_alternation('comparison')}|领先于?)[^,;:。]{{0,12}}$"
)


def _mention_before(mentions: list[Mention], position: int) -> Mention | None:
    """The last indicator wording that ends by `position`."""
    for m in reversed(mentions[: bisect_left(mentions, position, key=lambda m: m.start)]):
        if m.end <= position:
            return m
    return None


def _bare(words: str, regions_named: Sequence[RegionMention]) -> bool:
    """Whether `words` name nothing but regions (joined by 和, 及, 与: 柳州和桂林), pronouns, ranks,
    growth or goal nouns."""
    for mention, after in reversed(list(zip(regions_named, [*regions_named[1:], None], strict=False))):
        end = mention.end
        if after is not None and words[end : after.start] in _REGION_GLUE:
            end = after.start
        words = words[: mention.start] + words[end:]
    return is_bare(words)


_REGION_GLUE = frozenset({"和", "及", "与", "、"})


def _remembered(sc: SentenceContext, run: Run, subject: str) -> list[Slot]:
    """News name an indicator once and then only its regions or its growth: a subject that
    is nothing else borrows the indicator named last before it (in the sentence, then in the
    text before). A goal with no indicator named anywhere is the economy's (经济增长目标)."""
    if sc.reading is None:
        return []
    subject = _without_comparison(sc, run, subject)
    if subject is None:
        return []
    first = run.numbers[0].start
    regions_named = region_mentions(subject, meta=sc.meta)
    # The figure's own clause may say what the figure is where the run's subject runs on from
    # the clause before ("地区生产总值达2478亿元,排名…前列,增速4.5%").
    own = sc.text[last_break(sc.text, first, CLAUSE_BREAKS) : first]
    if not (_bare(subject, regions_named) or (_GOAL_OR_GROWTH.search(own) and _bare(own, []))):
        return []
    if not (regions_named or _GOAL_OR_GROWTH.search(sc.text[run.subject_start : first])
            or _BY_PERIOD.search(subject) or goal_named(sc.text, run.numbers[0])):
        return []
    codes = _indicator_remembered(sc, run, subject)
    # "池州、马鞍山以5.4%、4.6%位列第二、第三": as many regions as figures, one each, in order;
    # "濮阳、漯河则是7%以上": one figure, each region's (a threshold over them is a group's).
    # The set a rank is counted in names no region of the figure (居全省第4位,增长1.5%).
    subject = _RANK_TERM.sub(_blank_term, subject)
    places = [m for m in region_mentions(subject, meta=sc.meta) if not SELF_PLACE.fullmatch(m.form)]
    if len(codes) == 1 and len(places) >= 2 and len(run.numbers) in (1, len(places)):
        return [Slot(codes[0], m.form, run.subject_start + m.start) for m in places]
    return [Slot(code, subject, run.subject_start) for code in codes]


# The set a rank is counted in (居全省第4位, 位列全国城市第5): a comparison's term, no subject.
_RANK_TERM = re.compile(r"(?:居|位居|位列|列|排名|排在|排)(?P<term>[^,;。\s第]{1,8}?)第[\d一二三四五六七八九十]")


def _blank_term(m: re.Match[str]) -> str:
    """The rank's words with its term blanked, so offsets into the subject hold."""
    start, end = m.span("term")
    return m.group()[: start - m.start()] + " " * (end - start) + m.group()[end - m.start() :]


def _without_comparison(sc: SentenceContext, run: Run, subject: str) -> str | None:
    """The subject without a comparison that closes it, or None when the figure is a compared
    term's of no indicator the sentence named."""
    first = run.numbers[0].start
    # A comparison closing the subject in a clause of its own ("其增速仍然明显领先于全省其他地区,
    # 达到9.6%") says nothing of what the figure is; right before the figure ("的增速高于重庆的18.1%")
    # the figure is the compared one's.
    if re.search("[,;]", sc.text[run.subject_end : first]):
        return _COMPARED_TAIL.sub("", subject)
    if compared_place(sc.text, first, sc.meta, sc.reading):
        # "…GDP增速…,快于该省去年全年增速(3.1%)": a clause that is only a compared term quotes that
        # term's figure of the indicator its sentence named (高技术制造业 is none: nothing is borrowed).
        if _mention_before(sc.mentions, run.subject_start) is None:
            return None
        return without_comparison(subject)
    return subject


def _indicator_remembered(sc: SentenceContext, run: Run, subject: str) -> tuple[str, ...]:
    """The indicator named last before the run, else right after its figure, else in the text
    before; a goal with no indicator named anywhere is the economy's."""
    before = _mention_before(sc.mentions, run.subject_start)
    if before:
        return before.codes
    # "吉林以一季度8.2%的GDP增速": the indicator may follow its figure as a noun phrase.
    last_end = run.numbers[-1].end
    after = sc.mentions[bisect_left(sc.mentions, last_end, key=lambda m: m.start) :][:1]
    if after and after[0].start - last_end <= 2:
        return after[0].codes
    codes = sc.reading.indicator if sc.reading else ()
    if not codes and _GOAL_OR_GROWTH.search(subject) and "目标" in sc.text[: run.numbers[0].start]:
        return ("gdp",)
    return codes


def _elliptic(subject: str, previous: list[Slot], start: int) -> list[Slot]:
    """A short subject that borrows the head of the one before it ("城镇居民…X元,农村Y元")."""
    word = subject.strip(" ,、;")
    if not 2 <= len(word) <= 4 or len(previous) != 1 or not previous[0].form:
        return []
    codes = share_head(word, previous[0].form)
    return [Slot(code, "", start, word) for code in codes] if codes else []
