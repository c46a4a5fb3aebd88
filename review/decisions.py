"""A reviewer's decision, made into the row `review_decision` keeps (warehouse/migrations/030_review_decision.sql).

A decision names its figure by the document's sha256 and the quote's raw span (and, where one
span carries several figures, the indicator it had), so it outlives every reload. It holds the
whole fact as decided, and `changed` names the fields that differ from the extraction: while the
extractor yields the figure, the views take those fields from the decision and the rest from the
extraction (an extractor upgrade that fixes the unit keeps the reviewer's year); once it no
longer does, the decision stands alone as an added fact, which is why it must be whole.
"""

from __future__ import annotations

import hashlib
import math
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, get_args

from schemas.documents import FIRST_YEAR, LAST_TARGET_YEAR
from transforms.knowledge import lexicon
from transforms.records import Kind, Measure, Qualifier

FIELDS: tuple[str, ...] = ("region", "year", "period", "indicator", "measure", "kind", "value", "value_high", "unit",
                           "qualifier")
ACTIONS: tuple[str, ...] = ("accept", "reject", "edit", "add")
MEASURES: tuple[str, ...] = get_args(Measure)
KINDS: tuple[str, ...] = get_args(Kind)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
# Where a sentence ends, for the sentence of an added figure (the extractor's own sentences are
# in clean-text terms; a reviewer's selection is in the raw text).
SENTENCE_ENDS = frozenset("。！？!?\n")
MAX_NOTE = 2000


class DecisionError(ValueError):
    """A decision that cannot be taken, said in one sentence (or several, one per bad field)."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What a field may hold: the dimensions' codes (from the warehouse) and the unit table."""

    indicators: dict[str, str]  # code -> Chinese name
    periods: dict[str, str]  # period -> Chinese label
    regions: dict[str, tuple[str, str | None]]  # region_key -> (name, adcode)
    names: dict[str, list[str]] = field(default_factory=dict)  # name -> its region keys

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> Vocabulary:
        """From `q_review_vocabulary`'s (list, key, label, extra) rows."""
        indicators = {r["key"]: r["label"] for r in rows if r["list"] == "indicator"}
        periods = {r["key"]: r["label"] for r in rows if r["list"] == "period"}
        regions: dict[str, tuple[str, str | None]] = {}
        names: dict[str, list[str]] = {}
        for r in rows:
            if r["list"] == "region":
                key, name = r["key"], r["label"]
                regions[key] = (name, key if key.isdigit() else None)
                names.setdefault(name, []).append(key)
        return cls(indicators, periods, regions, names)

    @property
    def units(self) -> list[str]:
        return sorted(lexicon.units())


def parse_fields(given: Mapping[str, Any], vocab: Vocabulary) -> dict[str, Any]:
    """The ten fields of a fact, each checked against its list and typed; raises DecisionError naming every bad one."""
    out: dict[str, Any] = {}
    errors: list[str] = []
    for name in FIELDS:
        try:
            out.update(_parse(name, _text(given.get(name)), vocab))
        except DecisionError as exc:
            errors.append(str(exc))
    if not errors and out["value_high"] is not None and out["value_high"] < out["value"]:
        errors.append(f"value_high {out['value_high']:g} is below value {out['value']:g}")
    if errors:
        raise DecisionError("; ".join(errors))
    unit = lexicon.units()[out["unit"]]
    out["value_base"] = out["value"] * unit.factor
    out["base_unit"] = unit.base_unit
    return out


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _parse(name: str, text: str, vocab: Vocabulary) -> dict[str, Any]:
    """One field: {name: value} (the region brings its key and code)."""
    if name == "value_high" and text == "":
        return {"value_high": None}
    if text == "":
        raise DecisionError(f"{name} is empty")
    if name == "region":
        key = _region_key(text, vocab)
        region, adcode = vocab.regions[key]
        return {"region": region, "region_key": key, "region_code": adcode}
    if name == "year":
        year = _number(name, text)
        if year != int(year) or not FIRST_YEAR <= year <= LAST_TARGET_YEAR:
            raise DecisionError(f"year {text!r} is not a year from {FIRST_YEAR} to {LAST_TARGET_YEAR}")
        return {"year": int(year)}
    if name in ("value", "value_high"):
        return {name: _number(name, text)}
    allowed: Mapping[str, Any] | tuple[str, ...] = {
        "period": vocab.periods, "indicator": vocab.indicators, "measure": MEASURES, "kind": KINDS,
        "unit": tuple(vocab.units), "qualifier": QUALIFIERS,
    }[name]
    if text not in allowed:
        raise DecisionError(f"{name} {text!r} is not one of the {name}s gwr knows")
    return {name: text}


def _number(name: str, text: str) -> float:
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise DecisionError(f"{name} {text!r} is not a number") from None
    if not math.isfinite(number):
        raise DecisionError(f"{name} {text!r} is not a finite number")
    return number


def _region_key(text: str, vocab: Vocabulary) -> str:
    """A region given by its key (code, or name for a region without one) or by a name only one region has."""
    if text in vocab.regions:
        return text
    keys = vocab.names.get(text, [])
    if len(keys) == 1:
        return keys[0]
    if keys:
        raise DecisionError(f"region {text!r} names {len(keys)} regions: give its code ({', '.join(sorted(keys))})")
    raise DecisionError(f"region {text!r} is not a region of dim_region")


