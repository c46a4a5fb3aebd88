"""What a batch load takes and gives back, and the Arrow tables its set-based statements read.

A batch arrives in columns (`BatchLoad`): one list of document rows, one frame of every
document's facts and one of its rejected rows, each row carrying its document's `doc_id`, as
validation builds them once for the batch. `Warehouse.load_batch` loads it in one transaction
with one execution of each statement per *segment*: a run of consecutive documents that cannot
affect each other. Documents interact only when one names a path or a content another in the
batch also names (the later one replaces or retires the earlier, as loading them one after the
other would), so a new segment starts at such a document; a flow's batch is one segment.
`DocumentLoad` is one document's input for callers that have documents one by one
(`Warehouse.load_documents` stacks them into a `BatchLoad`).
Only column-level pandas and Arrow work happens here; the SQL casts every column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported by the loading methods only: `gwr query` never pays for it
    import pandas as pd
    import pyarrow as pa

DOCUMENT_FIELDS: tuple[str, ...] = (
    "title",
    "region",
    "region_code",
    "year",
    "report_type",
    "published",
    "encoding",
    "source_format",
    "extractor_version",
)
DOCUMENT_COLUMNS: tuple[str, ...] = ("doc_id", "doc", "path", "n_chars", "raw_text", *DOCUMENT_FIELDS)
_TYPES = {"raw_text": "string"}  # the Arrow type of a document column, where inferring it could go wrong


@dataclass(slots=True)
class DocumentLoad:
    """One document ready for the warehouse: its row, the paths it was read from, its facts and rejected rows.

    `document` needs `doc_id` (or `sha256`) and `raw_text` (text, or its UTF-8 bytes); `doc`, `path` and
    `n_chars` default from `paths[0]` and the text; other keys are `DOCUMENT_FIELDS`. `warnings` are
    parts of the file that were not read whole, each a (stage, message) pair (recorded in
    `document_warnings`).
    """

    document: dict[str, Any]
    paths: list[str]
    facts: pd.DataFrame
    quarantine: pd.DataFrame | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (stage, message)

    @property
    def doc_id(self) -> str:
        return str(self.document.get("doc_id") or self.document.get("sha256") or "")


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """A document of a batch that could not be loaded, and why, in one sentence."""

    path: str
    sha256: str | None
    error_class: str
    message: str


@dataclass(slots=True)
class BatchLoaded:
    """What a batch load committed: facts inserted, rows quarantined, documents loaded and documents that failed."""

    facts: int = 0
    quarantined: int = 0
    loaded: list[str] = field(default_factory=list)  # doc_id of every document committed
    failures: list[LoadFailure] = field(default_factory=list)


@dataclass(slots=True)
class BatchLoad:
    """Documents to load together, in columns: the i-th document is `documents[i]`, read from `paths[i]`.

    `facts` and `quarantine` hold the rows of every document, each with its `doc_id`, in the
    documents' order; `facts` keeps every column it is given (fields of `Fact` the insert does
    not read yet included), and `quarantine` rows get their document's first path.
    """

    documents: list[dict[str, Any]]
    paths: list[list[str]]
    facts: pd.DataFrame
    quarantine: pd.DataFrame | None = None
    warnings: list[list[tuple[str, str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.warnings:
            self.warnings = [[] for _ in self.documents]

    def __len__(self) -> int:
        return len(self.documents)

    @property
    def doc_ids(self) -> list[str]:
        return [document_id(row) for row in self.documents]

    @classmethod
    def of(cls, units: list[DocumentLoad]) -> tuple[BatchLoad, list[tuple[DocumentLoad, ValueError]]]:
        """Documents given one by one, stacked; a document whose input breaks the loader's contract is
        returned apart with the reason (it fails alone)."""
        from warehouse import frames

        good, bad = [], []
        for unit in units:
            try:
                prepare(unit)
                frames.check_facts(unit.facts, unit.doc_id)
            except ValueError as exc:
                bad.append((unit, exc))
            else:
                good.append(unit)
        facts = frames.batch_facts([(unit.facts, unit.doc_id) for unit in good])
        quarantine = frames.batch_quarantine([(unit.quarantine, unit.doc_id, "") for unit in good])
        batch = cls([unit.document for unit in good], [list(unit.paths) for unit in good], facts, quarantine,
                    [list(unit.warnings) for unit in good])
        return batch, bad

    def units(self) -> list[DocumentLoad]:
        """The batch one document at a time (each with its own facts and rejected rows)."""
        return [DocumentLoad(document, paths, facts, quarantine, warnings)
                for document, paths, facts, quarantine, warnings in zip(
                    self.documents, self.paths, self._split(self.facts), self._split(self.quarantine),
                    self.warnings, strict=True)]

    def select(self, indices: list[int]) -> BatchLoad:
        """The documents at `indices` (in that order), with their rows."""
        ids = {document_id(self.documents[i]) for i in indices}
        return BatchLoad([self.documents[i] for i in indices], [self.paths[i] for i in indices],
                         _rows_of(self.facts, ids), _rows_of(self.quarantine, ids),
                         [self.warnings[i] for i in indices])

    def _split(self, frame: pd.DataFrame | None) -> list[pd.DataFrame]:
        """`frame`'s rows by document, in the documents' order (each index from 0)."""
        if frame is None or "doc_id" not in frame.columns:
            return [frame if frame is not None else None for _ in self.documents]  # type: ignore[misc]
        groups = dict(tuple(frame.groupby("doc_id", sort=False)))
        empty = frame.iloc[0:0]
        return [groups.get(doc_id, empty).reset_index(drop=True) for doc_id in self.doc_ids]


def document_id(row: dict[str, Any]) -> str:
    """A document row's `doc_id` (or, as validation names it, `sha256`)."""
    return str(row.get("doc_id") or row.get("sha256") or "")


