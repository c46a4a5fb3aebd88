"""HTML bytes to the text a reader sees: no scripts, menus or page chrome, one line per block.

selectolax's Lexbor parser is used because government sites serve broken
markup and Lexbor repairs it the way a browser does, at C speed, decoding
entities as it goes.
"""

from __future__ import annotations

import codecs
import re

from selectolax.lexbor import LexborHTMLParser

from transforms.decode.limits import check_html_depth
from transforms.decode.plain_text import decode_text_bytes

# Page chrome and non-text; a work report's own words are never inside these.
_DROP = "script, style, noscript, template, nav, header, footer, aside, iframe, object, svg, head"

# Elements that start a new line in a browser. Cells get a space so that a
# table row reads as one line of values.
_BLOCKS = (
    "p, div, br, hr, li, dt, dd, tr, h1, h2, h3, h4, h5, h6, table, ul, ol, dl, pre, "
    "blockquote, section, article, main, figure, figcaption, caption, address, center, form"
)
_CELLS = "td, th"

# Placeholders inserted into the tree, turned into layout after HTML whitespace
# is collapsed; ASCII record/unit separators never occur in a web page's text.
_LINE = "\x1e"
_CELL = "\x1f"
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# Pages that declare the older Chinese encodings are in practice GB18030's
# subset; decoding with the superset keeps characters the page wrongly declared.
_GB_ALIASES = frozenset({"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "gb18030"})


def looks_like_html(data: bytes) -> bool:
    """True if the bytes open like an HTML page, whatever the file is called.

    >>> looks_like_html(b"  <!DOCTYPE html><p>x")
    True
    >>> looks_like_html(b"plain text with <b> inside")
    False
    """
    head = data[:1024]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head[:200].count(0) > 20:
        head = head.replace(b"\x00", b"")  # UTF-16 markup is ASCII with NULs between
    head = head.removeprefix(codecs.BOM_UTF8).lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or (head.startswith((b"<!--", b"<?xml")) and b"<html" in head)


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Decode and flatten an HTML page, returning (text, "html:<encoding>")."""
    markup, encoding = _decode_markup(data, name)
    check_html_depth(markup, name)
    return html_to_text(markup), f"html:{encoding}"


def _decode_markup(data: bytes, name: str) -> tuple[str, str]:
    """Charset by BOM, then <meta charset>, then the plain-text detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text_bytes(data, name)
    declared = _declared_charset(data[:4096])
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # pages often lie about their charset; detection decides instead
    return decode_text_bytes(data, name)


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _GB_ALIASES:
        return "gb18030"
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    # A UTF-16 declaration in bytes we could read as ASCII is wrong by definition (HTML spec).
    return "utf-8" if codec.startswith("utf-16") else codec


def html_to_text(markup: str) -> str:
    """Text of the page body, one line per block element, blank lines dropped.

    >>> html_to_text("<p>一&amp;二</p><script>x()</script><div>三<br>四</div>")
    '一&二\\n三\\n四'
    """
    markup = markup.replace(_LINE, "").replace(_CELL, "")
    tree = LexborHTMLParser(markup)
    root = tree.body or tree.root
    if root is None:
        return ""
    for node in root.css(_DROP):
        node.decompose()
    for node in root.css(_BLOCKS):
        node.insert_before(_LINE)
        node.insert_after(_LINE)
    for node in root.css(_CELLS):
        node.insert_after(_CELL)
    text = _HTML_SPACE.sub(" ", root.text(deep=True))
    lines = (line.replace(_CELL, " ").strip() for line in text.split(_LINE))
    return "\n".join(line for line in lines if line)
