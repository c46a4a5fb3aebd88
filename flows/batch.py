"""Per-batch decisions the flow's tasks take: which files to extract, and how a batch travels to the workers.

Kept out of `transforms/` because it decides what to do with files (new, unchanged,
changed, duplicate) against what the warehouse holds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from transforms import EXTRACTOR_VERSION
from transforms.records import SourceFile


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
    travels as it is. It remembers the process that read the files: an extraction
    task run there (not on a Dask worker, possibly on another machine) may send
    its workers the files' paths instead of their bytes (`at_home`).
    """

    __slots__ = ("items", "origin")

    def __init__(self, items: list[SourceFile]) -> None:
        self.items = items
        self.origin = os.getpid()

    def __getstate__(self) -> tuple[list[SourceFile], int]:
        return self.items, self.origin

    def __setstate__(self, state: tuple[list[SourceFile], int]) -> None:
        self.items, self.origin = state

    def at_home(self) -> bool:
        """Whether this is the process that read the files (and made the parcel)."""
        return self.origin == os.getpid()


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


__all__ = ["Ledger", "Parcel", "Triage", "triage"]
