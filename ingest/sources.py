"""Finding input files and reading their bytes: the only file-system I/O of ingest.

`discover` turns the paths a user named into a sorted list of files plus a list
of per-path errors; `read_source` turns one file into a `SourceFile`. Neither
decodes anything — that is `transforms.decode`, which never touches the disk.
Every problem a single path can cause becomes an `InputError` with one sentence
naming the file, so a batch goes on past a bad file.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import FileTooLarge, ReadError
from settings import MAX_FILE_MB
from transforms.errors import EmptyFile, InputError, UnsupportedFormat
from transforms.records import SourceFile

# Callers pass the size limit in as `max_bytes`: GWR_MAX_FILE_MB, resolved by the CLI through
# `settings` (default 50 MB: the largest real report PDFs with room to spare, while a stray
# video or disk image is never read into memory whole).
_MB = 1024 * 1024

#: Suffixes taken when walking a folder (compared lower-cased). A file named
#: explicitly is taken whatever its suffix (the user asked for it), unless the
#: suffix is one of `REFUSED_SUFFIXES`.
SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".pdf"})
#: Formats gwr does not read; named explicitly they are refused rather than read
#: as text, which would load their markup or binary as a report.
REFUSED_SUFFIXES = frozenset({
    ".rtf", ".json", ".xml", ".csv", ".doc", ".wps", ".et", ".dps", ".xls", ".xlsx", ".ppt", ".pptx",
    ".odt", ".ods", ".odp", ".zip", ".rar", ".7z", ".gz", ".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff",
})


class UndecodableName(ReadError):
    """The file's name is not valid UTF-8, so it cannot be recorded as it is."""


