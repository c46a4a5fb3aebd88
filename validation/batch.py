"""Validating a batch of processed documents at once: one pandera call for its documents, one for its facts.

pandera's cost is per call, not per row (about 30 ms a call against 1.3 µs a row here), so a
batch's documents are checked as one frame and its facts as another, each built once, and the
quarantine is split off by masks over them; what is loaded leaves as columns (`BatchLoad`),
not as a frame per document. A failure pandera cannot pin on rows (a missing column, a column
of the wrong type: a frame-level failure) fails only the documents whose rows cause it: the
batch is split in halves until the documents that fail are alone, and the rest still validate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas.documents import DocumentRecord
from transforms import EXTRACTOR_VERSION
from transforms.records import Processed
from validation.facts import validate_facts
from validation.frames import batch_fact_frame, document_frame, document_row
from validation.split import FrameLevelFailure, failed_checks
from warehouse.loads import BatchLoad, DocumentLoad, joined


@dataclass(slots=True)
class Checked:
    """A batch after validation: the documents ready to load, in columns, and those rejected with the reason."""

    load: BatchLoad = field(default_factory=lambda: joined([]))
    rejected: list[tuple[Processed, str]] = field(default_factory=list)

    @property
    def units(self) -> list[DocumentLoad]:
        """The documents ready to load, one by one (each with its own facts and rejected rows)."""
        return self.load.units()

    def extend(self, other: Checked) -> None:
        self.load = joined([self.load, other.load])
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
    rows = [document_row(p) for p in processed]
    # RawDocument's checks are DocumentRecord's too (it extends it): one call checks a document whole.
    failed = failed_checks(DocumentRecord, document_frame(rows))
    # Each failed check with the field and the value it failed on: "less_than_or_equal_to(2027) (year is 2099)".
    reasons = {i: "; ".join(f"{check} ({column} is {value})" for column, check, value in cases)
               for i, cases in failed.items()}
    result = Checked(rejected=[(processed[i], f"document metadata failed validation: {reasons[i]}")
                               for i in sorted(reasons)])
    good = [i for i in range(len(processed)) if i not in reasons]
    if not good:
        return result
    loadable, quarantine = validate_facts(batch_fact_frame([processed[i] for i in good]))
    path_of = {processed[i].source.sha256: processed[i].source.path for i in good}
    quarantine["path"] = quarantine["doc_id"].map(path_of).astype(object)
    result.load = BatchLoad(
        documents=[{**rows[i], "extractor_version": EXTRACTOR_VERSION} for i in good],
        paths=[[processed[i].source.path] for i in good],
        facts=loadable.drop(columns=["doc_n_chars"]).reset_index(drop=True),
        quarantine=quarantine,
        warnings=[list(processed[i].warnings) for i in good],
    )
    return result