def _rows_of(frame: pd.DataFrame | None, ids: set[str]) -> pd.DataFrame | None:
    if frame is None or "doc_id" not in frame.columns:
        return frame
    return frame[frame["doc_id"].isin(ids)].reset_index(drop=True)


def prepare(unit: DocumentLoad | tuple[dict[str, Any], list[str]]) -> dict[str, Any]:
    """Check one document's row and paths, and return its `dim_document` row; raises ValueError naming what is
    wrong. Accepts a `DocumentLoad` or a (document row, paths) pair."""
    document, given = (unit.document, unit.paths) if isinstance(unit, DocumentLoad) else unit
    paths = list(dict.fromkeys(str(path) for path in given))  # a path named twice is one path
    if not paths:
        raise ValueError("a document load needs at least one path the document was read from")
    doc_id, raw_text = document_id(document), document.get("raw_text")
    if not doc_id or raw_text is None:
        raise ValueError("document needs 'doc_id' (sha256 of its bytes) and 'raw_text'")
    first = paths[0]
    n_chars = document.get("n_chars")
    row = {name: document.get(name) for name in DOCUMENT_FIELDS}
    row.update(
        doc_id=doc_id,
        doc=document.get("doc") or PurePath(first).name,
        path=document.get("path") or first,
        # Counted only when not given: a worker's text comes as UTF-8 bytes with its count, and decoding
        # them for a count thrown away cost a cold 1,000-document run 0.08 s of the flow's CPU.
        n_chars=len(_text(raw_text)) if n_chars is None else n_chars,
        raw_text=raw_text,
    )
    return row


def segments(batch: BatchLoad, *, one_by_one: bool = False) -> list[list[int]]:
    """Split a batch (as indices of its documents) where a document names a content or path an earlier one of its
    segment named. With `one_by_one`, every document is its own segment (loading exactly as one call per
    document would)."""
    out: list[list[int]] = []
    docs: set[str] = set()
    seen: set[str] = set()
    for index, (doc_id, given) in enumerate(zip(batch.doc_ids, batch.paths, strict=True)):
        paths = {str(path) for path in given}
        if one_by_one or not out or doc_id in docs or not seen.isdisjoint(paths):
            out.append([])
            docs, seen = set(), set()
        out[-1].append(index)
        docs.add(doc_id)
        seen.update(paths)
    return out


def region_codes(batch: BatchLoad) -> list[str]:
    """The distinct region codes the batch's facts carry."""
    if "region_code" not in batch.facts.columns:
        return []
    return sorted(str(code) for code in batch.facts["region_code"].dropna().unique())


def segment_tables(batch: BatchLoad) -> dict[str, pa.Table]:
    """The registered tables of one segment, by the names its statements read, as Arrow tables.

    Each document's text goes into one Arrow column once; the facts frame is handed over as
    it is (its string columns are Arrow already), with its document's extractor version.
    """
    import pyarrow as pa

    from warehouse import frames

    rows = [prepare((document, paths)) for document, paths in zip(batch.documents, batch.paths, strict=True)]
    # The text as text or as UTF-8 bytes (an extraction worker's): typed, so that Arrow takes bytes as text.
    documents = pa.table({**{name: pa.array([row[name] for row in rows], _TYPES.get(name))
                             for name in DOCUMENT_COLUMNS}, "ordinal": list(range(len(rows)))})
    paths = [(path, PurePath(path).name, doc_id) for doc_id, given in zip(batch.doc_ids, batch.paths, strict=True)
             for path in dict.fromkeys(map(str, given))]
    version_of = {row["doc_id"]: row["extractor_version"] for row in rows}
    first_path = {doc_id: given[0] for doc_id, given in zip(batch.doc_ids, batch.paths, strict=True)}
    warnings = [(batch.paths[i][0], doc_id, stage, message) for i, doc_id in enumerate(batch.doc_ids)
                for stage, message in batch.warnings[i]]
    return {
        "incoming_documents": documents,
        "incoming_paths": _columns(paths, ("path", "doc", "doc_id")),
        "incoming_facts": frames.arrow(frames.insert_facts(batch.facts, version_of)),
        "incoming_quarantine": frames.arrow(frames.insert_quarantine(batch.quarantine, first_path)),
        "incoming_warnings": _columns(warnings, ("path", "sha256", "stage", "message")),
    }


def _text(raw_text: str | bytes) -> str:
    """A document's text given as text or as UTF-8 bytes (as an extraction worker's comes)."""
    return raw_text.decode("utf-8") if isinstance(raw_text, bytes) else raw_text


def _columns(rows: list[tuple], names: tuple[str, ...]) -> pa.Table:
    """Rows of plain values as an Arrow table of text columns (an empty one keeps its column types)."""
    import pyarrow as pa

    return pa.table({name: pa.array([row[i] for row in rows], pa.string()) for i, name in enumerate(names)})


def joined(batches: list[BatchLoad]) -> BatchLoad:
    """Several batches as one, in order."""
    import pandas as pd

    from warehouse import frames

    facts = [batch.facts for batch in batches]
    quarantine = [batch.quarantine for batch in batches if batch.quarantine is not None]
    return BatchLoad(
        [row for batch in batches for row in batch.documents],
        [paths for batch in batches for paths in batch.paths],
        frames.stacked(facts) if facts else pd.DataFrame(columns=["doc_id"]),
        frames.stacked(quarantine) if quarantine else None,
        [warnings for batch in batches for warnings in batch.warnings],
    )
