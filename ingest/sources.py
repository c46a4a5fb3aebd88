"""Finding input files and reading their bytes: the only file-system I/O of ingest.

`discover` (`ingest.discover`) turns the paths a user named into a sorted list of
files plus a list of per-path errors; `read_source` turns one file into a
`SourceFile`. Neither decodes anything — that is `transforms.decode`, which never
touches the disk. Every problem a single path can cause becomes an `InputError`
with one sentence naming the file, so a batch goes on past a bad file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ingest.discover import Discovery, discover, missing, named_refusal, skip_reason
from ingest.errors import ChangedWhileRead, FileTooLarge, ReadError
from ingest.names import OutsideLink, UndecodableName, not_regular, outside, read_error, shown, within
from settings import MAX_FILE_MB
from transforms.errors import EmptyFile, InputError
from transforms.records import SourceFile

# Callers pass the size limit in as `max_bytes`: GWR_MAX_FILE_MB, resolved by the CLI through
# `settings` (default 50 MB: the largest real report PDFs with room to spare, while a stray
# video or disk image is never read into memory whole).
_MB = 1024 * 1024

__all__ = ["Discovery", "InputError", "OutsideLink", "UndecodableName", "discover", "missing", "named_refusal",
           "read_again", "read_source", "shown", "skip_reason"]


def read_source(path: Path, max_bytes: int, within_roots: Sequence[str] | None = None) -> SourceFile:
    """Read one file's bytes, refusing it before reading if it is over `max_bytes`.

    With `within_roots` (a discovery's roots, unless the run follows links anywhere), the file
    opened must lie within them: a file swapped for a symlink after discovery saw it is
    refused, checked on the open descriptor itself so that no later swap can slip through.
    """
    path = Path(os.path.abspath(path))
    try:
        # O_NONBLOCK so that a FIFO given by mistake cannot hang the open; it
        # changes nothing for regular files.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise read_error(path, exc) from exc
    try:
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise ReadError(f"is a folder, not a file: {shown(path)}")
            if not stat.S_ISREG(st.st_mode):
                raise not_regular(path, st.st_mode)
            if within_roots is not None:
                _check_within(path, _opened(fh.fileno(), path), within_roots)
            _check_size(path, st.st_size, max_bytes)
            # Read one byte past the limit: a file growing while we read is still caught.
            data = fh.read(max_bytes + 1)
    except InputError:
        raise
    except OSError as exc:
        raise read_error(path, exc) from exc
    _check_size(path, len(data), max_bytes)
    return SourceFile(
        path=str(path),
        name=path.name,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        mtime=st.st_mtime,
    )


def read_again(src: SourceFile) -> SourceFile:
    """`src` with its bytes read again from its path: the flow sends an extraction worker on the same machine the
    file's path, not its bytes (`flows.isolation`). Raises `ChangedWhileRead` when the file no longer holds the
    bytes the run read and hashed (it was written, replaced or truncated since), `ReadError` when it cannot be read.
    """
    path = Path(src.path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as fh:
            regular = stat.S_ISREG(os.fstat(fh.fileno()).st_mode)
            data = fh.read(src.size + 1) if regular else b""
    except OSError as exc:
        raise read_error(path, exc) from exc
    if len(data) != src.size or hashlib.sha256(data).hexdigest() != src.sha256:
        raise ChangedWhileRead(f"changed while the run read it: {shown(path)} no longer holds the bytes it had "
                               "when the run read it; the next run loads it as it is then")
    return replace(src, data=data)


def _opened(fd: int, path: Path) -> str:
    """The resolved path of the file open as `fd`: Linux names it in /proc; elsewhere, resolve `path`."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return os.path.realpath(path)


def _check_within(path: Path, real: str, roots: Sequence[str]) -> None:
    if not within(real, roots):
        raise outside(path, real, folder=False)


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size == 0:
        raise EmptyFile(f"empty file (0 bytes): {path}")
    if size > max_bytes:
        raise FileTooLarge(
            f"file too large: {path} is {size / _MB:,.1f} MB ({size:,} bytes), "
            f"over the {max_bytes / _MB:g} MB limit; "
            f"set {MAX_FILE_MB.env} to raise the limit."
        )
