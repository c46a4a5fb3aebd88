"""How much of a fact its own words state: the evidence for each field, and a band from it.

A researcher checks doubtful figures against their sentences; the review queue shows the least
confident first. A fact whose region, year, period and kind are written in or beside its own
clause, with its indicator named in its sentence, is "high": a reader of the sentence alone
would code it the same way. A fact whose region or year was carried from sentences before, or
whose indicator was borrowed from an earlier clause, is "low". The bands' measured precision is
in docs/extraction.md (bench/confidence_bands.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.knowledge.patterns import CLAUSE_BREAKS, last_break
from transforms.knowledge.regions import short_form
from transforms.records import Confidence, DocumentMeta

# 全市, 我省, 本区: a government's own region, said of itself.
_SELF = re.compile(r"[全我本][省市区县州旗盟]")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where each field of a fact was read."""

    region: str  # clause | sentence | self | document | context
    year: str  # stated | paragraph | document
    period: str  # stated | context | default
    kind: str  # stated | cue | section | default
    indicator: str  # named (in the figure's sentence) | borrowed (from a sentence before)

    def __str__(self) -> str:
        return (f"region={self.region} year={self.year} period={self.period} kind={self.kind} "
                f"indicator={self.indicator}")


def region_evidence(region: str, sentence: str, subject_start: int, figure_start: int, meta: DocumentMeta) -> str:
    """Where the figure's region is written: in its clause, earlier in its sentence, as the
    government's own (全市), as the document's, or nowhere near (carried from the sentences before)."""
    forms = {region, short_form(region)}
    clause = sentence[last_break(sentence, subject_start, CLAUSE_BREAKS) : figure_start]
    if any(form and form in clause for form in forms):
        return "clause"
    if any(form and form in sentence[:figure_start] for form in forms):
        return "sentence"
    if region == meta.region:
        return "self" if _SELF.search(sentence, 0, figure_start) else "document"
    return "context"


def band(evidence: Evidence, meta: DocumentMeta) -> Confidence:
    """high, medium or low (docs/extraction.md, "Confidence").

    A figure that leans on its document's region or year is no surer than the document's own
    evidence for them: a congress's session line, a title naming one region, a date or a title's
    year are; how often a text names a region, a title naming several, a file's name are not
    (the first blind hold-out's wrong "high" facts were whole documents read under the wrong region
    or year)."""
    if evidence.region == "context" or evidence.indicator == "borrowed" or evidence.year == "paragraph":
        return "low"
    region_read = evidence.region in ("clause", "sentence") or meta.region_source in _NAMED_REGION
    year_read = evidence.year == "stated" or meta.year_source in _NAMED_YEAR
    if not (region_read and year_read) or evidence.period == "context":
        return "medium"
    if meta.report_type in ("work_report", "progress_report"):
        # A government's own report speaks of its own region and, unless it names another, its year.
        return "high" if evidence.region != "sentence" else "medium"
    # News and bulletins speak of many regions and periods: only what the sentence itself writes.
    stated = evidence.year == "stated" or evidence.period == "stated"
    return "high" if evidence.region in ("self", "clause") and stated and evidence.kind != "cue" else "medium"


_NAMED_REGION = frozenset({"nation", "session", "title"})
_NAMED_YEAR = frozenset({"report", "date", "title"})
