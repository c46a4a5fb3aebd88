"""Errors of reading files from disk, each carrying one clear sentence for the run summary.

They are `InputError`s (`transforms/errors.py`), so a flow records them in `ingest_errors` and
goes on with the rest of the batch, as it does for a file that cannot be decoded.
"""

from __future__ import annotations

from transforms.errors import InputError


class ReadError(InputError):
    """The file could not be read from disk (permissions, vanished, symlink loop...)."""

    stage = "read"


class FileTooLarge(ReadError):
    """The file is larger than the configured limit."""


class ChangedWhileRead(ReadError):
    """The file no longer holds the bytes the run read and hashed: it changed during the run (read again by an
    extraction worker, `ingest.sources.read_again`)."""
