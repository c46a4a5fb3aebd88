"""Shaping the DataFrames the loader receives into the columns its SQL reads.

Only column-level pandas work happens here (no per-row loops over facts): the SQL casts
every column, so a frame only has to carry the right names.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    import pyarrow as pa

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
FACT_OPTIONAL: tuple[str, ...] = ("value_high", "value_base", "base_unit", "wording", "region_code", "confidence")

QUARANTINE_COLUMNS: tuple[str, ...] = ("stage", "check_name", "column_name", "failure_case", "row_json")
# pandera's `failure_cases` frame names two of these differently; accept it as it comes.
QUARANTINE_ALIASES: dict[str, str] = {"check": "check_name", "column": "column_name"}

INDICATOR_COLUMNS: tuple[str, ...] = ("code", "name_zh", "name_en", "category", "level_unit", "scored", "direction")
REGION_COLUMNS: tuple[str, ...] = ("name", "adcode", "level", "parent_adcode", "parent_name")


def check_facts(facts: pd.DataFrame, doc_id: str) -> None:
    """Raise ValueError unless `facts` carries the fields of Fact and no other document's rows."""
    missing = [column for column in FACT_REQUIRED if column not in facts.columns]
    if missing and len(facts):
        raise ValueError(f"facts frame lacks columns {missing}; it must carry the fields of Fact")
    if "doc_id" in facts.columns and len(facts):
        others = set(facts["doc_id"].dropna().unique()) - {doc_id}
        if others:
            raise ValueError(f"facts frame mixes documents: {sorted(others)[:3]} besides {doc_id}")


def batch_facts(parts: list[tuple[pd.DataFrame, str]]) -> pd.DataFrame:
    """The facts of several documents, given as (facts, doc_id), as one frame with each row's doc_id and every
    column the frames carry. Check each with `check_facts` first."""
    frame = stacked([facts for facts, _ in parts]).copy()
    frame["doc_id"] = _repeated([doc_id for _, doc_id in parts], [len(facts) for facts, _ in parts])
    return frame


def batch_quarantine(parts: list[tuple[pd.DataFrame | None, str, str]]) -> pd.DataFrame:
    """Rejected rows of several documents, given as (rows, doc_id, path the document was read from), as one
    frame with the quarantine columns and each row's doc_id and path."""
    given = [pd.DataFrame() if rows is None else rows.rename(columns=QUARANTINE_ALIASES) for rows, _, _ in parts]
    frame = _with_columns(stacked(given), QUARANTINE_COLUMNS)
    lengths = [len(rows) for rows in given]
    frame["doc_id"] = _repeated([doc_id for _, doc_id, _ in parts], lengths)
    frame["path"] = _repeated([path for _, _, path in parts], lengths)
    return frame


def insert_facts(facts: pd.DataFrame, version_of: dict[str, str | None]) -> pd.DataFrame:
    """A batch's facts (each row with its `doc_id`) with every column the insert reads, each row's
    `extractor_version` from its document, and the other columns it was given (fields of `Fact` the insert does
    not read yet are kept, not dropped)."""
    out = facts.reset_index(drop=True)
    absent = [column for column in (*FACT_REQUIRED, *FACT_OPTIONAL) if column not in out.columns]
    out = out.assign(**dict.fromkeys(absent), extractor_version=out["doc_id"].map(version_of))
    return out


def insert_quarantine(quarantine: pd.DataFrame | None, path_of: dict[str, str]) -> pd.DataFrame:
    """A batch's rejected rows (each with its `doc_id`) with the quarantine columns, each row's path the first its
    document was read from, and `row_json` and `failure_case` as text."""
    given = pd.DataFrame(columns=["doc_id"]) if quarantine is None else quarantine.rename(columns=QUARANTINE_ALIASES)
    frame = _with_columns(given, ("doc_id", *QUARANTINE_COLUMNS))
    frame["row_json"] = frame["row_json"].map(_as_json, na_action="ignore").astype(object)
    frame["failure_case"] = frame["failure_case"].map(str, na_action="ignore").astype(object)
    frame["path"] = frame["doc_id"].map(path_of).astype(object)
    return frame


def arrow(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """`frame` as an Arrow table (its Arrow-backed text columns handed over, not copied); a frame whose values
    Arrow cannot type (a column mixing numbers and text) stays a frame, which DuckDB reads as well.

    On the calling thread: Arrow's thread pool took twice the CPU for a batch's few columns (2.5 against
    1.2 ms for a batch of 500 documents' facts and quarantine rows), off the thread the load is timed on.
    """
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(frame, preserve_index=False, nthreads=1)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return frame


def indicator_frame(indicators: pd.DataFrame) -> pd.DataFrame:
    """The lexicon with its dimension's columns; `code` and `name_zh` are required."""
    _require(indicators, ("code", "name_zh"), "indicators")
    return _with_columns(indicators, INDICATOR_COLUMNS)


def region_frame(regions: pd.DataFrame) -> pd.DataFrame:
    """The region list with its dimension's columns and each region's name in pinyin; `name` is required."""
    from warehouse.geography import readings

    _require(regions, ("name",), "regions")
    frame = _with_columns(regions, REGION_COLUMNS)
    frame["name_pinyin"] = frame["name"].map(readings(frame["name"].dropna()), na_action="ignore").astype(object)
    return frame


def _require(frame: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"{what} frame lacks columns {missing}")


def _with_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """`frame` restricted to `columns`, adding absent ones as nulls DuckDB can cast to anything."""
    present = {column: frame[column] for column in columns if column in frame.columns}
    out = pd.DataFrame({column: present.get(column) for column in columns}, index=frame.index)
    return out.reset_index(drop=True)


def stacked(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The rows of every frame, in order, as one frame (the columns of all of them)."""
    rows = [part for part in parts if len(part)]
    if not rows:
        return parts[0].iloc[0:0] if parts else pd.DataFrame()
    return rows[0] if len(rows) == 1 else pd.concat(rows, ignore_index=True)


def _repeated(values: list[Any], lengths: list[int]) -> np.ndarray:
    """Each value repeated as many times as its frame has rows: a column for the stacked frames."""
    return np.repeat(np.array(values, dtype=object), lengths)


def _as_json(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)
