"""Records -> the tabular shapes that `schemas/` validates and `warehouse/` loads."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pandas as pd

from transforms.records import Fact, SourceFile

if TYPE_CHECKING:  # the processed-document record is the flow's; only its fields are read here
    from flows.batch import Processed

FACT_COLUMNS = ["doc_id"] + [f.name for f in dataclasses.fields(Fact) if f.name != "notes"]


def source_row(src: SourceFile) -> dict:
    """The `RawDocument` row of a file as read."""
    return {"path": src.path, "doc": src.name, "sha256": src.sha256, "size": src.size}


def document_row(p: Processed) -> dict:
    """The `DocumentRecord` row of a processed document (also the `dim_document` payload)."""
    return {
        **source_row(p.source),
        "encoding": p.decoded.encoding,
        "source_format": p.decoded.source_format,
        "n_chars": len(p.decoded.text),
        "n_clean_chars": len(p.clean.text),
        "n_sections": len(p.clean.sections),
        "n_sentences": len(p.clean.sentences),
        "title": p.meta.title,
        "region": p.meta.region,
        "region_code": p.meta.region_code,
        "year": p.meta.year,
        "report_type": p.meta.report_type,
        "published": p.meta.published.isoformat() if p.meta.published else None,
        "raw_text": p.decoded.text,  # kept so every quote can be checked against its offsets in SQL
    }


def fact_frame(p: Processed) -> pd.DataFrame:
    """The facts of one document with the columns `ExtractedFact` declares, plus the text length."""
    rows = []
    for fact in p.facts:
        row = dataclasses.asdict(fact)
        row.pop("notes", None)
        row["doc_id"] = p.source.sha256
        rows.append(row)
    df = pd.DataFrame.from_records(rows, columns=FACT_COLUMNS)
    df["doc_n_chars"] = len(p.decoded.text)
    return df
