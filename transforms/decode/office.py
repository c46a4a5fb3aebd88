"""Word (.docx) and PDF bytes to text.

Both parsers are third-party code fed untrusted bytes: a damaged file can make
them raise almost anything (zipfile, zlib, lxml, struct, KeyError...). Each
parse is therefore wrapped once, narrowly, and whatever it raises becomes a
`CorruptDocument` naming the file; our own checks run before and after with
specific messages.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from transforms.decode.limits import check_unpacked_size
from transforms.errors import CorruptDocument, EncryptedDocument, NoTextLayer, UnsupportedFormat


def decode_docx(data: bytes, name: str) -> str:
    """Paragraphs and table rows of the document body, in order, one per line."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except Exception as exc:  # zipfile raises NotImplementedError, struct.error... on junk
        raise CorruptDocument(f"{name}: the .docx (zip) container is damaged or truncated ({exc}).") from None
    if "word/document.xml" not in names:
        raise UnsupportedFormat(f"{name}: is a zip archive but not a Word .docx document.")
    # zipfile never inflates a member past the size its header claims, so the claim bounds the work.
    check_unpacked_size(unpacked, name)

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_rows(block))
            else:
                lines.append(block.text)
    except Exception as exc:  # see module docstring: any parser failure is a damaged file
        raise CorruptDocument(f"{name}: the Word document is damaged ({type(exc).__name__}: {exc}).") from None
    return "\n".join(lines)


def _table_rows(table: Table) -> list[str]:
    """One line per row, cells separated by a tab; a merged cell counted once."""
    rows = []
    for row in table.rows:
        cells, last = [], None
        for cell in row.cells:
            if cell._tc is last:  # python-docx repeats a horizontally merged cell
                continue
            last = cell._tc
            cells.append(cell.text.replace("\n", " "))
        rows.append("\t".join(cells))
    return rows


def decode_pdf(data: bytes, name: str) -> tuple[str, list[int]]:
    """The text layer of every page, pages separated by a line break, and the pages (from 1) with no text."""
    # pypdf repairs a truncated file silently and returns part of it; a cut
    # PDF is better refused whole than loaded as half a report.
    if b"%%EOF" not in data[-2048:]:
        raise CorruptDocument(f"{name}: the PDF is truncated (no %%EOF marker at its end).")

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            # An empty user password opens most "protected" reports (copy/print limits only).
            raise EncryptedDocument(f"{name}: the PDF is password-protected; remove the password first.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except EncryptedDocument:
        raise
    except (DependencyError, FileNotDecryptedError):
        raise EncryptedDocument(
            f"{name}: the PDF is encrypted in a way pypdf cannot open here; remove the encryption first."
        ) from None
    except Exception as exc:  # see module docstring: any parser failure is a damaged file
        raise CorruptDocument(f"{name}: the PDF is damaged ({type(exc).__name__}: {exc}).") from None
    if not any(page.strip() for page in pages):
        raise NoTextLayer(
            f"{name}: PDF has {len(pages)} pages but no text layer; it is probably a scan — OCR it first."
        )
    blank = [number for number, page in enumerate(pages, 1) if not page.strip()]
    return "\n".join(pages), blank
