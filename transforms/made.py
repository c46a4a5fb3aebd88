"""A sequence whose items are made only when they are read: the base of the records' lazy sequences.

A report's sentences (`transforms.records.Sentences`), a document's facts back from a worker
(`transforms.records.FactRows`) and a clean text's raw offsets (`transforms.clean.offsets.OffsetMap`)
are each read a few items at a time, and making every item first cost more than the reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class Made(Sequence[T]):
    """A sequence whose items are made when they are asked for, from what `_item(index)` reads.

    Equal to any sequence of the same items; a slice is a tuple of them.
    """

    __slots__ = ()

    def _item(self, index: int) -> T:
        """The item at `index` (negative from the end), made now."""
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(self._item(i) for i in range(*index.indices(len(self))))
        return self._item(index)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))
