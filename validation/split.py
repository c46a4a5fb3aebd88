"""Run a pandera model over a frame and split it into loadable rows and quarantine rows.

pandera's lazy validation reports every failure at once as `failure_cases`
(one row per failed check and row index); we turn those into quarantine rows
that keep the failed check, the column and the whole offending row as JSON, so
nothing is dropped silently and a user can see why.
"""

from __future__ import annotations

import functools
import json
import sys
import types

import pandas as pd


def _pandas_only() -> None:
    """Tell pandera that Dask is not there, before it builds its first schema.

    pandera learns Dask's Series and Index types, to accept them in model annotations, by
    importing `dask.dataframe` when it builds its first model schema: 0.4 s of CPU in every run
    that validates, because Dask is installed (for `gwr run --dask`, whose workers extract and
    never validate). gwr validates pandas frames only; a process that imported pandera's Dask
    types already keeps them.
    """
    if "pandera.typing.dask" not in sys.modules:
        stub = types.ModuleType("pandera.typing.dask", "gwr validates pandas frames only (validation/split.py)")
        stub.DASK_INSTALLED = False  # type: ignore[attr-defined]
        sys.modules["pandera.typing.dask"] = stub


_pandas_only()

import pandera.pandas as pa  # noqa: E402  (after the stub above)

