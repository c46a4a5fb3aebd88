"""Document tables at each stage boundary: ingest -> decode -> clean -> extract.

Each model inherits from the one before, so a later stage can never lose a
column an earlier one promised.
"""

from __future__ import annotations

import datetime as _dt

import pandera.pandas as pa
from pandera.typing import Series

SHA256 = r"^[0-9a-f]{64}$"
FIRST_YEAR = 1949  # the founding of the PRC; earlier figures are not in scope
LAST_YEAR = _dt.date.today().year + 1  # the latest year a report, a result or a forecast can be for
# Targets reach further: five-year plans and 2035 visions ("到2030年…", "十五五"末).
LAST_TARGET_YEAR = LAST_YEAR + 15


class RawDocument(pa.DataFrameModel):
    """A file read from disk (ingest -> decode)."""

    path: Series[str] = pa.Field(str_length={"min_value": 1})
    doc: Series[str] = pa.Field(str_length={"min_value": 1})
    sha256: Series[str] = pa.Field(str_matches=SHA256)
    size: Series[int] = pa.Field(ge=1)

    class Config:
        coerce = True
        strict = False  # later stages add columns


class DecodedDocument(RawDocument):
    """Its text, decoded (decode -> clean)."""

    encoding: Series[str]
    source_format: Series[str] = pa.Field(isin=["text", "html", "docx", "pdf"])
    n_chars: Series[int] = pa.Field(ge=1)


class CleanDocument(DecodedDocument):
    """Normalised and split (clean -> extract)."""

    n_clean_chars: Series[int] = pa.Field(ge=0)
    n_sections: Series[int] = pa.Field(ge=0)
    n_sentences: Series[int] = pa.Field(ge=0)


class DocumentRecord(CleanDocument):
    """With its metadata (extract -> load): the row of `dim_document`."""

    title: Series[str] = pa.Field(nullable=True)
    region: Series[str] = pa.Field(nullable=True)
    region_code: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{6}$")
    year: Series[pa.Int64] = pa.Field(nullable=True, ge=FIRST_YEAR, le=LAST_YEAR)
    report_type: Series[str] = pa.Field(isin=["work_report", "progress_report", "bulletin", "news", "unknown"])
    published: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{4}-\d{2}-\d{2}$")
