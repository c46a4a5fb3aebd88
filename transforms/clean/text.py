"""Clean a decoded document: normalise characters, drop page furniture, find sections and sentences.

`clean_text` never raises: arbitrary Unicode yields some (possibly empty) `CleanText`.
The clean text keeps one line per kept source line, with whitespace runs collapsed;
`raw_offsets` maps every clean character back to the raw text.
"""

from __future__ import annotations

import re
from functools import cache

from transforms.clean.normalize import normalise
from transforms.clean.offsets import OffsetMap
from transforms.knowledge.lexicon import cue_alternation, joinable_words, section_cues
from transforms.records import CleanText, Section, Sentences

# Lines that are page furniture rather than report text.
_FURNITURE = re.compile(
    rf"""
      摄\s*/ | 摄影\s*[:/] | \s摄$ | ^图/ | 图片来源        # photo captions and credits
    | ^[\s|]*(?:{cue_alternation("page_menu")}|【[大中小]】)   # aggregator menus
    | (?:【\s*打印\s*】|【\s*关闭\s*】|\[\s*打印\s*\]|字号[:：]?\s*[大中小])
    | ^\s*(?:{cue_alternation("byline", "credit")})[:：/\s]          # bylines
    | ^\s*\|?\s*$                                          # table borders left by copies of photo grids
    # style sheets pasted as text: "font-size: 18px;", ".title p {{", "}}", ".x{{float:left;}}"
    | ^[^\u4e00-\u9fff{{}}]*\{{[^\u4e00-\u9fff]*$ | ^\s*\}}\s*$ | ^\s*[a-z-]+\s*:[^\u4e00-\u9fff]*;\s*\}}?$
    """,
    re.VERBOSE,
)

# Furniture is a short line of its own; a long line that holds a caption or a byline
# ("每经记者:… 图片来源:…近日,…") is a copy that lost its line breaks, and is text.
_FURNITURE_MAX_CHARS = 60

# A heading either stands on its own short line, or is numbered 一、… and runs to the
# next space or full stop (some copies put the whole report on one line).
# (Written to open on its first numeral, which the engine looks for alone: what may stand before
# it, the text's start, a space or a full stop, is checked once it is found.)
_NUMBERED_HEADING = re.compile(
    r"(?P<title>[一二三四五六七八九十](?<![^\s。][一二三四五六七八九十])[一二三四五六七八九十]?"
    r"、(?![一二三四五六七八九十]、)[^\s。;,:!?%]{2,40})"
)
# A leading block of front matter (markdown pages, RSS mirrors): "---\ntitle: …\ndate: …\n---".
_FRONT_MATTER = re.compile(r"\A---\n(?:[^\n]*\n){1,40}?---(?:\n|\Z)")
# A sentence ends on a run of full stops with the closing quote after it, or on a line break, and is
# trimmed of whitespace (\s is what str.strip strips). Found whole, as the stretch from a character that
# is no space: up to and with its full stops (whitespace before them kept), or to its last character
# that is no space before a line break or the text's end.
_SENTENCE = re.compile(r"""(?=\S)(?:[^\n。!?！？]*[。!?！？]+[”’"」』)]?|[^\n。!?！？]*[^\s。!?！？])""")
# A short line that carries a figure is text, not a heading.
_FIGURE_IN_LINE = re.compile(r"\d[%万亿]")
# (The space patterns open on the space, which the engine looks for alone, and look behind it from there.)
_EXTRA_SPACE = re.compile(r"[ \t](?<=[ \t][ \t])")
# Digits written one by one with spaces between ("1 9 9 7 年", "7 4 7 7 2 亿元") by some copies; a
# line holds them only where it holds a digit, a space and a digit.
_SPACED_DIGITS = re.compile(r"(?<![\d.])\d(?: \d)+(?![\d.])")
_DIGIT_SPACE_DIGIT = re.compile(r" (?<=\d )(?=\d)")
# A space a copy put inside a number, after its decimal point (增长15. 4%); and a space between two
# Chinese characters, which may be one inside a word (一 般公共预算收入, 同 比增长) or one that
# separates a heading from its text ("报告 一、2023年工作回顾 增长6.9%"): see `_splits_a_word`.
_DECIMAL_SPACE = re.compile(r" (?<=\d\. )(?=\d)")
_CJK_SPACE = re.compile(r" (?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff])")


def clean_text(raw: str) -> CleanText:
    """Normalise `raw` and split it into sections and sentences (see module doc)."""
    text, offsets = normalise(raw)
    text, offsets = _drop_furniture(text, offsets)
    sections = _sections(text)
    front = _FRONT_MATTER.match(text)
    if front:
        sections = _with_front_matter(sections, front.end())
    sentences = _sentences(text, sections)
    end = (offsets[-1] + 1) if offsets else len(raw)
    return CleanText(text=text, raw_offsets=offsets.then(end), sections=sections, sentences=sentences)


