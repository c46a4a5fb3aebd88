"""Indicator facts from a cleaned document (rules: ../shared/eval/README.md).

Per sentence: find figures (`numbers.find_numbers`) and indicator wordings
(`_subjects.find_mentions`), group figures into runs that share a subject (`_runs`),
find the indicators each run is about (`_subjects.slots_for`, or an earlier subject
the run borrows), then turn each (indicator, figure) pair into a fact (`_figure`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from transforms.errors import ExtractLimitExceeded
from transforms.facts import kind as _kind
from transforms.facts.figure import SentenceContext, figure_fact, run_view
from transforms.facts.numbers import Number, bare_ratios, find_numbers
from transforms.facts.pairing import pair_figures
from transforms.facts.place import (
    SELF_PLACE,
    Reading,
    RegionMention,
    compared_place,
    named,
    region_mentions,
    sentence_topic,
    without_comparison,
)
from transforms.facts.rounded import drop_rounded_milestones
from transforms.facts.runs import Run, runs
from transforms.facts.scope import group_statement, run_out_of_scope
from transforms.facts.subjects import Mention, Slot, earlier_subjects, find_mentions, share_head, slots_for
from transforms.facts.time import lead_period, only_periods
from transforms.knowledge.lexicon import cue_alternation, indicators, stocks
from transforms.knowledge.patterns import (
    CLAUSE_BREAKS,
    FIVE_YEAR_PLAN,
    GROWTH_NOUN,
    SPAN_END,
    YEAR_DIGITS,
    last_break,
    strip_neutral,
)
from transforms.records import CleanText, DocumentMeta, Fact

# A paragraph that opens on a multi-year span ("五年来," "“十四五”时期,") states sums and
# cumulative growth; only levels of non-accumulating indicators are facts (of the span's end).
_SPAN_OPENING = re.compile(
    rf"""[\s—–-]*(?:   # a dash may lead it: ——这五年,绿色转型纵深推进
        {cue_alternation("span_opening")}
      | “?{FIVE_YEAR_PLAN}”?(?:时期|期间|以来)      # the five-year plan periods
      | (?:\d{{1,2}}|[两三四五六七八九十]{{1,3}})\s*年(?:来|间)   # 20年来: any span of years
    )""",
    re.VERBOSE,
)
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
#: Characters of one sentence; the longest of the development corpora has 641. A longer one is
#: a copy that lost its full stops, or no prose at all.
MAX_SENTENCE_CHARS = 10_000
#: Figures in one sentence; the most of the development corpora is 34.
MAX_SENTENCE_FIGURES = 300


def extract_facts(doc: str, raw: str, clean: CleanText, meta: DocumentMeta) -> list[Fact]:
    """Every indicator fact of the document, each stated once, in text order."""
    facts: list[Fact] = []
    seen: set[tuple[object, ...]] = set()
    plan_from = _kind.plan_start(clean, meta)
    # A government's own report speaks of its own region; other texts of many, remembered as they go.
    reading = None if meta.report_type in ("work_report", "progress_report") else _start_reading(clean, meta)
    for sent in clean.sentences:
        if clean.sections and clean.sections[sent.section].role == "front":
            continue
        text = clean.text[sent.start : sent.end]
        line_start = clean.text.rfind("\n", 0, sent.start) + 1
        snapshot = _read_on(reading, line_start)
        numbers = find_numbers(_bounded(doc, text, sent.start))
        if len(numbers) > MAX_SENTENCE_FIGURES:
            raise ExtractLimitExceeded(
                f"{doc}: a sentence holds {len(numbers):,} figures, over the {MAX_SENTENCE_FIGURES}-figure limit "
                "for one sentence (a table or a list pasted as one line?); refused."
            )
        maybe_ratio = _MAYBE_BARE_RATIO.search(text) is not None
        mentions = find_mentions(text) if numbers or reading is not None or maybe_ratio else []
        if maybe_ratio:
            numbers = _with_bare_ratios(text, numbers, mentions)
        if reading is not None:
            _remember(reading, text, mentions, meta)
        if not numbers or not (mentions or (snapshot is not None and snapshot.indicator)):
            continue
        role = _kind.section_role(clean, sent.section, meta)
        if plan_from is not None and sent.start >= plan_from:
            role = "plan"
        sc = SentenceContext(
            doc=doc, raw=raw, clean=clean, meta=meta, offset=sent.start, text=text,
            numbers=numbers, mentions=mentions, role=role,
            line_before=clean.text[max(0, sent.start - 300) : sent.start].rsplit("\n", 1)[-1],
            # A paragraph or a sentence that opens on a span ("20年来,当地的地区生产总值…").
            span_paragraph=bool(_SPAN_OPENING.match(clean.text, line_start, sent.end) or _SPAN_OPENING.match(text)),
            forecast_from=_kind.forecast_from(text), reading=snapshot,
        )
        for fact in _sentence_facts(sc):
            key = (fact.region, fact.year, fact.period, fact.indicator, fact.measure, fact.kind, fact.value)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return drop_rounded_milestones(facts)


def _bounded(doc: str, text: str, offset: int) -> str:
    if len(text) > MAX_SENTENCE_CHARS:
        raise ExtractLimitExceeded(
            f"{doc}: a sentence at character {offset:,} is {len(text):,} characters long, over the "
            f"{MAX_SENTENCE_CHARS:,}-character limit for one sentence (a copy that lost its full stops?); refused."
        )
    return text


def _read_on(reading: Reading | None, line_start: int) -> Reading | None:
    """The reading as a sentence starts: a new paragraph forgets the old one's regions."""
    if reading is None:
        return None
    if line_start != reading.paragraph:
        reading.new_paragraph(line_start)
    return reading.snapshot()


