"""Indicator facts from a cleaned document (rules: ../shared/eval/README.md).

Per sentence: find figures (`numbers.find_numbers`) and indicator wordings
(`subjects.find_mentions`), group figures into runs that share a subject (`runs`),
find the indicators each run is about (`subjects.slots_for`, or what the run borrows:
`borrowed`), pair figures with them (`pairing`), then turn each (indicator, figure)
pair into a fact (`figure`: measure, kind and time, place).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transforms.errors import ExtractLimitExceeded
from transforms.facts import kind as _kind
from transforms.facts.borrowed import run_subjects
from transforms.facts.figure import SentenceContext, figure_fact
from transforms.facts.numbers import Number, bare_ratios, find_numbers
from transforms.facts.pairing import pair_figures
from transforms.facts.period import lead_period, prose_lead
from transforms.facts.place import named, region_mentions
from transforms.facts.reading import Reading
from transforms.facts.rounded import drop_rounded_milestones
from transforms.facts.run_view import run_view
from transforms.facts.runs import Run, runs
from transforms.facts.scope import group_statement, run_out_of_scope
from transforms.facts.sentences import MAX_SENTENCE_FIGURES, sentences_to_read
from transforms.facts.subject_region import sentence_topic
from transforms.facts.subjects import Mention, Slot, find_mentions
from transforms.knowledge.lexicon import cue_alternation, cue_regex, indicators
from transforms.knowledge.patterns import FIVE_YEAR_PLAN
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


def extract_facts(doc: str, raw: str, clean: CleanText, meta: DocumentMeta) -> list[Fact]:
    """Every indicator fact of the document, each stated once, in text order."""
    facts: list[Fact] = []
    seen: set[tuple[object, ...]] = set()
    plan_from = _kind.plan_start(clean, meta)
    # A government's own report speaks of its own region; other texts of many, remembered as they go.
    reading = None if meta.report_type in ("work_report", "progress_report") else _start_reading(clean, meta)
    for sent, text, line_start in sentences_to_read(doc, clean, every=reading is not None):
        snapshot = _read_on(reading, clean.text, line_start)
        numbers = find_numbers(text)
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


def _read_on(reading: Reading | None, text: str, line_start: int) -> Reading | None:
    """The reading as a sentence starts: a new paragraph forgets the old one's regions, unless
    it opens by breaking the one before down (分产业看, 其中)."""
    if reading is None:
        return None
    if line_start != reading.paragraph:
        before = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)]
        heading = bool(reading.by_level) and _HEADING_LINE.fullmatch(before.strip()) is not None
        reading.new_paragraph(line_start, bool(_BREAKDOWN_OPENING.match(text, line_start)), heading)
    return reading.snapshot()


# A heading line: short, no sentence of its own ("北京 11404.3亿元 8%", "★直辖市:").
_HEADING_LINE = re.compile(r"[^。,;!?\n]{2,30}")


# A paragraph that goes on with the one before: a breakdown (分产业看, 从增速看, 其中, 具体来看).
_BREAKDOWN_OPENING = re.compile(r"\s*(?:分[^,;。\n]{1,6}看|从[^,;。\n]{1,10}看|其中|具体(?:来)?看)")


def _start_reading(clean: CleanText, meta: DocumentMeta) -> Reading:
    """A news text's headline names the indicator and the period its figures are about; a
    headline that names neither leaves them to the lead (the first paragraph of the body):
    "31省份今年增速目标揭晓" then "从经济增长目标来看,各地普遍确定在5%以上"."""
    headline = find_mentions(meta.title or "")
    lead, lead_end = prose_lead(clean)
    named = find_mentions(lead)
    return Reading(headline_indicator=headline[0].codes if headline else (), lead_period=lead_period(clean, meta),
                   lead_indicator=named[0].codes if named else (), lead_end=lead_end)


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
    previous_sentence = sc.line_before.rstrip().rstrip("。").rsplit("。", 1)[-1]
    if _BREAKDOWN.match(sc.text) and _PART_OF_ECONOMY.search(previous_sentence):
        return  # the sentence before gave a part of the economy's figure; this one breaks it down
    for run in runs(sc.text, sc.numbers, sc.mentions):
        if ";" in sc.text[clause_end : run.subject_start]:
            history = []  # a bare 分别 or an elliptic subject never reaches back over a semicolon
        clause_end = run.numbers[-1].end
        slots = [] if _breaks_down_no_indicator(sc.text, run, history) else run_subjects(sc.text, run, sc, history)
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


def _breaks_down_no_indicator(text: str, run: Run, history: list[list[Slot]]) -> bool:
    """A breakdown (其中,…) of a part of the economy's figure: "民营经济增加值122.64亿元,…。其中,第一产业
    增加值44.56亿元" gives the private economy's industries, not the region's."""
    if not history or history[-1] or not _BREAKDOWN.match(text, run.subject_start):
        return False
    return bool(_PART_OF_ECONOMY.search(text, 0, run.subject_start))


# A clause that breaks the figure before it down, and the parts of an economy such a figure may be of.
_BREAKDOWN = re.compile(r"[\s,]*其中")
_PART_OF_ECONOMY = cue_regex("part_of_economy")


def _end_of_span_level(fact: Fact) -> bool:
    return fact.measure in ("level", "share") and not indicators()[fact.indicator].accumulates
