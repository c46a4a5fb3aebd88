"""Which extractor produced a document's facts: a release name and a digest of the extractor itself.

A version set by hand goes stale: 46 commits changed `transforms/` while it said "2.0.0", and a
warehouse loaded in between was never re-extracted. The digest covers every file the stages read
or run — the code (`*.py`) and the knowledge tables (`knowledge/data/`) — so changing one cue row
changes the version, and the next `gwr run` re-extracts what an older extractor loaded.
Line endings are normalised, so a checkout on Windows digests as one on Linux does.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from importlib.resources.abc import Traversable

#: The readable part of the version, raised by hand for a release that users should hear about.
RELEASE = "2.1"
_DIGESTED = (".py", ".csv", ".txt", ".json", ".yaml", ".tsv")


def _files(root: Traversable, where: str = "") -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for entry in root.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                found.extend(_files(entry, f"{where}{entry.name}/"))
        elif entry.name.endswith(_DIGESTED):
            found.append((f"{where}{entry.name}", entry))
    return found


def extractor_digest(root: Traversable | None = None) -> str:
    """The sha256 of the extractor's files under `root` (the `transforms` package), by path then content."""
    digest = hashlib.sha256()
    for name, entry in sorted(_files(root or resources.files("transforms")), key=lambda item: item[0]):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(entry.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def extractor_version(root: Traversable | None = None) -> str:
    """"2.1+3f9a0c1d2e4b": the release, then the first 12 hex digits of the extractor's digest."""
    return f"{RELEASE}+{extractor_digest(root)[:12]}"