def _start_reading(clean: CleanText, meta: DocumentMeta) -> Reading:
    """A news text's headline names the indicator and the period its figures are about; a
    headline that names no period leaves it to the lead (the first paragraph of the body)."""
    headline = find_mentions(meta.title or "")
    return Reading(headline_indicator=headline[0].codes if headline else (), lead_period=lead_period(clean, meta))


def _remember(reading: Reading, text: str, mentions: list[Mention], meta: DocumentMeta) -> None:
    """What a sentence leaves the reader with: its regions, its subject, its last indicator."""
    for mention in region_mentions(text, meta=meta):
        found = named(mention.form, meta)
        if found:
            reading.by_level[found[1]] = found[0]
    topic = sentence_topic(text, len(text), meta, reading)
    if topic is not None:
        reading.topic = topic
    if mentions:
        reading.indicator = mentions[-1].codes


# A ratio's name (…收入比, …之比, 收入倍差) and a decimal soon after it: maybe a ratio written without 倍.
_MAYBE_BARE_RATIO = re.compile(r"[比差][^,;。]{0,8}?[1-9]\.\d")


def _with_bare_ratios(text: str, numbers: list[Number], mentions: list[Mention]) -> list[Number]:
    """`numbers` and the unit-less ratios after the names of indicators measured in 倍."""
    found = list(numbers)
    for m in mentions:
        if any(indicators()[code].level_unit == "倍" for code in m.codes):
            found += bare_ratios(text, m.end, found)
    return sorted(found, key=lambda n: n.start) if len(found) > len(numbers) else numbers


def _sentence_facts(sc: SentenceContext) -> Iterator[Fact]:
    history: list[list[Slot]] = []
    clause_end = 0
    for run in runs(sc.text, sc.numbers, sc.mentions):
        if ";" in sc.text[clause_end : run.subject_start]:
            history = []  # a bare 分别 or an elliptic subject never reaches back over a semicolon
        clause_end = run.numbers[-1].end
        slots = _run_subjects(sc.text, run, sc, history)
        history.append(slots)
        if not slots or run_out_of_scope(sc.text, run, sc.mentions) or group_statement(sc.text, run, sc.meta):
            continue
        view = run_view(sc.text, run)
        # A run that goes on to 年均/累计 ("跨越5000亿元大关,年均增长5.7%") is about a span:
        # only its end levels are facts, as in a paragraph that opens on a span.
        span_run = sc.span_paragraph or view.multi_year_end is not None
        for slot, number in pair_figures(sc.text, run.numbers, run.subject_end, slots):
            fact = figure_fact(sc, view, slot, number)
            if fact is not None and not (span_run and not _end_of_span_level(fact)):
                yield fact


