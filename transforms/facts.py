"""Indicator facts from a cleaned document (rules: ../shared/eval/README.md).

Per sentence: find figures (`numbers.find_numbers`) and indicator wordings
(`_subjects.find_mentions`), group figures into runs that share a subject (`_runs`),
find the indicators each run is about (`_subjects.slots_for`, or an earlier subject
the run borrows), then turn each (indicator, figure) pair into a fact (`_figure`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transforms import _kind
from transforms._figure import SentenceContext, figure_fact
from transforms._pairing import pair_figures
from transforms._place import Reading, named, region_mentions, sentence_topic
from transforms._rounded import drop_rounded_milestones
from transforms._runs import Run, runs
from transforms._scope import MULTI_YEAR, run_out_of_scope
from transforms._subjects import Mention, Slot, earlier_subjects, find_mentions, share_head, slots_for
from transforms.lexicon import cue_alternation, indicators, stocks
from transforms.numbers import find_numbers
from transforms.records import CleanText, DocumentMeta, Fact

# A paragraph that opens on a multi-year span ("五年来," "“十四五”时期,") states sums and
# cumulative growth; only levels of non-accumulating indicators are facts (of the span's end).
_SPAN_OPENING = re.compile(
    rf"""\s*(?:
        {cue_alternation("span_opening")}
      | “?十[一二三四五]五”?(?:时期|期间|以来)      # the five-year plan periods
    )""",
    re.VERBOSE,
)
# A subject that is only a stock's word after a flow ("新增…2万户,总量达到14.6万户").
_STOCK_SUBJECT = re.compile(rf"[、,\s]*(?:{cue_alternation('stock_word')})")
# 分别 right after a subject-less run: its figures are for the subjects named before.
_FENBIE = "分别"


def extract_facts(doc: str, raw: str, clean: CleanText, meta: DocumentMeta) -> list[Fact]:
    """Every indicator fact of the document, each stated once, in text order."""
    facts: list[Fact] = []
    seen: set[tuple[object, ...]] = set()
    plan_from = _kind.plan_start(clean, meta)
    # A government's own report speaks of its own region; other texts of many, remembered as they go.
    reading = None if meta.report_type in ("work_report", "progress_report") else Reading()
    for sent in clean.sentences:
        if clean.sections and clean.sections[sent.section].role == "front":
            continue
        text = clean.text[sent.start : sent.end]
        line_start = clean.text.rfind("\n", 0, sent.start) + 1
        snapshot = _read_on(reading, line_start)
        numbers = find_numbers(text)
        mentions = find_mentions(text) if numbers or reading is not None else []
        if reading is not None:
            _remember(reading, text, mentions, meta)
        if not numbers or not mentions:
            continue
        role = _kind.section_role(clean, sent.section, meta)
        if plan_from is not None and sent.start >= plan_from:
            role = "plan"
        sc = SentenceContext(
            doc=doc, raw=raw, clean=clean, meta=meta, offset=sent.start, text=text,
            numbers=numbers, mentions=mentions, role=role,
            line_before=clean.text[max(0, sent.start - 300) : sent.start].rsplit("\n", 1)[-1],
            span_paragraph=bool(_SPAN_OPENING.match(clean.text, line_start, sent.end)),
            forecast=_kind.forecast_sentence(text), reading=snapshot,
        )
        for fact in _sentence_facts(sc):
            key = (fact.region, fact.year, fact.period, fact.indicator, fact.measure, fact.kind, fact.value)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return drop_rounded_milestones(facts)


def _read_on(reading: Reading | None, line_start: int) -> Reading | None:
    """The reading as a sentence starts: a new paragraph forgets the old one's regions."""
    if reading is None:
        return None
    if line_start != reading.paragraph:
        reading.paragraph, reading.topic, reading.by_level = line_start, None, {}
    return reading.snapshot()


def _remember(reading: Reading, text: str, mentions: list[Mention], meta: DocumentMeta) -> None:
    """What a sentence leaves the reader with: its regions, its subject, its last indicator."""
    for mention in region_mentions(text):
        found = named(mention.form, meta)
        if found:
            reading.by_level[found[1]] = found[0]
    topic = sentence_topic(text, len(text), meta, reading)
    if topic is not None:
        reading.topic = topic
    if mentions:
        reading.indicator = mentions[-1].codes


def _sentence_facts(sc: SentenceContext) -> Iterator[Fact]:
    history: list[list[Slot]] = []
    clause_end = 0
    for run in runs(sc.text, sc.numbers, sc.mentions):
        if ";" in sc.text[clause_end : run.subject_start]:
            history = []  # a bare 分别 or an elliptic subject never reaches back over a semicolon
        clause_end = run.numbers[-1].end
        slots = _run_subjects(sc.text, run, sc, history)
        history.append(slots)
        if not slots or run_out_of_scope(sc.text, run):
            continue
        # A run that goes on to 年均/累计 ("跨越5000亿元大关,年均增长5.7%") is about a span:
        # only its end levels are facts, as in a paragraph that opens on a span.
        span_run = sc.span_paragraph or bool(MULTI_YEAR.search(sc.text[run.subject_start : run.numbers[-1].end]))
        for slot, number in pair_figures(sc.text, run.numbers, run.subject_end, slots):
            fact = figure_fact(sc, run, slot, number)
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
        return [Slot(stocks()[s.code], s.region_text, run.subject_start) for s in previous if s.code in stocks()]
    if _FENBIE in text[run.subject_end : run.numbers[0].start]:
        return earlier_subjects(history, len(run.numbers))
    if previous:
        return _elliptic(subject, previous, run.subject_start)
    return []


def _elliptic(subject: str, previous: list[Slot], start: int) -> list[Slot]:
    """A short subject that borrows the head of the one before it ("城镇居民…X元,农村Y元")."""
    word = subject.strip(" ,、;")
    if not 2 <= len(word) <= 4 or len(previous) != 1 or not previous[0].form:
        return []
    codes = share_head(word, previous[0].form)
    return [Slot(code, "", start, word) for code in codes] if codes else []


def _end_of_span_level(fact: Fact) -> bool:
    return fact.measure in ("level", "share") and not indicators()[fact.indicator].accumulates