from warehouse import frames  # noqa: E402


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
    model: type[pa.DataFrameModel], df: pd.DataFrame, *, stage: str,
    earlier: tuple[type[pa.DataFrameModel], str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate `df` with `model`; return (rows that pass, validated and typed; quarantine rows).

    One pandera call for the whole frame. With `earlier` = (a model `model` extends, its stage), a
    row that fails a check of the earlier model is quarantined as that stage would have
    quarantined it, with only those checks (as validating with the earlier model first, and
    with `model` only what passed, would): one call does the work of two.
    """
    if df.empty:
        return df, pd.DataFrame(columns=QUARANTINE_COLUMNS)
    df = parse_numbers(df).reset_index(drop=True)
    try:
        # inplace: `df` is ours (parse_numbers copied it), and what pandera coerces stays coerced if a check fails.
        return model.validate(df, lazy=True, inplace=True), pd.DataFrame(columns=QUARANTINE_COLUMNS)
    except pa.errors.SchemaErrors as err:
        cases = _row_cases(model, err)
    failed = _failures_by_row(cases, None if earlier is None else _checks_of(earlier[0], model))
    stages = {index: (earlier[1] if earlier is not None and first else stage) for index, (first, _) in failed.items()}
    bad_index = sorted(failed, key=lambda index: (stages[index] == stage, index))  # the earlier stage's rows first
    quarantine = _quarantine_rows(df.loc[bad_index], {i: failed[i][1] for i in bad_index}, stages)
    good = df.drop(index=bad_index)
    # Lazy validation reported every failing row of every check, so the rest passed them all
    # (a check of the frame as a whole raised above); validation coerced their columns in place,
    # except a column one of the failing rows could not be coerced in: that one is coerced now.
    uncoerced = any(check.startswith("coerce_dtype(") for _, found in failed.values() for _, check, _ in found)
    return (model.to_schema().coerce_dtype(good) if uncoerced and not good.empty else good), quarantine


Case = tuple[str | None, str, object]  # a failed check of a row: (column, check, the value that failed it)


def failed_checks(model: type[pa.DataFrameModel], df: pd.DataFrame) -> dict[int, list[Case]]:
    """The checks of `model` each row of `df` fails, by row position (none for a frame that passes): one call."""
    if df.empty:
        return {}
    try:
        model.validate(parse_numbers(df).reset_index(drop=True), lazy=True)
    except pa.errors.SchemaErrors as err:
        return {index: found for index, (_, found) in _failures_by_row(_row_cases(model, err), None).items()}
    return {}


def _row_cases(model: type[pa.DataFrameModel], err: pa.errors.SchemaErrors) -> pd.DataFrame:
    """The failure cases pandera pins on rows; raises `FrameLevelFailure` for any it cannot."""
    cases = err.failure_cases
    frame_cases = cases[cases["index"].isna()]
    if not frame_cases.empty:
        # A failure with no row index (a missing column, a wrong dtype for the
        # whole frame) means the extractor broke its contract: fail loudly (the flow
        # then finds the documents it comes from, see validation.batch).
        raise FrameLevelFailure(f"{model.__name__}: frame-level failure: {frame_cases.to_dict('records')}")
    return cases[cases["index"].notna()]


def _failures_by_row(cases: pd.DataFrame, earlier: frozenset[tuple[str, str]] | None
                     ) -> dict[int, tuple[bool, list[Case]]]:
    """Each failing row's failed checks, in pandera's order; with `earlier`, whether the row failed one of those
    (column, check) pairs, and then only those."""
    rows: dict[int, list[Case]] = {}
    for index, column, check, value in zip(cases["index"], cases["column"], cases["check"], cases["failure_case"],
                                           strict=True):
        rows.setdefault(int(index), []).append((None if column is None else str(column), str(check), value))
    if earlier is None:
        return {index: (False, found) for index, found in rows.items()}
    out = {}
    for index, found in rows.items():
        first = [case for case in found if (case[0], case[1]) in earlier]
        out[index] = (True, first) if first else (False, found)
    return out


@functools.cache
def _checks_of(earlier: type[pa.DataFrameModel], model: type[pa.DataFrameModel]) -> frozenset[tuple[str, str]]:
    """The (column, check) pairs pandera reports for `model` that `earlier` makes too: its columns' checks, and
    their type and null checks where `model` declares the column alike. (Checks of the frame as a whole report
    every column of a row, so they are never the earlier model's unless it declares them.)"""
    before, after = earlier.to_schema(), model.to_schema()
    pairs = {(name, _reported(check)) for check in before.checks for name in after.columns}
    for name, column in before.columns.items():
        pairs |= {(name, _reported(check)) for check in column.checks}
        same = name in after.columns and str(after.columns[name].dtype) == str(column.dtype)
        if same:
            pairs |= {(name, f"dtype('{column.dtype}')"), (name, f"coerce_dtype('{column.dtype}')")}
        if same and not column.nullable:
            pairs.add((name, "not_nullable"))
    return frozenset(pairs)


def _reported(check: pa.Check) -> str:
    """A check as pandera names it in `failure_cases`."""
    return str(check.error if check.error is not None else check.name)


def _quarantine_rows(bad_rows: pd.DataFrame, failed: dict[int, list[Case]], stages: dict[int, str]) -> pd.DataFrame:
    """One quarantine row per failing row: its failed checks, the columns they name, the value a reader looks at
    first, and the whole row as JSON (the rows turned into plain values once, not row by row)."""
    records = []
    for index, row in zip(bad_rows.index, plain_records(bad_rows), strict=True):
        found = failed[index]
        doc_id = str(row.get("doc_id", row.get("sha256", ""))) or None
        # A frame-wide check reports every column of the failing row; show the
        # value a reader would look at first.
        by_column = {str(column): value for column, _, value in found}
        shown = next((by_column[c] for c in TELLING_COLUMNS if c in by_column), found[0][2])
        records.append({
            "doc_id": doc_id,
            "path": row.get("path"),  # facts carry none; the flow fills in the document's path
            "stage": stages[index],
            "check_name": "; ".join(sorted({check for _, check, _ in found})),
            "column_name": "; ".join(sorted({column for column, _, _ in found if column is not None})),
            "failure_case": str(shown),
            "row_json": json.dumps(_jsonable(row), ensure_ascii=False, default=str),
        })
    return pd.DataFrame.from_records(records, columns=QUARANTINE_COLUMNS)


def plain_records(frame: pd.DataFrame) -> list[dict]:
    """The rows as dicts of the values a row of the frame gives (`frame.loc[i].to_dict()`), all rows at once."""
    return frame.astype(object).to_dict("records")


def _jsonable(row: dict) -> dict:
    return {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in row.items()}
