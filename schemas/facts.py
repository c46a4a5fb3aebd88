"""Fact tables at the extract -> validate -> load boundaries.

`ExtractedFact` is what the extractor promises about shape; `LoadableFact` adds
the plausibility rules a fact must pass to enter the warehouse: finite numbers, a
rate within 0..100 %, a growth within its indicator's range, a level within its
unit's span (ranges from the lexicon, see `schemas.knowledge`). Rows that fail
either are quarantined with the failed check, never dropped silently.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.documents import FIRST_YEAR, LAST_TARGET_YEAR, LAST_YEAR, SHA256
from schemas.knowledge import (
    AMOUNT_UNITS,
    DEFAULT_GROWTH_MAX,
    DEFAULT_GROWTH_MIN,
    GROWTH_MAX,
    GROWTH_MIN,
    INDICATOR_CODES,
    LEVEL_MAX_BASE,
    RATE_UNITS,
    UNIT_FACTOR,
    UNITS,
)

PERIOD = r"^(FY|H1|H2|Q[1-4](-Q[1-4])?|M\d{1,2}(-M\d{1,2})?)$"
# One figure's identity within a document: two facts of one document with this key and
# different values contradict each other (validation quarantines both).
FACT_KEY: tuple[str, ...] = ("doc_id", "region", "year", "period", "indicator", "measure", "kind")


class ExtractedFact(pa.DataFrameModel):
    """One figure as the extractor emits it (extract -> validate)."""

    doc_id: Series[str] = pa.Field(str_matches=SHA256)
    doc: Series[str] = pa.Field(str_length={"min_value": 1})
    region: Series[str] = pa.Field(str_length={"min_value": 1})
    region_code: Series[str] = pa.Field(nullable=True)
    year: Series[int]
    period: Series[str]
    indicator: Series[str]
    measure: Series[str] = pa.Field(isin=["level", "growth", "share", "pp_change"])
    kind: Series[str] = pa.Field(isin=["actual", "target", "forecast"])
    value: Series[float]
    value_high: Series[float] = pa.Field(nullable=True)
    unit: Series[str]
    value_base: Series[float] = pa.Field(nullable=True)
    base_unit: Series[str] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(isin=["eq", "ge", "le", "approx"])
    wording: Series[str] = pa.Field(isin=["hard", "soft", "none"])
    quote: Series[str] = pa.Field(str_length={"min_value": 1})
    raw_start: Series[int] = pa.Field(ge=0)
    raw_end: Series[int] = pa.Field(ge=1)
    sentence: Series[str]
    sentence_raw_start: Series[int] = pa.Field(ge=0)
    sentence_raw_end: Series[int] = pa.Field(ge=0)

    class Config:
        coerce = True
        strict = False


class LoadableFact(ExtractedFact):
    """A fact plausible enough to load (validate -> load). `doc_n_chars` is the raw text's length."""

    year: Series[int] = pa.Field(ge=FIRST_YEAR, le=LAST_TARGET_YEAR)
    period: Series[str] = pa.Field(str_matches=PERIOD)
    indicator: Series[str] = pa.Field(isin=INDICATOR_CODES)
    unit: Series[str] = pa.Field(isin=UNITS)
    value_base: Series[float] = pa.Field(nullable=False)
    doc_n_chars: Series[int] = pa.Field(ge=1)

    @pa.dataframe_check(error=f"only a target can be for a year after {LAST_YEAR}")
    def future_only_for_targets(cls, df: pd.DataFrame) -> pd.Series:
        return (df["year"] <= LAST_YEAR) | (df["kind"] == "target")

    @pa.dataframe_check(error="quote offsets lie outside the document's text")
    def offsets_inside_text(cls, df: pd.DataFrame) -> pd.Series:
        return (df["raw_start"] < df["raw_end"]) & (df["raw_end"] <= df["doc_n_chars"])

    @pa.dataframe_check(error="a value, range end or base value is not a finite number")
    def finite(cls, df: pd.DataFrame) -> pd.Series:
        return _finite(df["value"]) & _finite(df["value_base"], or_missing=False) & _finite(df["value_high"])

    @pa.dataframe_check(error="a rate (a level or share in %) must lie in 0..100 %")
    def rate_in_range(cls, df: pd.DataFrame) -> pd.Series:
        rate = df["measure"].isin(["level", "share"]) & df["unit"].isin(RATE_UNITS)
        return ~rate | (_low(df) >= 0) & (_high(df) <= 100)

    @pa.dataframe_check(
        error=f"a growth rate outside its indicator's plausible range (indicators.csv growth_min..growth_max; "
        f"{DEFAULT_GROWTH_MIN:g}..{DEFAULT_GROWTH_MAX:g} % unless the indicator says otherwise)"
    )
    def growth_in_indicator_range(cls, df: pd.DataFrame) -> pd.Series:
        growth = (df["measure"] == "growth") & df["unit"].isin(RATE_UNITS)
        low = df["indicator"].map(GROWTH_MIN).fillna(DEFAULT_GROWTH_MIN)
        high = df["indicator"].map(GROWTH_MAX).fillna(DEFAULT_GROWTH_MAX)
        return ~growth | (_low(df) >= low) & (_high(df) <= high)

    @pa.dataframe_check(error="a figure beyond its unit's plausible span (units.csv level_max, in base units)")
    def within_unit_span(cls, df: pd.DataFrame) -> pd.Series:
        rate_growth = (df["measure"] == "growth") & df["unit"].isin(RATE_UNITS)
        factor = df["unit"].map(UNIT_FACTOR)
        ceiling = df["unit"].map(LEVEL_MAX_BASE)
        biggest = np.maximum(_low(df).abs(), _high(df).abs()) * factor
        return rate_growth | (biggest <= ceiling)

    @pa.dataframe_check(error="a level of an amount must be positive")
    def amount_positive(cls, df: pd.DataFrame) -> pd.Series:
        return ~((df["measure"] == "level") & df["unit"].isin(AMOUNT_UNITS) & (df["value"] <= 0))

    @pa.dataframe_check(error="a range's high end is below its low end")
    def range_ordered(cls, df: pd.DataFrame) -> pd.Series:
        return df["value_high"].isna() | (df["value_high"] >= df["value"])


def _finite(series: pd.Series, *, or_missing: bool = True) -> pd.Series:
    """True where the value is a finite number (and, if `or_missing`, where it is absent)."""
    numbers = pd.to_numeric(series, errors="coerce").astype("float64")
    finite = pd.Series(np.isfinite(numbers), index=series.index)
    return finite | series.isna() if or_missing else finite


def _low(df: pd.DataFrame) -> pd.Series:
    return df["value"].astype("float64")


def _high(df: pd.DataFrame) -> pd.Series:
    """A range's high end, or the value itself when the figure is not a range."""
    return df["value_high"].astype("float64").fillna(df["value"].astype("float64"))
