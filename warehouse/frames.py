"""Shaping the DataFrames the loader receives into the columns its SQL reads.

Only column-level pandas work happens here (no per-row loops over facts): the SQL casts
every column, so a frame only has to carry the right names.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

FACT_REQUIRED: tuple[str, ...] = (
    "region",
    "year",
    "period",
    "indicator",
    "measure",
    "kind",
    "value",
    "unit",
    "qualifier",
    "quote",
    "raw_start",
    "raw_end",
    "sentence",
    "sentence_raw_start",
    "sentence_raw_end",
)
FACT_OPTIONAL: tuple[str, ...] = ("value_high", "value_base", "base_unit", "wording", "region_code")

QUARANTINE_COLUMNS: tuple[str, ...] = ("stage", "check_name", "column_name", "failure_case", "row_json")
# pandera's `failure_cases` frame names two of these differently; accept it as it comes.
QUARANTINE_ALIASES: dict[str, str] = {"check": "check_name", "column": "column_name"}

INDICATOR_COLUMNS: tuple[str, ...] = ("code", "name_zh", "name_en", "category", "level_unit", "scored", "direction")
REGION_COLUMNS: tuple[str, ...] = ("name", "adcode", "level", "parent_adcode", "parent_name")


def fact_frame(facts: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    """The facts of one document with every column the insert reads; raises on a wrong frame."""
    missing = [column for column in FACT_REQUIRED if column not in facts.columns]
    if missing and len(facts):
        raise ValueError(f"facts frame lacks columns {missing}; it must carry the fields of Fact")
    if "doc_id" in facts.columns and len(facts):
        others = set(facts["doc_id"].dropna().unique()) - {doc_id}
        if others:
            raise ValueError(f"facts frame mixes documents: {sorted(others)[:3]} besides {doc_id}")
    return _with_columns(facts, (*FACT_REQUIRED, *FACT_OPTIONAL))


def quarantine_frame(quarantine: pd.DataFrame | None) -> pd.DataFrame:
    """Rejected rows with the quarantine columns; `row_json` values become JSON text."""
    frame = pd.DataFrame() if quarantine is None else quarantine.rename(columns=QUARANTINE_ALIASES)
    frame = _with_columns(frame, QUARANTINE_COLUMNS)
    frame["row_json"] = frame["row_json"].map(_as_json, na_action="ignore").astype(object)
    frame["failure_case"] = frame["failure_case"].map(str, na_action="ignore").astype(object)
    return frame


def indicator_frame(indicators: pd.DataFrame) -> pd.DataFrame:
    """The lexicon with its dimension's columns; `code` and `name_zh` are required."""
    _require(indicators, ("code", "name_zh"), "indicators")
    return _with_columns(indicators, INDICATOR_COLUMNS)


def region_frame(regions: pd.DataFrame) -> pd.DataFrame:
    """The region list with its dimension's columns; `name` is required."""
    _require(regions, ("name",), "regions")
    return _with_columns(regions, REGION_COLUMNS)


def _require(frame: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"{what} frame lacks columns {missing}")


def _with_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """`frame` restricted to `columns`, adding absent ones as nulls DuckDB can cast to anything."""
    out = pd.DataFrame(index=frame.index)
    for column in columns:
        out[column] = frame[column] if column in frame.columns else pd.Series(None, index=frame.index, dtype=object)
    return out.reset_index(drop=True)


def _as_json(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)