def _drop_furniture(text: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    """Drop furniture lines; in the lines kept, collapse whitespace runs and close up spaced-out
    digits ("1 9 9 7 年" -> "1997 年"), keeping each kept character's raw offset."""
    kept_lines: list[str] = []
    spans: list[tuple[int, int]] = []  # of `text`, whose offsets the kept characters take
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped or (len(stripped) <= _FURNITURE_MAX_CHARS and _FURNITURE.search(stripped)):
            continue
        # (strip gives the line itself when it has no whitespace to strip, as most lines have none)
        base = start if stripped is line else start + len(line) - len(line.lstrip())
        if spans:  # the break after the line kept before, on that line's last character's offset
            spans.append((spans[-1][1] - 1, spans[-1][1]))
        if " " in stripped or "\t" in stripped:
            kept_lines.append(_closed_up(stripped, base, spans))
        else:
            kept_lines.append(stripped)
            spans.append((base, base + len(stripped)))
    return "\n".join(kept_lines), offsets.select(spans)


def _closed_up(line: str, base: int, spans: list[tuple[int, int]]) -> str:
    """`line` without the spaces `_dropped_spaces` drops; the spans of what it keeps are added to
    `spans` (offsets of `line` from `base`)."""
    pieces, kept = [], 0
    for drop in _dropped_spaces(line):
        pieces.append(line[kept:drop])
        spans.append((base + kept, base + drop))
        kept = drop + 1
    pieces.append(line[kept:])
    spans.append((base + kept, base + len(line)))
    return "".join(pieces)


def _dropped_spaces(line: str) -> list[int]:
    """Positions of whitespace to drop: all but the first of a run, the spaces of spaced-out digits,
    and a space inside a word or after a decimal point."""
    if " " not in line and "\t" not in line:
        return []
    drops = {m.start() for m in _EXTRA_SPACE.finditer(line)}
    drops.update(m.start() for m in _DECIMAL_SPACE.finditer(line))
    drops.update(m.start() for m in _CJK_SPACE.finditer(line) if _splits_a_word(line, m.start()))
    for m in _SPACED_DIGITS.finditer(line) if _DIGIT_SPACE_DIGIT.search(line) else ():
        drops.update(m.start() + i for i, ch in enumerate(m.group()) if ch == " ")
    return sorted(drops)


def _splits_a_word(line: str, space: int) -> bool:
    """Whether the space at `space` falls inside a word the extractor reads: an indicator's wording
    or a verb of change (一 般公共预算收入, 同 比, 下 降)."""
    left, right = line[max(0, space - 8) : space], line[space + 1 : space + 9]
    joined = left + right
    return any(m.start < len(left) < m.end for m in joinable_words().finditer(joined))


def heading_role(title: str) -> str | None:
    """The role a heading's words give its section, or None when it names none."""
    for role, cues in _role_cues():
        if cues.search(title):
            return role
    return None


@cache
def _role_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each role with a pattern finding any of its cues, review cues first: "2025年工作及“十四五”时期
    发展回顾" names a year's work but reviews it."""
    cues = {role: [re.escape(cue) for cue, of in section_cues() if of == role] for role in ("review", "plan", "other")}
    return tuple((role, re.compile("|".join(words))) for role, words in cues.items() if words)


def _sections(text: str) -> tuple[Section, ...]:
    starts: list[tuple[int, str, str]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if 2 <= len(stripped) <= 30 and "。" not in stripped and not _FIGURE_IN_LINE.search(stripped):
            role = heading_role(stripped)
            if role:
                starts.append((pos, stripped, role))
        pos += len(line) + 1
    for m in _NUMBERED_HEADING.finditer(text):
        title = m.group("title")
        starts.append((m.start("title"), title, heading_role(title) or ""))
    starts.sort()
    # A heading that names no role ("一、坚定不移抓高效投入") is a part of the section
    # before it: the plan's tasks, the review's achievements.
    previous = "other"
    for i, (start, title, role) in enumerate(starts):
        previous = role or previous
        starts[i] = (start, title, previous)
    sections: list[Section] = []
    if not starts or starts[0][0] > 0:
        sections.append(Section(title="", start=0, end=starts[0][0] if starts else len(text), role="other"))
    for i, (start, title, role) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        if end > start:
            sections.append(Section(title=title, start=start, end=end, role=role))  # type: ignore[arg-type]
    return tuple(sections)


def _with_front_matter(sections: tuple[Section, ...], end: int) -> tuple[Section, ...]:
    """Sections with the front matter [0, end) as a section of its own (role "front": no facts)."""
    rest = [Section(s.title, max(s.start, end), s.end, s.role) for s in sections if s.end > end]
    return (Section("front matter", 0, end, "front"), *rest)


def _sentences(text: str, sections: tuple[Section, ...]) -> Sentences:
    starts, ends = [], []
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        starts.append(start)
        ends.append(end)
    return Sentences(starts, ends, [s.start for s in sections])
