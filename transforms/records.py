"""The records that travel between pipeline stages.

These dataclasses are the contract between `transforms/` (which produces them),
`schemas/` (which validates their tabular form) and `warehouse/` (which loads
them). They are plain, immutable values so that every stage can be tested
without Prefect or DuckDB.

Offsets: every `*_start`/`*_end` pair is a half-open range of code points in
`DecodedText.text` — the text exactly as decoded from the file, before any
cleaning. That is what makes a fact traceable: ``decoded.text[f.raw_start:f.raw_end]
== f.quote`` holds for every fact.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Literal, NamedTuple

from transforms.errors import InputError
from transforms.made import Made

SourceFormat = Literal["text", "html", "docx", "pdf"]
ReportType = Literal["work_report", "progress_report", "bulletin", "news", "unknown"]
SectionRole = Literal["review", "plan", "other", "front"]  # front: front matter, no facts
Measure = Literal["level", "growth", "share", "pp_change"]
Kind = Literal["actual", "target", "forecast"]
Qualifier = Literal["eq", "ge", "le", "approx"]
Wording = Literal["hard", "soft", "none"]
YearSource = Literal["report", "date", "title", "file_name", "named"]
# What named a document's region: the nation's report, a congress's session line, a title naming
# it alone or as the one its other regions lie in, how often the text names it, the file's name.
RegionSource = Literal["nation", "session", "title", "title_group", "frequency", "file_name"]
Confidence = Literal["high", "medium", "low"]


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file's bytes as read from disk (produced by `ingest.sources`)."""

    path: str  # absolute path, as resolved when read
    name: str  # base name; the `doc` key of every fact
    data: bytes
    sha256: str  # hex digest of `data`
    size: int
    mtime: float


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A file's text, decoded from its bytes (produced by `transforms.decode`)."""

    text: str  # the raw text all offsets refer to
    encoding: str  # e.g. "utf-8", "utf-8-sig", "gb18030", "utf-16", "docx", "pdf"
    source_format: SourceFormat

    @property
    def n_chars(self) -> int:
        return len(self.text)

    @property
    def loadable(self) -> str | bytes:
        """The text as the loader takes it (`raw_text`): here the text; a worker's is UTF-8 (`flows.isolation`)."""
        return self.text


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of the clean text under one heading."""

    title: str
    start: int  # clean-text offsets
    end: int
    role: SectionRole  # review of the past year, plan for the coming one, or neither


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the clean text; `section` indexes `CleanText.sections`."""

    start: int  # clean-text offsets
    end: int
    section: int


class Sentences(Made[Sentence]):
    """A clean text's sentences, in order: their spans, and each `Sentence` made when it is asked for.

    A report has thousands of sentences and the facts stage reads the few that may hold a figure:
    making every one's record cost the clean stage more than finding them. `starts` and `ends` are
    the sentences' spans, for a search by position. Equal to any sequence of the same sentences.

    >>> s = Sentences([0, 5, 9], [4, 8, 12], [0, 6])
    >>> s[1], s[-1].section, len(s), s == (Sentence(0, 4, 0), Sentence(5, 8, 0), Sentence(9, 12, 1))
    (Sentence(start=5, end=8, section=0), 1, 3, True)
    """

    __slots__ = ("_later_sections", "ends", "starts")

    def __init__(self, starts: Sequence[int], ends: Sequence[int], section_starts: Sequence[int]) -> None:
        self.starts, self.ends = tuple(starts), tuple(ends)
        self._later_sections = tuple(section_starts[1:])  # a sentence is in the last section started by it

    def __len__(self) -> int:
        return len(self.starts)

    def _item(self, index: int) -> Sentence:
        start = self.starts[index]
        return Sentence(start, self.ends[index], bisect_right(self._later_sections, start))

    def __repr__(self) -> str:
        return f"Sentences({len(self)} sentences)"


@dataclass(frozen=True, slots=True)
class CleanText:
    """Normalised text plus the map back to the raw text (produced by `transforms.clean`).

    `raw_offsets[i]` is the raw offset of clean character `i`; it has
    ``len(text) + 1`` entries, the last being the raw end of the text, so a
    clean range ``[a, b)`` maps to the raw range ``[raw_offsets[a],
    raw_offsets[b - 1] + 1)``.
    """

    text: str
    raw_offsets: Sequence[int]  # transforms.clean.offsets.OffsetMap: runs of offsets, not one integer each
    sections: tuple[Section, ...]
    sentences: Sentences

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean half-open range to the raw half-open range it came from."""
        if end <= start:
            pos = self.raw_offsets[start]
            return pos, pos
        return self.raw_offsets[start], self.raw_offsets[end - 1] + 1


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What a document is (produced by `transforms.describe`)."""

    doc: str  # base name of the file
    title: str | None
    region: str | None  # official short name of the document's own region, e.g. 万州区
    region_code: str | None  # GB/T 2260 code when known
    year: int | None  # the year the report was delivered / published
    report_type: ReportType
    published: dt.date | None = None  # date of publication or delivery, when the text states it
    # Where the year comes from, which says whether a whole year's results are of the year before
    # it: a date or a file name's year (the year of publication, conventionally) — yes; a
    # progress report's title ("2024年…完成情况") or the latest year a dateless page names — no.
    year_source: YearSource = "report"
    region_source: RegionSource = "frequency"


