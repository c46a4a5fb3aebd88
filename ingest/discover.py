"""Finding the files a user named: folders walked, files taken, and every entry passed over accounted for.

`discover` turns the paths a user named into a sorted list of files, a list of
per-path errors and a list of files skipped; nothing found in a folder is left
out silently. A folder is a trust boundary: a symlink in it that leads outside
every folder named on the command line is not followed unless the run asks for
it (`--follow-links`), so a link planted in an inbox cannot make gwr read a
private file into the warehouse and its world-readable snapshot.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import ReadError
from ingest.names import (
    SUPPORTED_SUFFIXES,
    not_regular,
    outside,
    read_error,
    refusal,
    shown,
    suffix,
    within,
)
from transforms.errors import InputError

Key = tuple[int, int]  # (st_dev, st_ino) of a folder


@dataclass(slots=True)
class Discovery:
    """What `discover` found: files to read, paths that could not be taken, files skipped (by their suffix, or
    hidden), and the resolved paths of everything named, which every file read must stay within."""

    files: list[Path] = field(default_factory=list)
    errors: list[tuple[str, InputError]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)


def discover(paths: Sequence[str | Path], *, follow_links: bool = False) -> Discovery:
    """Expand files and folders into a sorted, de-duplicated list of files to read.

    Folders are walked recursively, taking only `SUPPORTED_SUFFIXES`. Symlinks are
    followed while they stay within the folders named (all of them, with
    `follow_links`). Hidden entries are not walked; a hidden file with a supported
    suffix is listed as skipped. Duplicates (the same file reached twice, e.g.
    through a symlink) are dropped by resolved path, keeping the first spelling met.
    """
    walk = _Walk(follow_links)
    named: list[tuple[Path, os.stat_result]] = []
    for given in paths:
        path = Path(os.path.abspath(given))
        try:
            named.append((path, os.stat(path)))
        except OSError as exc:
            walk.errors.append((shown(path), read_error(path, exc)))
    walk.roots = [os.path.realpath(path) for path, _ in named]  # before any walk: a link may lead to a later one
    for path, st in named:
        if stat.S_ISDIR(st.st_mode):
            walk.folder(path, (st.st_dev, st.st_ino))
        elif stat.S_ISREG(st.st_mode):
            walk.take(path, os.path.realpath(path))
        else:
            walk.errors.append((shown(path), not_regular(path, st.st_mode)))
    # Overlapping arguments (a folder and its subfolder) meet the same bad entry twice.
    first = {path: err for path, err in reversed(walk.errors)}  # the first error met for each path wins
    unique = [(path, first[path]) for path in dict.fromkeys(path for path, _ in walk.errors)]
    return Discovery(files=sorted(walk.found.values()), errors=unique, skipped=sorted(set(walk.skipped)),
                     roots=walk.roots)


@dataclass(slots=True)
class _Walk:
    """One discovery's state: what was found, refused and skipped, and the folders already walked.

    Depth-first with os.scandir and an explicit stack (no recursion limit on deep trees).
    Each folder carries the (dev, inode) of the folders above it: a folder reached again
    through a symlink is a loop only if it is one of its own ancestors; one reached twice
    by other routes is merely skipped. For a plain entry the resolved path is the resolved
    folder plus its name, so only symlinks cost a realpath() — a 10,000-file folder is one scandir.
    """

    follow_links: bool
    roots: list[str] = field(default_factory=list)
    found: dict[str, Path] = field(default_factory=dict)  # resolved path -> path as reached
    errors: list[tuple[str, InputError]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    seen_dirs: set[Key] = field(default_factory=set)
    stack: list[tuple[Path, str, tuple[Key, ...]]] = field(default_factory=list)

    def folder(self, root: Path, key: Key) -> None:
        self.seen_dirs.add(key)
        self.stack.append((root, os.path.realpath(root), (key,)))
        while self.stack:
            folder, real_folder, ancestors = self.stack.pop()
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name, reverse=True)  # popped in name order
            except OSError as exc:
                self.errors.append((shown(folder), read_error(folder, exc)))
                continue
            for entry in entries:
                self.entry(entry, folder / entry.name, real_folder, ancestors)

    def entry(self, entry: os.DirEntry[str], path: Path, real_folder: str, ancestors: tuple[Key, ...]) -> None:
        supported = suffix(entry.name) in SUPPORTED_SUFFIXES
        try:
            if entry.name.startswith("."):  # .git, editors' and gwr's own temporary files: not walked, not read
                if supported and entry.is_file():
                    self.skipped.append(path)
            elif entry.is_symlink():
                self.link(entry, path, supported, ancestors)
            else:
                self.reached(entry, path, os.path.join(real_folder, entry.name), supported, ancestors)
        except OSError as exc:
            # A symlink loop, or an entry that vanished between scandir and stat.
            if supported or exc.errno == errno.ELOOP:
                self.errors.append((shown(path), read_error(path, exc)))

    def link(self, entry: os.DirEntry[str], path: Path, supported: bool, ancestors: tuple[Key, ...]) -> None:
        """A symlink: dangling, leading outside the folders named, or taken as what it points at."""
        real = os.path.realpath(path)
        try:
            folder = stat.S_ISDIR(entry.stat().st_mode)  # follows the link (a loop raises ELOOP)
        except FileNotFoundError:
            if supported:
                self.errors.append((shown(path), ReadError(f"dangling symlink (its target is gone): {shown(path)}")))
            return
        if not self.follow_links and not within(real, self.roots):
            if supported or folder:
                self.errors.append((shown(path), outside(path, real, folder=folder)))
            else:
                self.skipped.append(path)
            return
        self.reached(entry, path, real, supported, ancestors)

    def reached(self, entry: os.DirEntry[str], path: Path, real: str, supported: bool,
                ancestors: tuple[Key, ...]) -> None:
        """A folder to walk, a file to take, or anything else (a pipe, a device) said as such.

        What `entry` is comes from scandir itself for a plain entry; only a folder and a
        symlink's target cost a stat."""
        if entry.is_dir():
            st = entry.stat()
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                loop = ReadError(f"symlink loop (points back to a folder above it): {shown(path)}")
                self.errors.append((shown(path), loop))
            elif key not in self.seen_dirs:
                self.seen_dirs.add(key)
                self.stack.append((path, real, (*ancestors, key)))
        elif not supported:
            self.skipped.append(path)
        elif entry.is_file():
            self.take(path, real)
        else:
            self.errors.append((shown(path), not_regular(path, entry.stat().st_mode)))

    def take(self, path: Path, real: str) -> None:
        refused = refusal(path)
        if refused is not None:
            self.errors.append((shown(path), refused))
        else:
            self.found.setdefault(real, path)


