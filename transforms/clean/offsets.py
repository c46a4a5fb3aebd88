"""The map from clean characters back to raw offsets, kept as runs of consecutive offsets.

Cleaning keeps most characters and drops or merges a few (an entity, a doubled space, a page's
furniture), so the raw offsets of a clean text are long runs that rise by one. A list of one
offset per character held millions of integers for the corpus and cost the clean stage more to
build, slice and copy than anything it read; runs hold a few per line.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from transforms.made import Made


class OffsetMap(Made[int]):
    """An immutable sequence of raw offsets: run `k` gives clean characters ``starts[k]`` on the
    raw offsets ``raws[k]``, ``raws[k] + 1``, … up to the next run. Runs that continue each other
    are one run, so two maps of the same offsets are equal.

    >>> m = OffsetMap.of([0, 1, 2, 7, 8, 2])
    >>> list(m), m[3], m[-1], m[1:4], len(m), m._starts
    ([0, 1, 2, 7, 8, 2], 7, 2, (1, 2, 7), 6, (0, 3, 5))
    """

    __slots__ = ("_length", "_raws", "_starts")

    def __init__(self, starts: tuple[int, ...], raws: tuple[int, ...], length: int) -> None:
        self._starts, self._raws, self._length = starts, raws, length

    @classmethod
    def of(cls, offsets: Iterable[int]) -> OffsetMap:
        runs = Runs()
        for raw in offsets:
            runs.add(raw, 1)
        return runs.map()

    def __len__(self) -> int:
        return self._length

    def _item(self, index: int) -> int:
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        run = bisect_right(self._starts, index) - 1
        return self._raws[run] + index - self._starts[run]

    def __iter__(self) -> Iterator[int]:
        ends = (*self._starts[1:], self._length) if self._starts else ()
        for start, raw, end in zip(self._starts, self._raws, ends, strict=True):
            yield from range(raw, raw + end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return (self._length, self._starts, self._raws) == (other._length, other._starts, other._raws)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._length, self._starts, self._raws))

    def __repr__(self) -> str:
        return f"OffsetMap({len(self._starts)} runs, {self._length} offsets)"

    def select(self, spans: Iterable[tuple[int, int]]) -> OffsetMap:
        """The offsets of the clean spans [a, b), one after another (a span may repeat the end of
        the one before it: a kept line's break takes its last character's offset).

        >>> list(OffsetMap.of([0, 1, 2, 7, 8]).select([(1, 4), (3, 4), (4, 5)]))
        [1, 2, 7, 7, 8]
        """
        out_starts: list[int] = []
        out_raws: list[int] = []
        size = 0  # offsets given so far
        follows = -1  # the raw offset that would continue the last run
        starts, raws = self._starts, self._raws
        ends = (*starts[1:], self._length)
        for a, b in spans:
            run = bisect_right(starts, a) - 1
            while a < b:
                end = ends[run] if ends[run] < b else b
                raw = raws[run] + a - starts[run]
                if raw != follows:
                    out_starts.append(size)
                    out_raws.append(raw)
                size += end - a
                follows = raw + end - a
                a, run = end, run + 1
        return OffsetMap(tuple(out_starts), tuple(out_raws), size)

    def then(self, raw: int) -> OffsetMap:
        """These offsets and one more, `raw`, after them."""
        runs = Runs()
        runs._starts, runs._raws, runs._length = list(self._starts), list(self._raws), self._length
        runs.add(raw, 1)
        return runs.map()


class Runs:
    """A map being built: runs of offsets added in clean order."""

    __slots__ = ("_length", "_raws", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._raws: list[int] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def add(self, raw: int, count: int) -> None:
        """`count` clean characters on the raw offsets raw, raw + 1, …"""
        if count <= 0:
            return
        if not self._starts or raw != self._raws[-1] + self._length - self._starts[-1]:
            self._starts.append(self._length)
            self._raws.append(raw)
        self._length += count

    def map(self) -> OffsetMap:
        return OffsetMap(tuple(self._starts), tuple(self._raws), self._length)
