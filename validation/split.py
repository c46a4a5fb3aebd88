"""Run a pandera model over a frame and split it into loadable rows and quarantine rows.

pandera's lazy validation reports every failure at once as `failure_cases`
(one row per failed check and row index); we turn those into quarantine rows
that keep the failed check, the column and the whole offending row as JSON, so
nothing is dropped silently and a user can see why.
"""

from __future__ import annotations

import json

import pandas as pd
import pandera.pandas as pa

from warehouse import frames


class FrameLevelFailure(ValueError):
    """A check failed for the frame as a whole (a missing column, a column of the wrong type), not for rows."""


# The columns the warehouse's quarantine loader reads, led by the document and path each row belongs to.
QUARANTINE_COLUMNS = ["doc_id", "path", *frames.QUARANTINE_COLUMNS]

TELLING_COLUMNS = ("value", "year", "unit", "indicator", "period", "measure", "kind", "raw_end", "quote")

NUMERIC = ("value", "value_high", "value_base", "year", "raw_start", "raw_end",
           "sentence_raw_start", "sentence_raw_end", "doc_n_chars")


def parse_numbers(df: pd.DataFrame) -> pd.DataFrame:
    """Parse numeric columns leniently first, so one bad value fails its row, not the whole batch."""
    out = df.copy()
    for col in NUMERIC:
        if col in out.columns:
            out[col] = pd.to_numeric(out[col], errors="coerce")
    return out


def split_valid(
    model: type[pa.DataFrameModel], df: pd.DataFrame, *, stage: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate `df` with `model`; return (rows that pass, validated and typed; quarantine rows)."""
    if df.empty:
        return df, pd.DataFrame(columns=QUARANTINE_COLUMNS)
    df = parse_numbers(df).reset_index(drop=True)
    try:
        return model.validate(df, lazy=True), pd.DataFrame(columns=QUARANTINE_COLUMNS)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
    row_cases = cases[cases["index"].notna()]
    frame_cases = cases[cases["index"].isna()]
    if not frame_cases.empty:
        # A failure with no row index (a missing column, a wrong dtype for the
        # whole frame) means the extractor broke its contract: fail loudly (the flow
        # then finds the documents it comes from, see validation.batch).
        raise FrameLevelFailure(f"{model.__name__}: frame-level failure: {frame_cases.to_dict('records')}")
    bad_index = sorted({int(i) for i in row_cases["index"]})
    bad_rows = df.loc[bad_index]
    quarantine = _quarantine_rows(bad_rows, row_cases, stage=stage)
    good = df.drop(index=bad_index)
    # Lazy validation reported every failing row of every check, so the rest passed them all
    # (a check of the frame as a whole raised above): they only need the types validation gives.
    return (model.to_schema().coerce_dtype(good) if not good.empty else good), quarantine


def _quarantine_rows(
    bad_rows: pd.DataFrame, cases: pd.DataFrame, *, stage: str
) -> pd.DataFrame:
    records = []
    for idx, group in cases.groupby("index"):
        row = bad_rows.loc[int(idx)]
        doc_id = str(row.get("doc_id", row.get("sha256", ""))) or None
        # A frame-wide check reports every column of the failing row; show the
        # value a reader would look at first.
        by_column = {str(c): v for c, v in zip(group["column"], group["failure_case"], strict=True)}
        shown = next((by_column[c] for c in TELLING_COLUMNS if c in by_column), group.iloc[0]["failure_case"])
        records.append({
            "doc_id": doc_id,
            "path": row.get("path"),  # facts carry none; the flow fills in the document's path
            "stage": stage,
            "check_name": "; ".join(sorted({str(c) for c in group["check"]})),
            "column_name": "; ".join(sorted({str(c) for c in group["column"] if c is not None})),
            "failure_case": str(shown),
            "row_json": json.dumps(_jsonable(row.to_dict()), ensure_ascii=False, default=str),
        })
    return pd.DataFrame.from_records(records, columns=QUARANTINE_COLUMNS)


def _jsonable(row: dict) -> dict:
    return {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in row.items()}
