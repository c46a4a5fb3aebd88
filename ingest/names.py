"""What a path found on disk is, and whether gwr takes it: suffixes, names, kinds of file, the folders named.

Shared by finding files (`ingest.discover`) and reading them (`ingest.sources`), each check
with the one sentence its refusal is recorded with.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from ingest.errors import ReadError
from transforms.errors import InputError, UnsupportedFormat

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
_KINDS = ((stat.S_ISFIFO, "a pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


class UndecodableName(ReadError):
    """The file's name is not valid UTF-8, so it cannot be recorded as it is."""


class OutsideLink(ReadError):
    """A symlink in a folder leads outside the folders named on the command line (`--follow-links` reads it)."""


def shown(path: str | Path) -> str:
    r"""A path as text that can always be stored and printed: bytes that are not UTF-8 appear escaped.

    A name unzipped from a Windows archive is GBK bytes, which Python keeps as
    surrogates that no UTF-8 writer accepts.

    >>> shown(os.fsdecode(b"/in/\xb1\xa8.txt"))
    '/in/\\xb1\\xa8.txt'
    """
    return os.fsencode(str(path)).decode("utf-8", errors="backslashreplace")


def suffix(name: str) -> str:
    """The suffix gwr goes by, lower-cased; a hidden file's leading dot starts no suffix.

    >>> suffix("a.TXT"), suffix("..txt"), suffix("._report.pdf"), suffix(".bashrc"), suffix("README")
    ('.txt', '.txt', '.pdf', '', '')
    """
    return os.path.splitext("x" + name[1:] if name.startswith(".") else name)[1].lower()


def kind(mode: int) -> str:
    """What a file that is not a regular file is, in words.

    >>> kind(stat.S_IFIFO), kind(stat.S_IFCHR)
    ('a pipe (FIFO)', 'a character device')
    """
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


def refusal(path: Path) -> InputError | None:
    """Why a regular file found on disk cannot be taken by its name alone, or None."""
    if shown(path) != str(path):
        return UndecodableName(f"file name is not valid UTF-8 (a GBK name from a Windows zip?): {shown(path)}; "
                               "rename it to UTF-8 (e.g. convmv -f gbk -t utf8)")
    refused = path.suffix.lower()
    if refused in REFUSED_SUFFIXES:
        return UnsupportedFormat(f"{refused} files are not read (gwr reads "
                                 f"{' '.join(sorted(SUPPORTED_SUFFIXES))}): {path}")
    return None


def not_regular(path: Path, mode: int) -> ReadError:
    """The error of a path that is a pipe, socket or device where a file was expected."""
    return ReadError(f"not a regular file ({kind(mode)}): {shown(path)}")


def within(real: str, roots: Sequence[str]) -> bool:
    """Whether the resolved path `real` is one of `roots` (resolved paths) or lies below one.

    >>> within("/in/sub/a.txt", ["/in"]), within("/input.txt", ["/in"]), within("/in", ["/in"])
    (True, False, True)
    """
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def outside(path: Path, real: str, *, folder: bool) -> OutsideLink:
    what = "folder" if folder else "file"
    return OutsideLink(f"symlink to a {what} outside the folders named, not read "
                       f"(gwr run --follow-links reads it): {shown(path)} -> {shown(real)}")


def read_error(path: Path, exc: OSError) -> ReadError:
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