class DocumentWarning(NamedTuple):
    """A part of a document that was read but not whole, and the stage that found it
    (`document_warnings.stage`): "decode" for a PDF page without text, "extract" for figures
    that could not be placed."""

    stage: str
    message: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One indicator figure (produced by `transforms.facts`). Fields follow ../shared/eval/README.md."""

    doc: str
    region: str
    year: int
    period: str  # FY, H1, Q1-Q3, M1-M10, ...
    indicator: str  # a code of the lexicon
    measure: Measure
    kind: Kind
    value: float  # as written, in `unit`; the low end of a range
    unit: str
    qualifier: Qualifier
    quote: str  # == raw_text[raw_start:raw_end]
    raw_start: int
    raw_end: int
    sentence: str  # the clean sentence the fact came from
    sentence_raw_start: int
    sentence_raw_end: int
    value_high: float | None = None  # the high end of a range (6%—6.5%), else None
    value_base: float | None = None  # value in the unit's base unit (亿元 -> 元)
    base_unit: str | None = None
    wording: Wording = "none"  # hard (确保) vs soft (力争, 左右) targets
    region_code: str | None = None
    notes: tuple[str, ...] = field(default=())
    # How much of the fact its own words state, from the extractor's evidence (docs/extraction.md):
    # a "high" fact's region, year, period, kind and unit are all written in or beside its clause.
    confidence: Confidence = "medium"
    evidence: str = ""  # the evidence, e.g. "region=clause year=stated period=stated kind=cue indicator=named"


class FactRows(Made[Fact]):
    """A document's facts as rows of their fields' values, in `Fact`'s field order; each `Fact` is made when it
    is asked for.

    How facts come back from an extraction worker: the flow process unpickles every document, and
    making the `Fact`s of 1,000 documents (17,000) cost it 0.05 s of CPU for objects validation
    does not read (`validation.frames.batch_fact_frame` reads `rows`).

    >>> f = Fact("d", "上海市", 2024, "FY", "gdp", "growth", "actual", 5.0, "%", "eq", "增长5%", 3, 7, "s", 0, 9)
    >>> rows = FactRows.of([f])
    >>> rows[0] == f, list(rows) == [f], len(rows), rows.rows[0][:3], FactRows.of(rows) is rows
    (True, True, 1, ('d', '上海市', 2024), True)
    """

    __slots__ = ("rows",)

    def __init__(self, rows: Sequence[tuple]) -> None:
        self.rows = tuple(rows)

    @classmethod
    def of(cls, facts: Sequence[Fact]) -> FactRows:
        """`facts` as rows (themselves, if they are rows already)."""
        return facts if isinstance(facts, FactRows) else cls(map(_FACT_VALUES, facts))

    def __len__(self) -> int:
        return len(self.rows)

    def _item(self, index: int) -> Fact:
        return Fact(*self.rows[index])

    def __iter__(self) -> Iterator[Fact]:
        return (Fact(*row) for row in self.rows)

    def __repr__(self) -> str:
        return f"FactRows({len(self)} facts)"


FACT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Fact))
# A fact's values in field order: its fields are plain values, so no deep copy.
_FACT_VALUES = attrgetter(*FACT_FIELDS)


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be taken, with one clear sentence for the run summary."""

    path: str
    sha256: str | None
    stage: str
    error_class: str
    message: str

    @classmethod
    def from_error(cls, path: str, sha256: str | None, err: InputError) -> Failure:
        return cls(path, sha256, err.stage, err.error_class, str(err))


@dataclass(frozen=True, slots=True)
class CleanShape:
    """What the flow keeps of a document's clean text: its size (the `CleanDocument` schema checks it)."""

    n_chars: int
    n_sections: int
    n_sentences: int

    @classmethod
    def of(cls, clean: CleanText) -> CleanShape:
        return cls(len(clean.text), len(clean.sections), len(clean.sentences))


@dataclass(frozen=True, slots=True)
class Processed:
    """One document taken through decode, clean and extract: what validation and loading read of it.

    It travels back from the worker that made it, so it holds neither the file's bytes (the
    source is kept without them) nor the clean text and its per-character offset map, which
    pickled to three times the size of the rest and cost the flow more to unpickle than to load.
    """

    source: SourceFile  # with empty `data`
    decoded: DecodedText
    clean: CleanShape
    meta: DocumentMeta
    facts: Sequence[Fact]  # a list, or the `FactRows` a worker's document comes back with
    warnings: list[DocumentWarning] = field(default_factory=list)  # parts of the file that were not read whole
