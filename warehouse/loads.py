"""What a batch load takes and gives back, and the frames its set-based statements read.

`Warehouse.load_documents` loads a batch of documents in one transaction with one execution
of each statement per *segment*: a run of consecutive documents that cannot affect each
other. Documents interact only when one names a path or a content another in the batch
also names (the later one replaces or retires the earlier, as loading them one after the
other would), so a new segment starts at such a document; a flow's batch is one segment.
Only column-level pandas work happens here; the SQL casts every column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported by the loading methods only: `gwr query` never pays for it
    import pandas as pd

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


@dataclass(slots=True)
class DocumentLoad:
    """One document ready for the warehouse: its row, the paths it was read from, its facts and rejected rows.

    `document` needs `doc_id` (or `sha256`) and `raw_text`; `doc`, `path` and `n_chars`
    default from `paths[0]` and the text; other keys are `DOCUMENT_FIELDS`. `warnings` are
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
class Prepared:
    """A document whose input was checked, with its `dim_document` row and its distinct paths."""

    unit: DocumentLoad
    doc_id: str
    paths: list[str]
    document: dict[str, Any]


def prepare(unit: DocumentLoad) -> Prepared:
    """Check one document's input and shape its rows; raises ValueError naming what is wrong."""
    paths = list(dict.fromkeys(str(path) for path in unit.paths))  # a path named twice is one path
    if not paths:
        raise ValueError("a document load needs at least one path the document was read from")
    doc_id, raw_text = unit.doc_id, unit.document.get("raw_text")
    if not doc_id or raw_text is None:
        raise ValueError("document needs 'doc_id' (sha256 of its bytes) and 'raw_text'")
    first = paths[0]
    row = {name: unit.document.get(name) for name in DOCUMENT_FIELDS}
    row.update(
        doc_id=doc_id,
        doc=unit.document.get("doc") or PurePath(first).name,
        path=unit.document.get("path") or first,
        n_chars=unit.document.get("n_chars", len(raw_text)),
        raw_text=raw_text,
    )
    from warehouse import frames

    frames.check_facts(unit.facts, doc_id)
    return Prepared(unit, doc_id, paths, row)


def segments(batch: list[Prepared], *, one_by_one: bool = False) -> list[list[Prepared]]:
    """Split a batch where a document names a content or path an earlier one of its segment named.

    With `one_by_one`, every document is its own segment (loading exactly as one call per document would).
    """
    out: list[list[Prepared]] = []
    docs: set[str] = set()
    paths: set[str] = set()
    for item in batch:
        if one_by_one or not out or item.doc_id in docs or not paths.isdisjoint(item.paths):
            out.append([])
            docs, paths = set(), set()
        out[-1].append(item)
        docs.add(item.doc_id)
        paths.update(item.paths)
    return out


def region_codes(batch: list[Prepared]) -> list[str]:
    """The distinct region codes the batch's facts carry."""
    codes: set[str] = set()
    for item in batch:
        if "region_code" in item.unit.facts.columns:
            codes.update(str(code) for code in item.unit.facts["region_code"].dropna().unique())
    return sorted(codes)


def segment_frames(segment: list[Prepared]) -> dict[str, pd.DataFrame]:
    """The registered frames of one segment, by the names its statements read."""
    import pandas as pd

    from warehouse import frames

    documents = pd.DataFrame(
        [{**item.document, "ordinal": ordinal} for ordinal, item in enumerate(segment)],
        columns=["doc_id", "doc", "path", "n_chars", "raw_text", *DOCUMENT_FIELDS, "ordinal"],
    )
    paths = pd.DataFrame(
        [(path, PurePath(path).name, item.doc_id) for item in segment for path in item.paths],
        columns=["path", "doc", "doc_id"],
    )
    facts = frames.batch_facts([(item.unit.facts, item.doc_id, item.document["extractor_version"])
                                for item in segment])
    quarantine = frames.batch_quarantine([(item.unit.quarantine, item.doc_id, item.paths[0]) for item in segment])
    warnings = pd.DataFrame(
        [(item.paths[0], item.doc_id, stage, message) for item in segment for stage, message in item.unit.warnings],
        columns=["path", "sha256", "stage", "message"],
    )
    return {
        "incoming_documents": documents,
        "incoming_paths": paths,
        "incoming_facts": facts,
        "incoming_quarantine": quarantine,
        "incoming_warnings": warnings,
    }

