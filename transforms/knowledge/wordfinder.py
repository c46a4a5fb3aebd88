"""Finding thousands of fixed words in text in one pass: an Aho-Corasick automaton (pyahocorasick).

The region table has ~6,000 names and the lexicon ~400 wordings. Written as one regex
alternation, Python's engine tries them at every position, which made region and indicator
lookup the extractor's largest cost; an automaton reads each character once.

A `WordFinder` returns what an alternation ordered longest-first would: scanning left to
right, at the first position where any word starts, the longest word that is accepted there,
then on from its end (leftmost-longest, non-overlapping).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import ahocorasick

#: A check on the text after a word: (word, text, end) -> whether the word counts there.
Accept = Callable[[str, str, int], bool]


class Found(NamedTuple):
    """A word found (a named tuple: made for every match, several times cheaper than a frozen dataclass)."""

    start: int
    end: int
    word: str


#: A finder whose words start with more distinct characters than this reads text as UTF-8 (`_Automaton`).
_WIDE_ROOT = 256


class _Automaton:
    """pyahocorasick's automaton of the words: `iter` reports each match as (its last character, the
    word), in characters of the text, in the order of their ends.

    pyahocorasick finds a node's child by reading the node's children one by one, and the root of
    the region names has nearly a thousand (their first characters): every character of a text that
    starts no name cost a thousand comparisons, which made region lookup the largest cost of the
    facts stage. Words of many first characters are therefore stored and read as UTF-8 bytes (each
    byte a character of a Latin-1 string), where a node has the few lead bytes of the root or at
    most 64 continuation bytes: five times faster on the region names, no faster on the ~500
    indicator wordings. UTF-8 synchronises itself: a word's bytes match only where a character of
    the text starts and ends, so the matches are those of the characters.
    """

    def __init__(self, words: list[str]) -> None:
        self._bytes = len({word[0] for word in words}) > _WIDE_ROOT
        self._automaton = ahocorasick.Automaton()
        for word in words:
            self._automaton.add_word(_utf8(word) if self._bytes else word, word)
        if words:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._automaton)

    def iter(self, text: str, start: int, stop: int) -> Iterator[tuple[int, str]]:
        if not self._bytes:
            return self._automaton.iter(text, start, stop)
        return self._iter_bytes(text, start, stop)

    def _iter_bytes(self, text: str, start: int, stop: int) -> Iterator[tuple[int, str]]:
        data = text[start:stop].encode("utf-8", "surrogatepass")
        if len(data) == stop - start:  # one byte a character: byte offsets are character offsets
            for last, word in self._automaton.iter(data.decode("latin-1")):
                yield start + last, word
            return
        read = chars = 0  # the bytes counted so far and their characters
        for last, word in self._automaton.iter(data.decode("latin-1")):
            chars += len(data[read : last + 1].decode("utf-8", "surrogatepass"))
            read = last + 1
            yield start + chars - 1, word


def _utf8(word: str) -> str:
    """`word`'s UTF-8 bytes as a Latin-1 string, each byte one character."""
    return word.encode("utf-8", "surrogatepass").decode("latin-1")


