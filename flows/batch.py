"""Per-batch work that the flow's tasks call: triage against the warehouse, then process documents.

Kept out of `flows/` so the flow file only composes, and out of `transforms/`
because it decides what to do with files (new, unchanged, changed, duplicate).
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field, replace

from transforms import EXTRACTOR_VERSION, process_text
from transforms.errors import InputError
from transforms.records import CleanText, DecodedText, DocumentMeta, DocumentWarning, Fact, SourceFile

# pypdf logs every repair of a damaged PDF as a warning; the outcome of each file
# already reaches the run summary and the ingest_errors table.
logging.getLogger("pypdf").setLevel(logging.ERROR)


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
    facts: list[Fact]
    warnings: list[DocumentWarning] = field(default_factory=list)  # parts of the file that were not read whole


@dataclass(slots=True)
class Triage:
    """What to do with each file read in a batch."""

    new: list[SourceFile] = field(default_factory=list)
    changed: list[SourceFile] = field(default_factory=list)
    stale: list[SourceFile] = field(default_factory=list)  # loaded, but by an older extractor: read again
    unchanged: list[SourceFile] = field(default_factory=list)
    duplicates: list[SourceFile] = field(default_factory=list)  # content already loaded under another path

    @property
    def to_process(self) -> list[SourceFile]:
        return self.new + self.changed + self.stale

    @property
    def seen(self) -> list[SourceFile]:
        """Files whose content is already loaded: only their paths are recorded."""
        return self.unchanged + self.duplicates


class Parcel:
    """Documents handed to an extraction task as one opaque, picklable object.

    Dask walks lists, tuples and dataclasses in a task's arguments and rebuilds
    slotted dataclasses as tuples on the worker; an object it does not know
    travels as it is.
    """

    __slots__ = ("items",)

    def __init__(self, items: list[SourceFile]) -> None:
        self.items = items

    def __getstate__(self) -> list[SourceFile]:
        return self.items

    def __setstate__(self, items: list[SourceFile]) -> None:
        self.items = items


@dataclass(slots=True)
class Ledger:
    """What the warehouse holds, as a run sees it: each current path's content and who extracted each content."""

    paths: dict[str, str]  # path -> sha256 of its current content
    extracted_by: dict[str, str | None]  # sha256 -> extractor version that loaded it
    taken: set[str] = field(default_factory=set)  # contents this run need not extract again

    def __post_init__(self) -> None:
        self.taken = {sha for sha, version in self.extracted_by.items() if version == EXTRACTOR_VERSION}


def triage(sources: list[SourceFile], ledger: Ledger) -> Triage:
    """Sort files against the ledger, which is updated as if the batch were loaded.

    "Unchanged" means the same content read by the same extractor version: content
    that an older extractor loaded is read again (stale). Content already in the
    warehouse under another path is not loaded again, only its path is recorded.
    """
    out = Triage()
    for src in sources:
        previous = ledger.paths.get(src.path)
        if src.sha256 in ledger.taken:
            (out.unchanged if previous == src.sha256 else out.duplicates).append(src)
        elif src.sha256 in ledger.extracted_by:
            out.stale.append(src)
        elif previous is not None:
            out.changed.append(src)
        else:
            out.new.append(src)
        ledger.paths[src.path] = src.sha256
        ledger.taken.add(src.sha256)
    return out


def process_document(src: SourceFile) -> Processed | Failure:
    """Decode, clean and extract one document; any failure is that document's alone."""
    # The extractor's modules load jieba, the lexicon and the region table: a worker has them
    # already (see flows._warm), and a flow with nothing to extract never imports them.
    from transforms.decode import decode_with_warnings
    from transforms.metadata import placement_warning

    try:
        decoded, warnings = decode_with_warnings(src.data, src.name)
        clean, meta, facts = process_text(src.name, decoded.text)
    except InputError as err:
        return Failure.from_error(src.path, src.sha256, err)
    except Exception as err:  # a bug on one odd document must not sink the batch
        where = traceback.extract_tb(err.__traceback__)[-1]
        return Failure(
            src.path, src.sha256, "extract", type(err).__name__,
            f"internal error while extracting ({where.filename.rsplit('/', 1)[-1]}:{where.lineno}): {err}",
        )
    unplaced = placement_warning(meta)
    return Processed(replace(src, data=b""), decoded, CleanShape.of(clean), meta, facts,
                     [*(DocumentWarning("decode", w) for w in warnings),
                      *([DocumentWarning("extract", unplaced)] if unplaced else [])])


__all__ = ["Failure", "Ledger", "Parcel", "Processed", "Triage", "process_document", "triage"]
