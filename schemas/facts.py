"""Fact tables at the extract -> validate -> load boundaries.

`ExtractedFact` is what the extractor promises about shape; `LoadableFact` adds
the plausibility rules a fact must pass to enter the warehouse. Rows that fail
either are quarantined with the failed check, never dropped silently.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.documents import FIRST_YEAR, LAST_TARGET_YEAR, LAST_YEAR, SHA256
from schemas.knowledge import AMOUNT_UNITS, INDICATOR_CODES, UNITS

PERIOD = r"^(FY|H1|H2|Q[1-4](-Q[1-4])?|M\d{1,2}(-M\d{1,2})?)$"


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

    @pa.dataframe_check(error="growth outside ±100 % (unit % )")
    def growth_plausible(cls, df: pd.DataFrame) -> pd.Series:
        return ~((df["measure"] == "growth") & (df["unit"] == "%") & (df["value"].abs() > 100))

    @pa.dataframe_check(error="a share must lie in 0..100 %")
    def share_in_range(cls, df: pd.DataFrame) -> pd.Series:
        return ~((df["measure"] == "share") & ((df["value"] < 0) | (df["value"] > 100)))

    @pa.dataframe_check(error="a level of an amount must be positive")
    def amount_positive(cls, df: pd.DataFrame) -> pd.Series:
        return ~((df["measure"] == "level") & df["unit"].isin(AMOUNT_UNITS) & (df["value"] <= 0))

    @pa.dataframe_check(error="a range's high end is below its low end")
    def range_ordered(cls, df: pd.DataFrame) -> pd.Series:
        return df["value_high"].isna() | (df["value_high"] >= df["value"])
