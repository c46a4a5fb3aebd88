"""Finding thousands of fixed words in text in one pass: an Aho-Corasick automaton (pyahocorasick).

The region table has ~6,000 names and the lexicon ~400 wordings. Written as one regex
alternation, Python's engine tries them at every position, which made region and indicator
lookup the extractor's largest cost; an automaton reads each character once.

A `WordFinder` returns what an alternation ordered longest-first would: scanning left to
right, at the first position where any word starts, the longest word that is accepted there,
then on from its end (leftmost-longest, non-overlapping).
"""

from __future__ import annotations

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


class WordFinder:
    """Leftmost-longest matches of a fixed set of words.

    >>> f = WordFinder(["重庆", "重庆市", "万州区", "市"])
    >>> [m.word for m in f.finditer("重庆市万州区的市")]
    ['重庆市', '万州区', '市']
    >>> f.fullmatch("重庆市"), f.fullmatch("重庆市的"), f.sub("重庆市万州区"), f.search("在重庆")
    (True, False, '', Found(start=1, end=3, word='重庆'))
    """

    def __init__(self, words: Iterable[str], accept: dict[str, Accept] | None = None) -> None:
        self._automaton = ahocorasick.Automaton()
        for word in words:
            if word:
                self._automaton.add_word(word, word)
        self._accept = accept or {}
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Found]:
        """The words of text[start:end], leftmost-longest and non-overlapping, in order."""
        stop = len(text) if end is None else min(end, len(text))
        if self._empty or stop <= start:
            return
        if not self._accept:
            for last, word in self._automaton.iter_long(text, start, stop):
                yield Found(last + 1 - len(word), last + 1, word)
            return
        yield from self._checked(text, start, stop)

    def findall(self, text: str, start: int = 0, end: int | None = None) -> list[Found]:
        """The words `finditer` finds, as a list: made at once for a finder without checks, without a
        generator's step for each word (a region finder meets hundreds in a text's first pages)."""
        stop = len(text) if end is None else min(end, len(text))
        if self._accept or self._empty or stop <= start:
            return list(self.finditer(text, start, stop))
        return [Found(last + 1 - len(word), last + 1, word)
                for last, word in self._automaton.iter_long(text, start, stop)]

    def _checked(self, text: str, start: int, stop: int) -> Iterator[Found]:
        """Leftmost-longest with words whose acceptance depends on what follows them."""
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

    def findall(self, text: str, start: int = 0, end: int | None = None) -> list[Found]:
        return list(self.finditer(text, start, end))

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Found]:
        stop = len(text) if end is None else min(end, len(text))
        if stop <= start:
            return
        if self._empty or next(self._automaton.iter(text, start, stop), None) is None:
            yield from self._base.findall(text, start, stop)
            return
        longest: dict[int, str] = {}
        for automaton in (self._base._automaton, self._automaton):
            if len(automaton):
                for last, word in automaton.iter(text, start, stop):
                    begin = last + 1 - len(word)
                    if len(word) > len(longest.get(begin, "")):
                        longest[begin] = word
        pos = start
        for begin in sorted(longest):
            if begin >= pos:
                word = longest[begin]
                yield Found(begin, begin + len(word), word)
                pos = begin + len(word)
