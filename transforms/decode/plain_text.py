"""Plain-text bytes to str: BOMs, UTF-8, UTF-16 without a BOM, GB18030, then detection.

The order is cheapest-and-surest first. Strict UTF-8 rarely decodes anything
that is not UTF-8, so it goes before GB18030, which decodes almost any byte
string and so must come after it. charset-normalizer is the slow last resort
and is held to the encodings a Chinese report plausibly uses: left free it
"decodes" anything as cp1252 and we would ingest mojibake.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from transforms.errors import BinaryContent, UndecodableText

# Longest first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

# C0 controls that never occur in text; tab, LF, VT, FF and CR do. The str
# table checks what a UTF-16/32 decode produced, where bytes say nothing.
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = dict.fromkeys(_CONTROL)

#: Above this share of control bytes the data is binary, not text with a few stray
#: NULs. Random bytes have about 11%; real text has close to none.
BINARY_CONTROL_SHARE = 0.05

# Traditional-Chinese files in Big5 are the likeliest input that is neither
# UTF-8 nor GB18030; the UTF variants catch BOM-less files the NUL test missed.
_DETECTABLE = ["big5", "big5hkscs", "cp950", "utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]


def decode_text_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode text bytes, returning (text, encoding label).

    >>> decode_text_bytes("中文".encode("gb18030"), "a.txt")
    ('中文', 'gb18030')
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = _strict(data, len(bom), codec, name)
            _raise_if_binary(len(text) - len(text.translate(_CONTROL_CHARS)), len(text), name)
            return text, label

    utf16 = _utf16_by_nul_pattern(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass  # a NUL pattern by chance; the byte check below decides
        else:
            if len(text) - len(text.translate(_CONTROL_CHARS)) <= BINARY_CONTROL_SHARE * len(text):
                return text, utf16

    _raise_if_binary(len(data) - len(data.translate(None, _CONTROL)), len(data), name)
    if b"\x00" in data:
        # A few stray NULs (a bad export, a padded buffer) carry no text; drop them.
        data = data.replace(b"\x00", b"")

    text = _utf8(data)
    if text is not None:
        return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        return _big5_instead(data, text) or (text, "gb18030")
    best = from_bytes(data, cp_isolation=_DETECTABLE).best()
    if best is not None:
        return str(best), best.encoding.replace("_", "-")
    raise UndecodableText(f"{name}: the bytes are not valid UTF-8, GB18030, UTF-16 or Big5; re-save the file as UTF-8.")


def _raise_if_binary(controls: int, total: int, name: str) -> None:
    if controls > BINARY_CONTROL_SHARE * total:
        share = round(100 * controls / total)
        raise BinaryContent(f"{name}: looks like binary data, not text ({share}% control bytes).")


def _big5_instead(data: bytes, gb_text: str) -> tuple[str, str] | None:
    """Big5 bytes also decode as GB18030, into rare characters and kana; catch that.

    Simplified text in GB18030 stays almost wholly inside GB2312's 7,445
    characters. When over a tenth of the non-ASCII characters fall outside it
    and the bytes are valid Big5 as well, Big5 is the better reading.
    """
    probe = gb_text.replace("?", "")  # so that every "?" below stands for an unencodable character
    outside = probe.encode("gb2312", errors="replace").count(b"?")
    if outside == 0 or outside <= 0.1 * sum(1 for ch in probe if not ch.isascii()):
        return None
    for codec in ("big5", "cp950"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return None


def _strict(data: bytes, skip: int, codec: str, name: str) -> str:
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise UndecodableText(
            f"{name}: has a {codec} byte-order mark but invalid {codec} at byte {skip + exc.start}."
        ) from None


def _utf8(data: bytes) -> str | None:
    """Strict UTF-8, forgiving only a character cut in half at the very end (a truncated copy)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            try:
                return data[: exc.start].decode("utf-8")
            except UnicodeDecodeError:
                return None
        return None


def _utf16_by_nul_pattern(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NULs on one parity only (the high byte of ASCII).

    Chinese characters themselves have no NUL byte, but every report has
    digits, punctuation and line breaks, so a handful of NULs all on even (BE)
    or all on odd (LE) offsets is a reliable sign. "Mostly", because a few
    characters such as 一 (U+4E00) put a NUL on the other parity. Stray NULs
    fall on both alike.
    """
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if odd >= 4 and even * 3 <= odd:
        return "utf-16-le"
    if even >= 4 and odd * 3 <= even:
        return "utf-16-be"
    return None
