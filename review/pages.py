"""What the pages show, shaped in Python so the templates only print (and escape) it.

A document's text is cut at every fact's raw offsets into segments; each segment knows the raw
offset it starts at (so the browser can turn a selection back into raw offsets) and the facts
that cover it. Figures overlap (a list's quote holds the next item's), so a segment is coloured
by the kind of its innermost fact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

QUEUE_PAGE = 50
FILTERS: tuple[str, ...] = ("region", "indicator", "year", "kind", "doc_id", "confidence", "conflict", "status")
STATUSES: tuple[str, ...] = ("todo", "reviewed", "all")
CONFIDENCES: tuple[str, ...] = ("low", "unrated", "medium", "high")


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the raw text with the same facts over all of it."""

    start: int
    text: str
    facts: tuple[str, ...]  # fact_ids, innermost first
    kind: str | None  # the innermost fact's kind
    state: str  # the innermost fact's: "", "reviewed", "edited" or "rejected"


def state(fact: Mapping[str, Any]) -> str:
    """How a fact shows: rejected, edited (corrected or added), reviewed (accepted) or not reviewed ("")."""
    review = fact.get("review")
    if review == "reject":
        return "rejected"
    if review in ("edit", "add") or fact.get("is_added") or fact.get("review_changed"):
        return "edited"
    return "reviewed" if fact.get("reviewed") else ""


def segments(text: str, facts: list[dict[str, Any]]) -> list[Segment]:
    """`text` cut at every fact's offsets, each piece with the facts covering it.

    >>> [(s.start, s.text, s.facts) for s in segments("增长6%和7%", [
    ...     {"fact_id": "a", "raw_start": 0, "raw_end": 4, "kind": "actual"},
    ...     {"fact_id": "b", "raw_start": 2, "raw_end": 4, "kind": "target"}])]
    [(0, '增长', ('a',)), (2, '6%', ('b', 'a')), (4, '和7%', ())]
    """
    spans = [f for f in facts if 0 <= f["raw_start"] < f["raw_end"] <= len(text)]
    bounds = sorted({0, len(text), *(f["raw_start"] for f in spans), *(f["raw_end"] for f in spans)})
    ordered = sorted(spans, key=lambda f: f["raw_start"])
    out: list[Segment] = []
    active: list[dict[str, Any]] = []
    i = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        while i < len(ordered) and ordered[i]["raw_start"] <= start:
            active.append(ordered[i])
            i += 1
        active = [f for f in active if f["raw_end"] > start]
        covering = sorted(active, key=lambda f: (f["raw_end"] - f["raw_start"], f["fact_id"]))
        inner = covering[0] if covering else None
        out.append(Segment(start, text[start:end], tuple(f["fact_id"] for f in covering),
                           inner["kind"] if inner else None, state(inner) if inner else ""))
    return out


def queue_filters(params: Mapping[str, str]) -> dict[str, Any]:
    """The queue's filters from the query string, typed; anything unknown or malformed is "any".

    >>> queue_filters({"year": "2023", "kind": "bogus", "conflict": "1"})["year"]
    2023
    """
    given = {name: (params.get(name) or "").strip() for name in FILTERS}
    year = given["year"]
    return {
        "region": given["region"] or None,
        "indicator": given["indicator"] or None,
        "year": int(year) if year.isdigit() and len(year) == 4 else None,
        "kind": given["kind"] if given["kind"] in ("actual", "target", "forecast") else None,
        "doc_id": given["doc_id"] if _is_sha256(given["doc_id"]) else None,
        "confidence": given["confidence"] if given["confidence"] in CONFIDENCES else None,
        "conflict": given["conflict"] in ("1", "true", "on"),
        "status": given["status"] if given["status"] in STATUSES else "todo",
    }


def queue_page(params: Mapping[str, str]) -> int:
    """The page asked for, from 0."""
    page = (params.get("page") or "").strip()
    return min(int(page), 10_000) if page.isdigit() else 0


def _is_sha256(text: str) -> bool:
    """Whether `text` is a document key; a page is found by it in the warehouse, never on disk.

    >>> _is_sha256("../../etc/passwd"), _is_sha256("a" * 64)
    (False, True)
    """
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


def is_document_key(text: str) -> bool:
    return _is_sha256(text)


def vocabulary_lists(rows: list[dict[str, Any]]) -> dict[str, list[tuple[str, str, str]]]:
    """`q_review_vocabulary`'s rows as lists by name: [(key, label, extra)]."""
    lists: dict[str, list[tuple[str, str, str]]] = {}
    for row in rows:
        lists.setdefault(row["list"], []).append((row["key"], row["label"], row["extra"] or ""))
    return lists


def plain(fact: Mapping[str, Any]) -> dict[str, Any]:
    """A fact row as the page's script reads it (JSON: numbers as numbers, no dates)."""
    keep = ("fact_id", "doc", "doc_id", "region", "region_key", "year", "period", "indicator", "indicator_name_zh",
            "measure", "kind", "value", "value_high", "unit", "qualifier", "quote", "raw_start", "raw_end",
            "confidence", "review", "review_note", "extracted_value", "review_changed", "is_added", "in_conflict")
    out = {key: fact.get(key) for key in keep if key in fact}
    out["state"] = state(fact)
    return out
