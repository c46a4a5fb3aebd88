"""Errors a bad input raises, each carrying one clear sentence for the run summary.

Every error that a single document can cause derives from `InputError` (the errors of
reading a file from disk are in `ingest/errors.py`), so the flow can catch exactly these,
record them in the warehouse's `ingest_errors` table and go on with the rest of the batch.
Anything else is a bug and is allowed to fail the task loudly.
"""

from __future__ import annotations


class InputError(Exception):
    """A document that cannot be taken; `str(err)` is the sentence shown to the user."""

    stage: str = "ingest"

    @property
    def error_class(self) -> str:
        return type(self).__name__


class EmptyFile(InputError):
    """The file has no bytes: refused when it is read (`ingest/`) and when bytes are decoded."""

    stage = "read"


class DecodeError(InputError):
    """The bytes are not a document we can turn into text."""

    stage = "decode"


class BinaryContent(DecodeError):
    """The bytes look like binary data, not text."""


class UndecodableText(DecodeError):
    """No supported encoding decodes the bytes."""


class CorruptDocument(DecodeError):
    """A .docx/.pdf container that is truncated or damaged."""


class NoTextLayer(DecodeError):
    """A PDF with no extractable text (a scan)."""


class NoText(DecodeError):
    """The document decodes but holds no text worth cleaning."""


class UnsupportedFormat(DecodeError):
    """A real document format we do not read (legacy .doc, a non-Word zip...)."""


class EncryptedDocument(DecodeError):
    """A password-protected PDF or Office file."""


class ExtractLimitExceeded(InputError):
    """A document whose text passes a bound of extraction (a sentence or a list far longer than prose)."""

    stage = "extract"
