"""Character-level normalisation that keeps an exact map back to the raw text.

Every output character remembers the raw offset it came from, so a fact found in
the clean text can be quoted from the raw text. Replacements that shrink several raw
characters into one (a literal ``\\r\\n`` escape, an HTML entity) map to the first raw
character of the run; removals simply drop characters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache

import opencc

from transforms.clean.offsets import OffsetMap, Runs
from transforms.knowledge.lexicon import char_variants, units
from transforms.knowledge.numerals import SPELLED_DIGITS, spelled_year

# Spans of the raw text that are not text. Each alternative is replaced (or dropped)
# as a whole before character-level normalisation.
_JUNK = re.compile(
    r"""
      (?P<escape>(?:\\r\\n|\\n|\\r|\\t)+)     # literal escapes left by scrapers that dumped repr() strings
    | (?P<tag></?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>)   # HTML tags that survived extraction
    | (?P<entity>&(?:[A-Za-z]{2,8}|\#\d{2,6}|\#x[0-9A-Fa-f]{2,5});)   # &nbsp; &lt; &#12290;
    | (?P<comment><!--.{0,2000}?-->)        # HTML comments
    # pinyin in brackets after a character, left by copies of annotated pages: 經(jīng)濟
    | (?P<ruby>(?<=[\u4e00-\u9fff])\([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}\))
    # a footnote's mark after a word, left by copies of annotated bulletins: 地区生产总值(GDP)[2]完成
    | (?P<note>(?<=[\u4e00-\u9fff)）])\[\d{1,2}\])
    | (?P<image><image>[^<]{0,4000}</image>|data:image/[^\s"')]{0,4000})   # inline images
    """,
    re.VERBOSE | re.DOTALL,
)
# The characters a span of `_JUNK` starts with (\ < & ( [ d): it is tried only where one of them is
# written, which Python's engine finds far faster than it tries `_JUNK` at every character.
_JUNK_START = re.compile(r"[\\<&(\[d]")


def _junk(raw: str) -> Iterator[re.Match[str]]:
    """The spans `_JUNK.finditer(raw)` finds, found from their first characters."""
    pos = 0
    while start := _JUNK_START.search(raw, pos):
        m = _JUNK.match(raw, start.start())
        if m:
            yield m
        pos = m.end() if m else start.start() + 1

# Block-level tags end a line in the rendered page, so they become a line break.
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|tr|h\d|table|section)\b", re.IGNORECASE)

# Characters folded to a common form: ideographic and other spaces become a space;
# the full stop variants of web copies become 。
_FOLD = {
    "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\ufeff": "",
    "\u202f": " ", "\u2007": " ",  # narrow and figure spaces: digit-group separators (1 234,5)
    "\u200b": "", "\u200c": "", "\u200d": "", "\r": "\n", "\u2028": "\n", "\u2029": "\n",
    "\uff61": "。", "\u2236": ":", "\u00b7": "·",
    "\u2105": "%",  # ℅ (care of), typed for ％ by some copies: 同比增长15℅
}


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _fold_char(ch: str) -> str:
    """One character folded as running text is (％ -> %, ， -> ,, ０ -> 0, ١ -> 1): see `_TABLE`."""
    return ch.translate(_TABLE)


_SURROGATE = re.compile(r"([\ud800-\udfff])")


def _to_simplified(text: str) -> str:
    """Traditional -> Simplified without changing the length (the offset map depends on it)."""
    if text.isascii():
        return text
    if _SURROGATE.search(text):
        # Lone surrogates (from a lenient decode) cannot pass through OpenCC's UTF-8; keep them as they are.
        return "".join(p if _SURROGATE.fullmatch(p) else _to_simplified(p) for p in _SURROGATE.split(text))
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length somewhere: fall back to one character at a time.
    out = []
    for ch in text:
        c = _t2s().convert(ch) if not ch.isascii() else ch
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def normalise(raw: str) -> tuple[str, OffsetMap]:
    """Return the normalised text and, for each of its characters, the raw offset."""
    chars: list[str] = []
    offsets = Runs()
    pos = 0
    for m in _junk(raw):
        _fold_span(raw, pos, m.start(), chars, offsets)
        if m.lastgroup == "escape" or (m.lastgroup == "tag" and _BLOCK_TAG.match(m.group())):
            chars.append("\n")
            offsets.add(m.start(), 1)
        elif m.lastgroup == "entity":
            text = html.unescape(m.group())
            if len(text) == 1:
                chars.append(_fold_char(text))
                offsets.add(m.start(), 1)
        pos = m.end()
    _fold_span(raw, pos, len(raw), chars, offsets)
    folded = "".join(chars)  # pieces translate one character to one, so len(folded) == len(offsets)
    simplified = _to_simplified(folded)
    if len(simplified) != len(folded):  # cannot happen by construction; keep the map exact regardless
        simplified = folded
    return _drop_doubled_marks(*_join_split_numbers(_CN_YEAR.sub(_arabic_year, simplified), offsets.map()))


# A comma doubled or set before another mark by a mirror's converter ("江苏,、山东", "4.3%,、4.6%",
# "揭晓,。"): the comma goes, the mark after it stays. A text holds one where it holds a comma
# right before a mark, which the engine looks for from the comma alone.
_DOUBLED_MARK = re.compile(r",+(?=[,、。;:!?])")
_COMMA_BEFORE_MARK = re.compile(r",(?=[,、。;:!?])")


def _drop_doubled_marks(text: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    if not _COMMA_BEFORE_MARK.search(text):
        return text, offsets
    chars, kept, pos = [], [], 0
    for m in _DOUBLED_MARK.finditer(text):
        chars.append(text[pos : m.start()])
        kept.append((pos, m.start()))
        pos = m.end()
    chars.append(text[pos:])
    kept.append((pos, len(text)))
    return "".join(chars), offsets.select(kept)


# 一九八一年 as older reports write it: four numerals become four digits, so the offset map holds.
# (The first numeral is written apart, so that the engine looks for it alone before trying the rest.)
_CN_YEAR = re.compile(rf"[{SPELLED_DIGITS}][{SPELLED_DIGITS}]{{3}}(?=年)")


@cache
def _split_number() -> re.Pattern[str]:
    """A number that a web copy broke with single spaces (7 4 7 7 2亿元, 40.8 2 亿元, 2 016 年),
    recognised only where a unit or 年 follows it, so lists such as "1 10 100" stay apart."""
    after = "|".join(re.escape(u) for u in sorted({*units(), "年", "％"}, key=len, reverse=True))
    # The lookbehind after the first digit (not before it) lets the engine look for digits alone.
    return re.compile(rf"\d(?<![\d.]\d)[\d.]*(?: [\d.]+)+(?= ?(?:{after}))")


# A space between two digits, looked for from the space (a digit is far commoner in a report).
_DIGIT_SPACE_DIGIT = re.compile(r" (?<=\d )(?=\d)")


def _join_split_numbers(text: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    if not _DIGIT_SPACE_DIGIT.search(text):
        return text, offsets
    chars, kept, pos = [], [], 0
    for m in _split_number().finditer(text):
        if m.group().count(".") > 1:  # two numbers side by side (119.8 125.3), not one broken
            continue
        chars.append(text[pos : m.start()])
        kept.append((pos, m.start()))
        for i in range(m.start(), m.end()):
            if text[i] != " ":
                chars.append(text[i])
                kept.append((i, i + 1))
        pos = m.end()
    chars.append(text[pos:])
    kept.append((pos, len(text)))
    return "".join(chars), offsets.select(kept)


def _arabic_year(m: re.Match[str]) -> str:
    year = spelled_year(m.group())
    return str(year) if year is not None else m.group()


# Separators of numbers written in Arabic-Indic digits (١٢٣٤٫٥ is 1234.5): left as they are,
# the decimal separator would cut a number in two and the extractor would read its tail alone.
_ARABIC_NUMBER_SIGNS = {"\u066b": ".", "\u066c": ",", "\u066a": "%"}


class _FoldTable(dict[int, int | str]):
    """The translate table of the per-character folds: the full-width block, `_FOLD`, and every Unicode
    decimal digit (Arabic-Indic ١, Persian ۱, Devanagari १ …) as its ASCII digit, so that every number
    reads as one number whatever script its digits are in.

    A character's fold is looked up the first time it is met and kept, a character that stays itself
    too (a miss would raise). Only the Basic Multilingual Plane is kept: a worker's table never passes
    65,536 entries, whatever it reads.
    """

    def __missing__(self, code: int) -> int | str:
        folded = _digit_fold(code)
        if code < 0x10000:
            self[code] = folded
        return folded


def _digit_fold(code: int) -> int:
    """A decimal digit of any script as its ASCII digit; any other character as itself."""
    value = unicodedata.decimal(chr(code), None)
    return ord("0") + value if value is not None else code


_TABLE = _FoldTable({**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)},
                     **{ord(k): v for k, v in {**_FOLD, **_ARABIC_NUMBER_SIGNS, **char_variants()}.items()}})
# The characters the fold deletes, which break a span into pieces that translate 1:1.
_DELETED = re.compile("[" + "".join(k for k, v in _FOLD.items() if not v) + "]")


def _folds(code: int) -> bool:
    """Whether the fold changes the character `code` (read from the table's own entries, without
    keeping the answer in it)."""
    folded = dict.get(_TABLE, code, _digit_fold(code))
    return folded != code and folded != chr(code)


def _class_of(codes: Iterable[int]) -> str:
    r"""A character class of the characters `codes`, as ranges.

    >>> _class_of([0x61, 0x62, 0x63, 0x78])
    '\\u0061-\\u0063\\u0078'
    """
    ordered = sorted(codes)
    runs, i = [], 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        runs.append(f"\\u{ordered[i]:04x}" + (f"-\\u{ordered[j]:04x}" if j > i else ""))
        i = j + 1
    return "".join(runs)


# The characters the fold changes: the table's entries that change (the full-width block, \r, the
# variant ideographs of char_variants.csv: 陜 for 陕), every other decimal digit of the Basic
# Multilingual Plane, and any character beyond that plane, whose fold is looked up. A new row of
# data is read with the table, so it is never passed over.
_FOLDS = re.compile(
    "[" + _class_of(c for c in range(0x10000) if not 0xD800 <= c < 0xE000 and _folds(c)) + "\\U00010000-\\U0010ffff]"
)


def _fold(text: str) -> str:
    """`text.translate(_TABLE)`, as one str.replace for each distinct character the fold changes: a
    text holds a dozen or so, and str.translate takes a dictionary lookup for each of its characters.
    Each is found by a search from the last one found on: what a replacement gives, the fold leaves
    as it is (tests/transforms/test_fast_forms.py), so replacements cannot chain and are not found
    again."""
    pos = 0
    while found := _FOLDS.search(text, pos):
        ch = found.group()
        folded = _TABLE[ord(ch)]
        folded = chr(folded) if isinstance(folded, int) else folded
        if folded != ch:
            text = text.replace(ch, folded)
            pos = found.start() + len(folded)
        else:  # a character beyond the plane that stays itself
            pos = found.end()
    return text


def _fold_span(raw: str, start: int, end: int, chars: list[str], offsets: Runs) -> None:
    pos = start
    for m in [*_DELETED.finditer(raw, start, end), None]:
        stop = m.start() if m else end
        if stop > pos:
            chars.append(_fold(raw[pos:stop]))
            offsets.add(pos, stop - pos)
        pos = m.end() if m else end
