"""Validating a batch of processed documents at once: one pandera call per schema per batch.

pandera's cost is per call, not per row, so the batch's documents are checked as one
frame per schema. A failure pandera cannot pin on rows (a missing column, a column of the
wrong type: a frame-level failure) fails only the documents whose rows cause it: the batch
is split in halves until the documents that fail are alone, and the rest still validate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from schemas.documents import DocumentRecord, RawDocument
from transforms import EXTRACTOR_VERSION
from transforms.records import Processed
from validation.facts import validate_facts
from validation.frames import batch_fact_frame, document_row, source_row
from validation.split import FrameLevelFailure, split_valid
from warehouse.loads import DocumentLoad


@dataclass(slots=True)
class Checked:
    """A batch after validation: documents ready to load, and documents rejected with the reason why."""

    units: list[DocumentLoad] = field(default_factory=list)
    rejected: list[tuple[Processed, str]] = field(default_factory=list)

    def extend(self, other: Checked) -> None:
        self.units += other.units
        self.rejected += other.rejected


def check_batch(processed: list[Processed]) -> Checked:
    """Validate a batch's documents and facts; a frame-level failure rejects only the documents it comes from."""
    if not processed:
        return Checked()
    try:
        return _check(processed)
    except FrameLevelFailure as exc:
        if len(processed) == 1:
            return Checked(rejected=[(processed[0], f"its rows do not have the shape validation expects: {exc}")])
    half = len(processed) // 2  # documents keep the batch's order: the first half's come first
    out = check_batch(processed[:half])
    out.extend(check_batch(processed[half:]))
    return out


def _check(processed: list[Processed]) -> Checked:
    result = Checked()
    rows = {p.source.sha256: document_row(p) for p in processed}
    docs = pd.DataFrame(list(rows.values()))
    _, raw_bad = split_valid(RawDocument, docs[list(source_row(processed[0].source))], stage="ingest")
    _, doc_bad = split_valid(DocumentRecord, docs, stage="extract")
    bad_docs = pd.concat([raw_bad, doc_bad], ignore_index=True)
    # Each failed check with the field and the value it failed on: "less_than_or_equal_to(2027) (year is 2099)".
    said = bad_docs["check_name"] + " (" + bad_docs["column_name"] + " is " + bad_docs["failure_case"] + ")"
    checks_of = said.groupby(bad_docs["doc_id"], sort=False).agg("; ".join).to_dict()
    result.rejected = [(p, f"document metadata failed validation: {checks_of[p.source.sha256]}")
                       for p in processed if p.source.sha256 in checks_of]
    good = [p for p in processed if p.source.sha256 not in checks_of]
    if not good:
        return result
    loadable, quarantine = validate_facts(batch_fact_frame(good))
    ready = loadable.drop(columns=["doc_n_chars"])
    facts_of = dict(tuple(ready.groupby("doc_id", sort=False)))
    rejected_of = dict(tuple(quarantine.groupby("doc_id", sort=False)))
    for p in good:
        sha = p.source.sha256
        doc = {**rows[sha], "extractor_version": EXTRACTOR_VERSION}
        own_facts = facts_of.get(sha, ready.iloc[0:0])
        mine = rejected_of.get(sha, quarantine.iloc[0:0]).assign(path=p.source.path).reset_index(drop=True)
        result.units.append(DocumentLoad(doc, [p.source.path], own_facts, mine, list(p.warnings)))
    return result