def _run_subjects(text: str, run: Run, sc: SentenceContext, history: list[list[Slot]]) -> list[Slot]:
    """The indicators a run is about: named in its subject, or borrowed from the run before."""
    slots = slots_for(text, run.subject_start, run.subject_end, sc.mentions)
    if slots:
        return slots
    previous = history[-1] if history else []
    subject = text[run.subject_start : run.subject_end]
    if _STOCK_SUBJECT.fullmatch(subject):
        # 新增…2万户,总量达到14.6万户: a flow's stock; 国内生产总值增长6.6%,总量突破90万亿元: the level itself.
        return [Slot(stocks().get(s.code, s.code), s.region_text, run.subject_start) for s in previous]
    if _FENBIE in text[run.subject_end : run.numbers[0].start]:
        return earlier_subjects(history, len(run.numbers))
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
_ELLIPTIC_SUBJECT = re.compile(
    rf"""
    (?: {cue_alternation("elliptic_subject", "growth_noun")}
      | 排名第.位? | 位列第. | 排在第. | 居第. | 位居第.的?
      | [,、\s()])*
    """,
    re.VERBOSE,
)
_GOAL_OR_GROWTH = re.compile(rf"目标|{GROWTH_NOUN}")
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


def _bare(words: str, regions_named: list[RegionMention]) -> bool:
    """Whether `words` name nothing but regions, pronouns, ranks, growth or goal nouns."""
    for mention in reversed(regions_named):
        words = words[: mention.start] + words[mention.end :]
    return bool(_ELLIPTIC_SUBJECT.fullmatch(strip_neutral(words)))


def _remembered(sc: SentenceContext, run: Run, subject: str) -> list[Slot]:
    """News name an indicator once and then only its regions or its growth: a subject that
    is nothing else borrows the indicator named last before it (in the sentence, then in the
    text before). A goal with no indicator named anywhere is the economy's (经济增长目标)."""
    if sc.reading is None:
        return []
    first = run.numbers[0].start
    # A comparison closing the subject in a clause of its own ("其增速仍然明显领先于全省其他地区,
    # 达到9.6%") says nothing of what the figure is; right before the figure ("的增速高于重庆的18.1%")
    # the figure is the compared one's.
    if re.search("[,;]", sc.text[run.subject_end : first]):
        subject = _COMPARED_TAIL.sub("", subject)
    elif compared_place(sc.text, first, sc.meta, sc.reading):
        # "…GDP增速…,快于该省去年全年增速(3.1%)": a clause that is only a compared term quotes that
        # term's figure of the indicator its sentence named (高技术制造业 is none: nothing is borrowed).
        if _mention_before(sc.mentions, run.subject_start) is None:
            return []
        subject = without_comparison(subject)
    regions_named = region_mentions(subject, meta=sc.meta)
    # The figure's own clause may say what the figure is where the run's subject runs on from
    # the clause before ("地区生产总值达2478亿元,排名…前列,增速4.5%").
    own = sc.text[last_break(sc.text, first, CLAUSE_BREAKS) : first]
    if not (_bare(subject, regions_named) or (_GOAL_OR_GROWTH.search(own) and _bare(own, []))):
        return []
    if not regions_named and not _GOAL_OR_GROWTH.search(sc.text[run.subject_start : first]):
        return []
    before = _mention_before(sc.mentions, run.subject_start)
    # "吉林以一季度8.2%的GDP增速": the indicator may follow its figure as a noun phrase.
    after = sc.mentions[bisect_left(sc.mentions, run.numbers[-1].end, key=lambda m: m.start) :][:1]
    after = [m for m in after if m.start - run.numbers[-1].end <= 2]
    codes = before.codes if before else after[0].codes if after else sc.reading.indicator
    if not codes and _GOAL_OR_GROWTH.search(subject) and "目标" in sc.text[: run.numbers[0].start]:
        codes = ("gdp",)
    # "池州、马鞍山以5.4%、4.6%位列第二、第三": as many regions as figures, one each, in order.
    places = [m for m in regions_named if not SELF_PLACE.fullmatch(m.form)]
    if len(codes) == 1 and len(places) >= 2 and len(places) == len(run.numbers):
        return [Slot(codes[0], m.form, run.subject_start + m.start) for m in places]
    return [Slot(code, subject, run.subject_start) for code in codes]


def _elliptic(subject: str, previous: list[Slot], start: int) -> list[Slot]:
    """A short subject that borrows the head of the one before it ("城镇居民…X元,农村Y元")."""
    word = subject.strip(" ,、;")
    if not 2 <= len(word) <= 4 or len(previous) != 1 or not previous[0].form:
        return []
    codes = share_head(word, previous[0].form)
    return [Slot(code, "", start, word) for code in codes] if codes else []


def _end_of_span_level(fact: Fact) -> bool:
    return fact.measure in ("level", "share") and not indicators()[fact.indicator].accumulates