class WordFinder:
    """Leftmost-longest matches of a fixed set of words.

    >>> f = WordFinder(["重庆", "重庆市", "万州区", "市"])
    >>> [m.word for m in f.finditer("重庆市万州区的市")]
    ['重庆市', '万州区', '市']
    >>> f.fullmatch("重庆市"), f.fullmatch("重庆市的"), f.sub("重庆市万州区"), f.search("在重庆")
    (True, False, '', Found(start=1, end=3, word='重庆'))
    """

    def __init__(self, words: Iterable[str], accept: dict[str, Accept] | None = None) -> None:
        kept = list(dict.fromkeys(word for word in words if word))
        self._automaton = _Automaton(kept)
        self._reach = max(map(len, kept), default=1) - 1  # how far a word's last character lies from its first
        self._accept = accept or {}
        self._empty = not kept

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Found]:
        """The words of text[start:end], leftmost-longest and non-overlapping, in order.

        Leftmost-longest among every match the automaton reports (`_checked`, `_unchecked`); not
        pyahocorasick's `iter_long`, which misses a short word inside a longer one's prefix that does
        not match (words c and aca in "ac", 知识产权 and 国家知识产权局 in "国家知识产权": no match;
        pyahocorasick issue #133; the fix proposed in its pull request #224 is not in 2.3.1).
        """
        stop = len(text) if end is None else min(end, len(text))
        if self._empty or stop <= start:
            return iter(())
        return self._checked(text, start, stop) if self._accept else self._unchecked(text, start, stop)

    def holds_any(self, text: str) -> bool:
        """Whether any of the words is written in `text`, before any check on what follows it: where
        it holds none, `finditer` finds none. The automaton stops at the first word."""
        return not self._empty and next(self._automaton.iter(text, 0, len(text)), None) is not None

    def findall(self, text: str, start: int = 0, end: int | None = None) -> list[Found]:
        """The words `finditer` finds, as a list."""
        return list(self.finditer(text, start, end))

    def _checked(self, text: str, start: int, stop: int) -> Iterator[Found]:
        """Leftmost-longest for a finder with checks: words with a check only where it accepts them."""
        at: dict[int, list[str]] = {}
        for last, word in self._automaton.iter(text, start, stop):
            at.setdefault(last + 1 - len(word), []).append(word)
        pos = start
        for begin in sorted(at):
            if begin < pos:
                continue
            for word in sorted(at[begin], key=len, reverse=True):
                check = self._accept.get(word)
                if check is None or check(word, text, begin + len(word)):
                    yield Found(begin, begin + len(word), word)
                    pos = begin + len(word)
                    break

    def _unchecked(self, text: str, start: int, stop: int) -> Iterator[Found]:
        """Leftmost-longest for a finder without checks, as lazily as the automaton: the automaton reports
        matches by their end, so once it has passed `_reach` characters beyond a start, the longest word
        from that start is known and is given at once (`search` stops at the first word, as it did)."""
        longest: dict[int, str] = {}
        starts: list[int] = []
        pos = start
        for last, word in self._automaton.iter(text, start, stop):
            begin = last + 1 - len(word)
            if begin not in longest:
                heapq.heappush(starts, begin)
                longest[begin] = word
            elif len(word) > len(longest[begin]):
                longest[begin] = word
            # Every word from such a start ended before `last`; this match's own start is never one, so
            # `starts` never runs empty here.
            while starts[0] < last - self._reach:
                begin = heapq.heappop(starts)
                word = longest.pop(begin)
                if begin >= pos:
                    pos = begin + len(word)
                    yield Found(begin, pos, word)
        yield from _leftmost(longest, sorted(starts), pos)

    def with_words(self, extra: Iterable[str]) -> WordFinder:
        """This finder and the `extra` words: what ``WordFinder([*words, *extra])`` finds, without
        building this finder's automaton again for each small set of extra words (a document's own
        county stems beside the ~4,000 region names took 3 ms a document)."""
        if self._accept:
            raise ValueError("with_words is for finders without checks on what follows a word")
        return _WithWords(self, extra)

    def search(self, text: str, start: int = 0, end: int | None = None) -> Found | None:
        return next(self.finditer(text, start, end), None)

    def fullmatch(self, text: str) -> bool:
        found = self.search(text)
        return found is not None and found.start == 0 and found.end == len(text)

    def sub(self, text: str, repl: str = "") -> str:
        """`text` with every word replaced by `repl`."""
        out, pos = [], 0
        for m in self.finditer(text):
            out.append(text[pos : m.start])
            out.append(repl)
            pos = m.end
        out.append(text[pos:])
        return "".join(out)


class _WithWords(WordFinder):
    """A finder and a few extra words. A text without any of the extra words has the finder's own
    matches; a text with one has the leftmost-longest matches of both sets, read from every
    occurrence of either's words."""

    def __init__(self, base: WordFinder, extra: Iterable[str]) -> None:
        super().__init__(extra)
        self._base = base

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Found]:
        stop = len(text) if end is None else min(end, len(text))
        if stop <= start:
            return
        if self._empty or next(self._automaton.iter(text, start, stop), None) is None:
            yield from self._base.finditer(text, start, stop)
            return
        longest: dict[int, str] = {}
        for automaton in (self._base._automaton, self._automaton):
            if len(automaton):
                for last, word in automaton.iter(text, start, stop):
                    begin = last + 1 - len(word)
                    if len(word) > len(longest.get(begin, "")):
                        longest[begin] = word
        yield from _leftmost(longest, sorted(longest), start)


def _leftmost(longest: dict[int, str], begins: Iterable[int], pos: int) -> Iterator[Found]:
    """The longest word at each start of `begins` (in order) that lies at or after `pos` and after the word
    given before it: leftmost-longest, non-overlapping."""
    for begin in begins:
        if begin >= pos:
            word = longest[begin]
            pos = begin + len(word)
            yield Found(begin, pos, word)