def named_refusal(given: str | Path) -> InputError | None:
    """Why a path named on the command line cannot be read at all, or None when it can (a folder, even an empty
    one, can; a file can unless its name or suffix is refused)."""
    path = Path(os.path.abspath(given))
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            with os.scandir(path):
                return None
    except OSError as exc:
        return read_error(path, exc)
    return refusal(path) if stat.S_ISREG(st.st_mode) else not_regular(path, st.st_mode)


def missing(current: Iterable[str], roots: Sequence[str | Path], found: set[str]) -> list[str]:
    """Paths the warehouse holds under `roots` (the files and folders a run named) whose files are gone.

    A file is gone only where gwr could look for it: a folder named that has vanished (a typo'd
    path, a folder moved away or deleted) or that cannot be listed makes none of its documents
    gone; one of its subfolders removed does.

    >>> missing(["/no/such/inbox/a.txt"], ["/no/such/inbox"], set())
    []
    """
    named = [os.path.abspath(root) for root in roots]
    gone = []
    for path in current:
        if path in found or os.path.lexists(path):
            continue
        root = next((r for r in named if path == r or path.startswith(r.rstrip(os.sep) + os.sep)), None)
        if root is not None and _looked_for(path, root):
            gone.append(path)
    return sorted(gone)


def _looked_for(path: str, root: str) -> bool:
    """Whether the walk could have found `path`: the nearest folder above it that exists, no higher than the
    folder named (or, for a file named, its folder), is a folder it can list."""
    stop = os.path.dirname(root) if path == root else root
    folder = os.path.dirname(path)
    while not os.path.lexists(folder):
        if folder == stop or len(folder) <= len(stop):
            return False
        folder = os.path.dirname(folder)
    return os.path.isdir(folder) and os.access(folder, os.R_OK | os.X_OK)


def skip_reason(path: str) -> str:
    """Why a file a folder walk passed over was not read, as its warning says.

    >>> skip_reason("/in/..txt")
    '/in/..txt: skipped, a hidden file (its name starts with a dot); rename it to load it'
    >>> skip_reason("/in/a.rtf")
    '/in/a.rtf: skipped, gwr does not read .rtf files'
    """
    name = os.path.basename(path)
    if name.startswith("."):
        return f"{path}: skipped, a hidden file (its name starts with a dot); rename it to load it"
    return f"{path}: skipped, gwr does not read {suffix(name) or 'suffix-less'} files"
