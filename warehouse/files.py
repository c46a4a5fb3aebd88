"""Writing gwr's output files: built under a name nobody can have planted, then renamed into place.

Every file gwr writes for a reader — the report, an export, the published snapshot, the
server's state — is written first under a temporary name in its target folder and renamed
over the target when it is whole, so a reader sees the old file or the new one, never half.
A fixed temporary name (``.report.html.partial``) is a trap in a folder others can write to: a
symlink planted at that name makes the writer overwrite whatever it points at. So the
temporary file, or the folder a writer that names its own files (DuckDB) builds in, is made by
`tempfile`: a random name, created exclusively (``O_CREAT | O_EXCL``, which never follows a
symlink), readable by this user alone until it is renamed. The rename replaces a symlink at
the target's name, never what it points to.

Here in `warehouse/` because every writer of output files is at this layer or above it
(`warehouse.publish`, `warehouse.export`, `reports`, `gwr`); the layers below only read.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from warehouse.errors import OutputUnwritable

_umask_lock = threading.Lock()


def ensure_folder(folder: Path) -> Path:
    """`folder`, made with its parents if need be; a file standing where a folder must be is said in one sentence."""
    folder = Path(folder).absolute()
    blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        where = "it" if blocker == folder else str(blocker)
        raise OutputUnwritable(f"cannot write into {folder}: {where} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputUnwritable(f"cannot write into {folder}: {exc.strerror or exc}") from None
    return folder


@contextmanager
def atomic_file(target: Path) -> Iterator[BinaryIO]:
    """A binary file to write that becomes `target` when the block ends without an error (and nothing otherwise).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with atomic_file(folder / "a.txt") as fh:
    ...     _ = fh.write(b"whole")
    >>> (folder / "a.txt").read_bytes(), sorted(p.name for p in folder.iterdir())
    (b'whole', ['a.txt'])
    """
    target = Path(target).absolute()
    folder = ensure_folder(target.parent)
    fd, partial = _mkstemp(folder, target.name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        publish_file(Path(partial), target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


@contextmanager
def private_folder(beside: Path) -> Iterator[Path]:
    """A new, empty folder in `beside`'s folder that only this process writes into; removed, with whatever is
    left in it, when the block ends. A writer that names its own files builds them here and renames them out."""
    parent = ensure_folder(Path(beside).absolute().parent)
    try:
        folder = Path(tempfile.mkdtemp(dir=parent, prefix=f".{Path(beside).name}.", suffix=".building"))
    except OSError as exc:
        raise OutputUnwritable(f"cannot write into {parent}: {exc.strerror or exc}") from None
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def publish_file(built: Path, target: Path, *, read_only: bool = False) -> None:
    """Give the file `built` the permissions a newly created file has here (without the write bits when
    `read_only`), then rename it over `target`."""
    os.chmod(built, 0o666 & ~_umask() & (0o444 if read_only else 0o777))
    try:
        os.replace(built, target)
    except OSError as exc:
        raise OutputUnwritable(f"cannot write {target}: {exc.strerror or exc}") from None


def _mkstemp(folder: Path, name: str) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".partial")
    except OSError as exc:
        raise OutputUnwritable(f"cannot write into {folder}: {exc.strerror or exc}") from None


def _umask() -> int:
    """The process's umask (only readable by setting it: done under a lock, and put back at once)."""
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask
