"""Which indicators (and regions) a run of figures is about.

A run of figures ("1179.4亿元、增长6.9%") follows a subject ("实现地区生产总值"). The
subject may list several items — "批发、零售、住宿、餐饮", "规上工业产值和增加值",
"重庆、四川规模以上工业增加值" — and each item becomes a slot that one figure (分别)
or every figure (均) fills.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from transforms.facts.elliptic import is_bare
from transforms.knowledge.lexicon import (
    cue_alternation,
    cue_words,
    form_requirements,
    indicator_finder,
    surface_forms,
)
from transforms.knowledge.patterns import SCOPE_NOTE, SELF_REFERENCE
from transforms.knowledge.regions import mention_finder
from transforms.knowledge.segmenter import pos_cut
from transforms.knowledge.wordfinder import WordFinder

# Item separators of a list subject.
_SEPARATOR = re.compile(r"以及|、|和|及|与|/")

# A mention right after 占 (占GDP比重, 占江苏全省进出口总值的) is the whole of a share; one right
# after 拉动/带动 (拉动GDP增长0.1个百分点) is what a part contributes to; one right after
# 高于/超过 (高于固定资产投资) is the term of a comparison.
_DENOMINATOR_BEFORE = re.compile(rf"(?:占[^,;:。、]{{0,6}}|拉动|带动|{cue_alternation('comparison')}|超过)$")
_SELF = re.compile(SELF_REFERENCE)
# An indicator followed by 的 and a noun is that noun's owner, not the subject: "江苏进出口的
# 主要国别和地区…占61.4%" is about the trade partners. Its growth, share or size is still its own.
_OWNED_AFTER = re.compile(r"的(?!增速|增幅|增长|比重|总量|规模|同比|体量)[\u4e00-\u9fff]{2}")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    form: str
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Slot:
    code: str | None  # None: a list item that is no indicator (水果 in 生猪出栏量、水果和蔬菜产量)
    region_text: str  # words before the indicator inside the item, for region lookup
    start: int  # sentence offset where the item starts, for the quote
    form: str = ""  # the wording matched, when the item names the indicator itself


def find_mentions(sentence: str) -> list[Mention]:
    """Indicator wordings in a sentence, longest first, skipping share denominators."""
    out: list[Mention] = []
    needs = form_requirements()
    finder, form_of = indicator_finder()
    for m in finder.finditer(sentence):
        form = form_of[m.word]
        if form in needs and needs[form] not in sentence:
            continue
        if _DENOMINATOR_BEFORE.search(sentence[max(0, m.start - 6) : m.start]):
            continue
        if m.word in _object_taking() and _takes_object(sentence, m.end):
            continue
        if sentence.startswith(_VALUE_ADDED, m.end):
            # 餐饮业增加值 (not an indicator's name): a sector's value added, and so are the sectors
            # listed before it (批发业、零售业、住宿业、餐饮业增加值), which are no sales figures.
            while out and _LIST_JOIN.fullmatch(sentence, out[-1].end, m.start):
                m = out.pop()
            continue
        out.append(Mention(m.start, m.end, form, surface_forms()[form]))
    return out


def may_name_indicator(sentence: str) -> bool:
    """Whether `find_mentions` may find a wording in `sentence`: whether one is written in it at all
    (where none is, it finds none), a test far cheaper than finding them."""
    return indicator_finder()[0].holds_any(sentence)


_VALUE_ADDED = "增加值"
_LIST_JOIN = re.compile(r"[、和及与]")


@cache
def _object_taking() -> frozenset[str]:
    return frozenset(cue_words("object_taking"))


def _takes_object(sentence: str, end: int) -> bool:
    """Whether a wording that is also a verb (出口) is followed by its object (出口钢材578.3亿元):
    a noun that does not complete the wording (出口总值, 出口创汇)."""
    after = sentence[end : end + 8]
    if not after or after.startswith(cue_words("wording_completion")):
        return False
    first = pos_cut(after)[0]
    return first.flag.startswith("n") or first.flag == "vn"


def _items(subject: str, offset: int, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Split the subject into list items at separators that are not inside a mention."""
    inside = [(m.start - offset, m.end - offset) for m in mentions]
    cuts = [
        (s.start(), s.end())
        for s in _SEPARATOR.finditer(subject)
        if not any(a <= s.start() < b for a, b in inside)
    ]
    items, pos = [], 0
    for a, b in cuts:
        items.append((pos, a))
        pos = b
    items.append((pos, len(subject)))
    return [(a, b) for a, b in items if b > a]


def share_head(item: str, neighbour: str) -> tuple[str, ...] | None:
    """Codes of an item that borrows its head or stem from a neighbour.

    "文化" + "旅游产业增加值" -> 文化产业增加值; "增加值" after "规上工业产值" -> 规上工业增加值.
    """
    forms = surface_forms()
    for i in range(len(item)):  # longest suffix of the item first ("力争文化" -> "文化")
        stem = item[i:]
        for k in range(1, len(neighbour)):
            if stem + neighbour[k:] in forms:
                return forms[stem + neighbour[k:]]
    for k in range(len(neighbour) - 1, 0, -1):
        if neighbour[:k] + item in forms:
            return forms[neighbour[:k] + item]
    return None


@dataclass(frozen=True, slots=True)
class _Subject:
    """A subject split into list items: each item's span (sentence offsets), text and mentions."""

    sentence: str
    spans: list[tuple[int, int]]
    texts: list[str]
    mentions: list[list[Mention]]
    regions: WordFinder  # the region names of the document's texts (its own districts' stems included)

    @property
    def named(self) -> list[int]:
        """The items that name an indicator."""
        return [i for i, ms in enumerate(self.mentions) if ms]


def slots_for(
    sentence: str, start: int, end: int, mentions: list[Mention], regions: WordFinder | None = None,
    figures: int = 0,
) -> list[Slot]:
    """Slots of the subject sentence[start:end]; empty when it names no indicator. `regions` finds
    the region names of the document's texts (by default those of any text); `figures` is how many
    figures the run holds: as many items as figures keep their places, named or not."""
    inner = _own_mentions(sentence, start, end, mentions)
    if not inner:
        return []
    spans = [(start + a, start + b) for a, b in _items(sentence[start:end], start, inner)]
    subject = _Subject(sentence, spans, [sentence[a:b] for a, b in spans],
                       [[m for m in inner if a <= m.start < b] for a, b in spans], regions or mention_finder())
    placed = figures > 1 and len(spans) == figures
    return _regions_sharing(subject) or [slot for i in range(len(spans)) for slot in _item_slots(subject, i, placed)]


def _own_mentions(sentence: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """The mentions inside sentence[start:end] that are not the owner of a noun after them."""
    inner = []
    for m in mentions[bisect_left(mentions, start, key=lambda m: m.start) :]:
        if m.start >= end:
            break
        if m.end <= end and not _OWNED_AFTER.match(sentence, m.end):
            inner.append(m)
    return inner


def _regions_sharing(subject: _Subject) -> list[Slot]:
    """重庆、四川规模以上工业增加值: items that are regions sharing the one indicator of the last."""
    last_with = subject.named[-1]
    ms = subject.mentions[last_with]
    items_before = subject.texts[:last_with]
    if len(subject.spans) == 1 or len(ms) != 1 or not all(_is_region(t, subject.regions) for t in items_before):
        return []
    m = ms[0]
    own_region = subject.sentence[subject.spans[last_with][0] : m.start]
    if not own_region or not (
        _is_region(own_region, subject.regions) or _leads_with_region(own_region, subject.regions)
    ):
        return []
    regions = [*subject.texts[:last_with], *(subject.sentence[a : m.start] for a, _ in subject.spans[last_with:])]
    return [Slot(code, region, subject.spans[0][0]) for region in regions[: last_with + 1] for code in m.codes]


def _item_slots(subject: _Subject, i: int, placed: bool = False) -> list[Slot]:
    """The slots of list item `i`: the indicator it names, or one it shares with a named neighbour
    ("文化、旅游产业增加值"), or an empty slot for an item that names none after a named one."""
    a = subject.spans[i][0]
    if subject.mentions[i]:
        m = subject.mentions[i][-1]
        return [Slot(code, subject.sentence[a : m.start], a, m.form) for code in m.codes]
    named = subject.named
    texts = subject.texts
    neighbour = next((texts[j] for j in (i + 1, i - 1) if 0 <= j < len(texts) and j in named), None)
    codes = share_head(texts[i], neighbour) if neighbour else None
    if codes is None:
        # A word before the list ("积极发展和…") is no item, unless each item has its figure
        # (建筑业总产值、规上工业增加值分别增长3.2%、8.8%); one after a named item is.
        return [Slot(None, "", a)] if i > named[0] or placed else []
    return [Slot(code, "", a) for code in codes]


def _leads_with_region(text: str, regions: WordFinder) -> bool:
    """A region, then only words that time it or set its goal: 许昌等市也将2023年, 安徽今年提出的,
    斗门三个行政区分别实现."""
    found = regions.search(text)
    return found is not None and found.start == 0 and is_bare(text[found.end :])


def _is_region(text: str, regions: WordFinder) -> bool:
    text = SCOPE_NOTE.sub("", text).strip()
    return bool(text) and bool(regions.fullmatch(text) or _SELF.fullmatch(text))


def earlier_subjects(history: list[list[Slot]], count: int) -> list[Slot]:
    """The subjects a bare 分别 run refers to, in order, or none: the `count` subjects of the
    run just before ("城乡居民收入分别达X元、Y元,分别增长a%、b%"), else the single subjects
    of the `count` runs before it."""
    if history and count > 1 and len(history[-1]) == count:
        return list(history[-1])
    recent = history[-count:]
    if len(recent) < count or any(len(slots) != 1 for slots in recent):
        return []
    return [slots[0] for slots in recent]
