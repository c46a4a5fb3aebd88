"""Bytes to text: pick the format from magic bytes and the file name, then decode.

`decode` is the one entry point. It is pure — bytes and a name in, a
`DecodedText` out — and for any bytes at all it either returns or raises an
`InputError` subclass, so a flow can record a bad file and carry on.

Magic bytes win over the suffix, because files are misnamed in the wild (a
PDF saved as .txt, an error page saved as .pdf). Traditional Chinese is kept
as decoded; conversion is `transforms.clean`'s business.
"""

from __future__ import annotations

from pathlib import PurePath

from transforms.decode.limits import check_text_length
from transforms.decode.office import decode_docx, decode_pdf
from transforms.decode.plain_text import decode_text_bytes
from transforms.decode.web_page import decode_html, looks_like_html
from transforms.errors import CorruptDocument, EmptyFile, NoText, UnsupportedFormat
from transforms.records import DecodedText, SourceFormat

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls, and encrypted .docx
_HTML_SUFFIXES = frozenset({".html", ".htm"})


def decode(data: bytes, name: str) -> DecodedText:
    """Decode one file's bytes; `name` (the base name) is used for the suffix and in messages.

    >>> decode("一、工作回顾".encode(), "r.txt")
    DecodedText(text='一、工作回顾', encoding='utf-8', source_format='text')
    """
    return decode_with_warnings(data, name)[0]


def decode_with_warnings(data: bytes, name: str) -> tuple[DecodedText, list[str]]:
    """`decode`, plus one sentence for each part of the file that was not read (a PDF page without text)."""
    if not data:
        raise EmptyFile(f"{name}: the file is empty (0 bytes).")
    fmt = _sniff(data, name)
    encoding: str
    warnings: list[str] = []
    if fmt == "pdf":
        text, blank = decode_pdf(data, name)
        encoding = "pdf"
        if blank:
            warnings.append(f"{name}: {len(blank)} PDF page(s) have no text layer (scanned?) and were not read: "
                            f"page {_page_list(blank)}")
    elif fmt == "docx":
        text, encoding = decode_docx(data, name), "docx"
    elif fmt == "html":
        text, encoding = decode_html(data, name)
    else:
        text, encoding = decode_text_bytes(data, name)
    if not text.strip():
        raise NoText(f"{name}: the {_LABELS[fmt]} decodes but holds no text.")
    check_text_length(text, name)
    return DecodedText(text=text, encoding=encoding, source_format=fmt), warnings


def _page_list(pages: list[int]) -> str:
    """Page numbers as ranges.

    >>> _page_list([2, 3, 4, 7])
    '2-4, 7'
    """
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


_LABELS: dict[SourceFormat, str] = {"text": "text file", "html": "web page", "docx": "Word document", "pdf": "PDF"}


def _sniff(data: bytes, name: str) -> SourceFormat:
    """The format the bytes are in, checked against what the name promises."""
    suffix = PurePath(name).suffix.lower()
    # The PDF spec lets junk precede the header; readers look in the first KB.
    if _PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    if data.startswith(_OLE_MAGIC):
        raise UnsupportedFormat(
            f"{name}: is a legacy Word/Excel (OLE) file or a password-protected .docx; "
            "save it as an unprotected .docx or PDF."
        )
    if suffix == ".pdf":
        raise CorruptDocument(f"{name}: is named .pdf but is not a PDF (it does not start with %PDF-).")
    if suffix == ".docx":
        raise CorruptDocument(f"{name}: is named .docx but is not a Word document (not a zip archive).")
    if suffix in _HTML_SUFFIXES or looks_like_html(data):
        return "html"
    return "text"
