"""Word (.docx) and PDF bytes to text.

Both parsers are third-party code fed untrusted bytes: a damaged file can make
them raise almost anything (zipfile, zlib, lxml, struct, KeyError...). Each
parse is therefore wrapped once, narrowly, and whatever it raises becomes a
`CorruptDocument` naming the file; our own checks run before and after with
specific messages.
"""

from __future__ import annotations

import io
import re
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
        pages = [_page_text(page.extract_text() or "") for page in reader.pages]
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


# A line of a PDF's text layer whose characters are set apart one by one: what some generators
# write for CJK text (fpdf2 with some fonts, letter-spaced headings). Read as it is, no word of
# it is found (地 区 生 产 总 值) and no number is whole (5 . 2 %).
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SINGLE_SPACE = re.compile(r"(?<=\S) (?=\S)")  # the space set between two characters
_WIDER_SPACE = re.compile(r" {2,}")  # the text's own space, widened by the spacing
SPACED_SHARE = 0.8  # of a line's space-separated pieces that are one character long: letter-spaced


def _page_text(text: str) -> str:
    """A page's text layer as its characters read: without NULs, and with letter-spaced lines joined.

    fpdf2 with Noto CJK fonts maps every character to two bytes whose first reads as NUL
    ("\\x00北\\x00京"); a NUL is never text, so it goes.

    >>> _page_text("\\x00北\\x00京\\x00市")
    '北京市'
    >>> _page_text("2 0 2 4 年 全 市 地 区 生 产 总 值 增 长 5 . 2 % 。  全 年")
    '2024年全市地区生产总值增长5.2%。 全年'
    >>> _page_text("GDP grew by 5.2 percent in 2024 a b c d")
    'GDP grew by 5.2 percent in 2024 a b c d'
    """
    return "\n".join(_joined(line) for line in text.replace("\x00", "").split("\n"))


def _joined(line: str) -> str:
    pieces = line.split()
    if len(pieces) < 4 or sum(len(piece) == 1 for piece in pieces) < SPACED_SHARE * len(pieces):
        return line
    if not _CJK.search(line):
        return line
    return _WIDER_SPACE.sub(" ", _SINGLE_SPACE.sub("", line))
