"""Per-document bounds checked while decoding, each named with its bound when a document passes it.

A hostile or broken file must cost at most a bounded amount of memory and time
before it is refused: a .docx that unpacks to hundreds of megabytes (a zip
bomb), markup nested a hundred thousand levels deep, or a text far longer than
any report. The bounds sit far above the largest real report (≈ 0.5 M
characters, nesting depth < 60, a few MB unpacked).
"""

from __future__ import annotations

import re

from transforms.errors import DecodeError

#: Characters of decoded text; the longest report of the development corpus has ≈ 0.5 M.
MAX_TEXT_CHARS = 5_000_000
#: Bytes a .docx may unpack to; real reports unpack to a few MB.
MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024
#: Depth of nested HTML elements; real pages stay under 60.
MAX_HTML_DEPTH = 1_000

# An opening or closing tag, and whether it closes itself. Void elements and the
# ones browsers close implicitly (p, li, td...) never deepen a page, so they are
# left out of the count instead of inflating it on sloppy markup.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})\b[^<>]{0,2000}?(/?)>")
_FLAT = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "p", "li", "td", "th", "tr", "dt", "dd", "option",
})


class LimitExceeded(DecodeError):
    """The document passes one of the per-document bounds; the message names the bound."""


def check_text_length(text: str, name: str) -> None:
    """Refuse a decoded text longer than `MAX_TEXT_CHARS`."""
    if len(text) > MAX_TEXT_CHARS:
        raise LimitExceeded(f"{name}: {len(text):,} characters of text, over the {MAX_TEXT_CHARS:,}-character "
                            "limit for one document; split it into smaller files.")


def check_unpacked_size(unpacked: int, name: str) -> None:
    """Refuse a .docx whose members add up to more than `MAX_DOCX_UNPACKED_BYTES`."""
    if unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise LimitExceeded(f"{name}: the .docx unpacks to {unpacked / 2**20:,.0f} MB, over the "
                            f"{MAX_DOCX_UNPACKED_BYTES // 2**20} MB limit for one document (a zip bomb?); refused.")


def check_html_depth(markup: str, name: str) -> None:
    """Refuse markup whose elements nest deeper than `MAX_HTML_DEPTH`, in one linear pass over its tags.

    >>> check_html_depth("<div><div><p>x</div></div>", "ok.html")
    >>> check_html_depth("<div>" * 1001, "deep.html")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    transforms.decode.limits.LimitExceeded: deep.html: HTML elements nest deeper than the 1,000-level limit ...
    """
    depth = 0
    for match in _TAG.finditer(markup):
        closing, tag, self_closing = match.groups()
        if self_closing or tag.lower() in _FLAT:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > MAX_HTML_DEPTH:
            raise LimitExceeded(f"{name}: HTML elements nest deeper than the {MAX_HTML_DEPTH:,}-level limit "
                                "for one document; refused.")