def changed_fields(fields: Mapping[str, Any], extracted: Mapping[str, Any] | None) -> list[str]:
    """The fields that differ from the extraction (all of them when there is none).

    >>> changed_fields({"year": 2024, "value": 6.9}, {"year": 2023, "value": 6.9})
    ['year']
    """
    if extracted is None:
        return [name for name in FIELDS if name in fields]
    return [name for name in FIELDS if name in fields and not _same(fields[name], extracted.get(name))]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)
    return a == b


def decide(figure: Mapping[str, Any], action: str, fields: Mapping[str, Any] | None, note: str,
           who: tuple[str, str]) -> dict[str, Any]:
    """The `review_decision` row of `action` on a fact as `q_review_figure` reads it; `who` is (reviewer, via).

    An accept keeps the fact as it stands (a correction made before stays); an edit must change
    something; a reject carries no fields.
    """
    if action not in ("accept", "reject", "edit"):
        raise DecisionError(f"{action!r} is not a decision on a fact: accept, reject or edit")
    current = {name: figure[name] for name in (*FIELDS, "region_key", "region_code")}
    extracted = None if figure["is_added"] else {name: figure[f"extracted_{name}"] for name in FIELDS}
    if action == "edit":
        if fields is None:
            raise DecisionError("an edit needs the fields of the fact")
        if not changed_fields(fields, current):
            raise DecisionError("the edit changes nothing")
        current = {**current, **fields}
    if action != "reject":
        unit = lexicon.units().get(current["unit"])
        current["value_base"] = current["value"] * unit.factor if unit else None
        current["base_unit"] = unit.base_unit if unit else None
    changed = changed_fields(current, extracted) if action != "reject" else []
    return _row(figure, action, None if action == "reject" else current, changed, note, who)


def add(document: Mapping[str, Any], span: tuple[int, int], fields: Mapping[str, Any], note: str,
        who: tuple[str, str]) -> dict[str, Any]:
    """The `review_decision` row adding a missed figure at `span` (raw offsets) of `document` (`q_review_document`)."""
    text: str = document["raw_text"]
    start, end = span
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        raise DecisionError(f"the selection {start}..{end} is not a stretch of the document's text")
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    digest = hashlib.sha256(f"review-add|{document['doc_id']}|{start}|{end}|{fields['indicator']}".encode())
    figure = {"figure_id": digest.hexdigest(), "figure_indicator": fields["indicator"], "doc_id": document["doc_id"],
              "raw_start": start, "raw_end": end, "quote": text[start:end],
              "sentence": text[sentence_start:sentence_end].strip(), "sentence_raw_start": sentence_start,
              "sentence_raw_end": sentence_end}
    return _row(figure, "add", fields, changed_fields(fields, None), note, who)


FIGURE_KEY: tuple[str, ...] = ("region_key", "year", "period", "indicator", "measure", "kind")


def check_consistent(row: Mapping[str, Any], facts: list[dict[str, Any]], own: str | None = None) -> None:
    """Refuse a decision that would make its document give one figure two values.

    Validation quarantines such a pair when the extractor yields it, and v_conflicts takes a
    document to give one value per figure; a correction must not bring the pair back. `facts`
    are the document's facts as reviewed; `own` is the fact the decision is on.
    """
    if row["action"] == "reject":
        return
    for other in facts:
        if other["fact_id"] == own or other.get("review") == "reject":
            continue
        if all(other.get(k) == row[k] for k in FIGURE_KEY) and not _same(other["value"], row["value"]):
            raise DecisionError(f"the document already gives this figure as {other['value']:g} {other['unit']} "
                                f"({other['quote']}): correct or reject that fact first")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The raw offsets of the sentence around `text[start:end]`: from past the previous end mark to past the next.

    >>> sentence_bounds("去年增长5%。今年增长6%左右。", 10, 12)
    (7, 16)
    """
    left = max((i for i in range(start - 1, -1, -1) if text[i] in SENTENCE_ENDS), default=-1) + 1
    right = next((i + 1 for i in range(max(end - 1, start), len(text)) if text[i] in SENTENCE_ENDS), len(text))
    return left, max(right, end)


def _row(figure: Mapping[str, Any], action: str, fields: Mapping[str, Any] | None, changed: list[str], note: str,
         who: tuple[str, str]) -> dict[str, Any]:
    if len(note) > MAX_NOTE:
        raise DecisionError(f"the note is longer than {MAX_NOTE} characters")
    reviewer, via = who
    row = {name: figure[name] for name in ("figure_id", "figure_indicator", "doc_id", "raw_start", "raw_end", "quote",
                                           "sentence", "sentence_raw_start", "sentence_raw_end")}
    values = fields or {}
    for name in (*FIELDS, "region_key", "region_code", "value_base", "base_unit"):
        row[name] = values.get(name)
    return {**row, "decision_id": uuid.uuid4().hex, "action": action, "changed": ",".join(changed),
            "note": note.strip() or None, "reviewer": reviewer, "via": via}
