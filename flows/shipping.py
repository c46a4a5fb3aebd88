"""How a processed document travels back from an extraction worker to the flow: registered, on import, with the
pickler multiprocessing sends through (pebble's pool uses it); `flows.isolation` imports it in both processes."""

from __future__ import annotations

from multiprocessing.reduction import ForkingPickler

from transforms.records import DecodedText, FactRows, Processed, SourceFile


def _shipped(doc: Processed) -> tuple:
    """How a processed document travels back from a worker: its facts as tuples of their fields' values, its text
    as UTF-8 bytes.

    Unpickled as it is, each fact (17 a document on average) asks `dataclasses.fields` for its fields
    to set them; rebuilt from a tuple, it does not. The benchmark's 1,000 documents unpickle in 0.11 s
    instead of 0.17 and pickle in 0.07 instead of 0.14, and the flow process, which unpickles every
    document, spent about 0.08 s less CPU on a cold run of them. There they stay rows (`FactRows`),
    which validation reads as they are. The text stays bytes too (`ShippedText`): the flow only counts
    it and stores it, and DuckDB takes it as UTF-8, so decoding it (0.06 s for those documents) and
    encoding it again for Arrow (0.05 s) bought nothing. Registered with the pickler multiprocessing
    sends through (pebble's pool uses it).
    """
    decoded = doc.decoded
    text = ShippedText(decoded.loadable if isinstance(decoded, ShippedText) else _utf8(decoded.text),
                       decoded.n_chars, decoded.encoding, decoded.source_format)
    return _received, (doc.source, text, doc.clean, doc.meta, FactRows.of(doc.facts).rows, doc.warnings)


def _received(source: SourceFile, decoded: ShippedText, clean: object, meta: object, facts: tuple[tuple, ...],
              warnings: list) -> Processed:
    """The document `_shipped` sent, its facts as the rows they came in (`FactRows`)."""
    return Processed(source=source, decoded=decoded, clean=clean, meta=meta,  # type: ignore[arg-type]
                     facts=FactRows(facts), warnings=warnings)


def _utf8(text: str) -> bytes:
    # As pickle sends a str: a lone surrogate (never from a decoder) travels, and fails where it is loaded.
    return text.encode("utf-8", "surrogatepass")


class ShippedText:
    """A worker's `DecodedText` as the flow receives it: the text as the UTF-8 bytes it came in (`loadable`, what
    the loader stores), decoded only when read (`text`)."""

    __slots__ = ("_utf8", "encoding", "n_chars", "source_format")

    def __init__(self, utf8: bytes, n_chars: int, encoding: str, source_format: str) -> None:
        self._utf8, self.n_chars, self.encoding, self.source_format = utf8, n_chars, encoding, source_format

    @property
    def text(self) -> str:
        return self._utf8.decode("utf-8", "surrogatepass")

    @property
    def loadable(self) -> bytes:
        return self._utf8

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ShippedText | DecodedText):
            return NotImplemented
        return (self.text, self.encoding, self.source_format) == (other.text, other.encoding, other.source_format)

    def __hash__(self) -> int:
        return hash((self.text, self.encoding, self.source_format))

    def __reduce__(self) -> tuple:
        return ShippedText, (self._utf8, self.n_chars, self.encoding, self.source_format)


ForkingPickler.register(Processed, _shipped)