@dataclass(slots=True)
class Discovery:
    """What `discover` found: files to read, paths that could not be taken, files skipped by their suffix."""

    files: list[Path] = field(default_factory=list)
    errors: list[tuple[str, InputError]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def shown(path: str | Path) -> str:
    r"""A path as text that can always be stored and printed: bytes that are not UTF-8 appear escaped.

    A name unzipped from a Windows archive is GBK bytes, which Python keeps as
    surrogates that no UTF-8 writer accepts.

    >>> shown(os.fsdecode(b"/in/\xb1\xa8.txt"))
    '/in/\\xb1\\xa8.txt'
    """
    return os.fsencode(str(path)).decode("utf-8", errors="backslashreplace")


def _refusal(path: Path) -> InputError | None:
    """Why a file found on disk cannot be taken by name alone, or None."""
    if shown(path) != str(path):
        return UndecodableName(f"file name is not valid UTF-8 (a GBK name from a Windows zip?): {shown(path)}; "
                               "rename it to UTF-8 (e.g. convmv -f gbk -t utf8)")
    suffix = path.suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        return UnsupportedFormat(f"{suffix} files are not read (gwr reads "
                                 f"{' '.join(sorted(SUPPORTED_SUFFIXES))}): {path}")
    return None



def discover(paths: Sequence[str | Path]) -> Discovery:
    """Expand files and folders into a sorted, de-duplicated list of files to read.

    Folders are walked recursively, following symlinks, taking only
    `SUPPORTED_SUFFIXES` and skipping hidden entries. Duplicates (the same file
    reached twice, e.g. through a symlink) are dropped by resolved path, keeping
    the first spelling met.
    """
    found: dict[str, Path] = {}  # resolved path -> path as reached
    errors: list[tuple[str, InputError]] = []
    skipped: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(os.path.abspath(given))
        try:
            st = os.stat(path)
        except OSError as exc:
            errors.append((shown(path), _read_error(path, exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(path, (st.st_dev, st.st_ino), seen_dirs, found, errors, skipped)
        elif stat.S_ISREG(st.st_mode):
            refused = _refusal(path)
            if refused is not None:
                errors.append((shown(path), refused))
            else:
                found.setdefault(os.path.realpath(path), path)
        else:
            errors.append((shown(path), ReadError(f"not a regular file or folder: {shown(path)}")))
    # Overlapping arguments (a folder and its subfolder) meet the same bad entry twice.
    first = {path: err for path, err in reversed(errors)}  # the first error met for each path wins
    unique = [(path, first[path]) for path in dict.fromkeys(path for path, _ in errors)]
    return Discovery(files=sorted(found.values()), errors=unique, skipped=sorted(set(skipped)))


def _walk(
    root: Path,
    root_key: tuple[int, int],
    seen_dirs: set[tuple[int, int]],
    found: dict[str, Path],
    errors: list[tuple[str, InputError]],
    skipped: list[Path],
) -> None:
    """Depth-first walk with os.scandir and an explicit stack (no recursion limit on deep trees).

    Each folder carries the (dev, inode) of the folders above it: a folder
    reached again through a symlink is a loop only if it is one of its own
    ancestors; one reached twice by other routes is merely skipped. For a
    plain entry the resolved path is the resolved folder plus its name, so
    only symlinks cost a realpath() — a 10,000-file folder is one scandir.
    """
    stack: list[tuple[Path, str, tuple[tuple[int, int], ...]]] = [(root, os.path.realpath(root), (root_key,))]
    seen_dirs.add(root_key)
    while stack:
        folder, real_folder, ancestors = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name, reverse=True)  # popped in name order
        except OSError as exc:
            errors.append((shown(folder), _read_error(folder, exc)))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            supported = os.path.splitext(entry.name)[1].lower() in SUPPORTED_SUFFIXES
            try:
                is_link = entry.is_symlink()
                real = os.path.realpath(path) if is_link else os.path.join(real_folder, entry.name)
                if entry.is_dir():  # follows symlinks
                    st = entry.stat()
                    key = (st.st_dev, st.st_ino)
                    if key in ancestors:
                        loop = ReadError(f"symlink loop (points back to a folder above it): {shown(path)}")
                        errors.append((shown(path), loop))
                    elif key not in seen_dirs:
                        seen_dirs.add(key)
                        stack.append((path, real, (*ancestors, key)))
                elif supported and entry.is_file():
                    refused = _refusal(path)
                    if refused is not None:
                        errors.append((shown(path), refused))
                    else:
                        found.setdefault(real, path)
                elif not supported and entry.is_file():
                    skipped.append(path)
                elif supported and is_link:
                    errors.append((shown(path), ReadError(f"dangling symlink (its target is gone): {shown(path)}")))
            except OSError as exc:
                # A symlink loop, or an entry that vanished between scandir and stat.
                if supported or exc.errno == errno.ELOOP:
                    errors.append((shown(path), _read_error(path, exc)))


def read_source(path: Path, max_bytes: int) -> SourceFile:
    """Read one file's bytes, refusing it before reading if it is over `max_bytes`."""
    path = Path(os.path.abspath(path))
    try:
        # O_NONBLOCK so that a FIFO given by mistake cannot hang the open; it
        # changes nothing for regular files.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise _read_error(path, exc) from exc
    try:
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise ReadError(f"is a folder, not a file: {path}")
            if not stat.S_ISREG(st.st_mode):
                raise ReadError(f"not a regular file (a device, pipe or socket): {path}")
            _check_size(path, st.st_size, max_bytes)
            # Read one byte past the limit: a file growing while we read is still caught.
            data = fh.read(max_bytes + 1)
    except InputError:
        raise
    except OSError as exc:
        raise _read_error(path, exc) from exc
    _check_size(path, len(data), max_bytes)
    return SourceFile(
        path=str(path),
        name=path.name,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        mtime=st.st_mtime,
    )


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size == 0:
        raise EmptyFile(f"empty file (0 bytes): {path}")
    if size > max_bytes:
        raise FileTooLarge(
            f"file too large: {path} is {size / _MB:,.1f} MB ({size:,} bytes), "
            f"over the {max_bytes / _MB:g} MB limit; "
            f"set {MAX_FILE_MB.env} to raise the limit."
        )


def _read_error(path: Path, exc: OSError) -> ReadError:
    """One sentence naming the file for each way reading can fail."""
    reasons = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "is a folder, not a file",
        errno.ELOOP: "symlink loop (the link never reaches a real file)",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ENAMETOOLONG: "the file name is too long",
    }
    reason = reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return ReadError(f"{reason}: {shown(path)}")


def missing(current: Iterable[str], roots: Sequence[str | Path], found: set[str]) -> list[str]:
    """Paths the warehouse holds under `roots` (the files and folders a run named) whose files are gone.

    >>> missing(["/in/a.txt", "/in/b.txt", "/elsewhere/c.txt"], ["/in"], {"/in/a.txt"})
    ['/in/b.txt']
    """
    named = [os.path.abspath(root) for root in roots]
    under = tuple(root.rstrip(os.sep) + os.sep for root in named)
    return sorted(
        path for path in current
        if (path in named or path.startswith(under)) and path not in found and not os.path.lexists(path)
    )
