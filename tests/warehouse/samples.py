"""Documents and facts built from the bundled samples, with real quotes and offsets."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pandas as pd

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def sample_text(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def document(text: str, name: str, **meta: Any) -> dict[str, Any]:
    """A document dict as the flow passes it; doc_id is the sha256 of the UTF-8 bytes."""
    return {
        "doc_id": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "doc": name,
        "raw_text": text,
        "title": "政府工作报告",
        "region": "万州区",
        "region_code": "500101",
        "year": 2024,
        "report_type": "work_report",
        "encoding": "utf-8",
        "source_format": "text",
        "extractor_version": "test-1",
        **meta,
    }


def fact(text: str, quote: str, **fields: Any) -> dict[str, Any]:
    """A fact row whose quote is found in `text`, with the offsets and sentence the extractor would give."""
    start = text.index(quote)
    end = start + len(quote)
    sentence_start = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    sentence_end = text.index("。", end) + 1
    row = {
        "region": "万州区",
        "region_code": "500101",
        "year": 2023,
        "period": "FY",
        "measure": "level",
        "kind": "actual",
        "unit": "亿元",
        "qualifier": "eq",
        "quote": quote,
        "raw_start": start,
        "raw_end": end,
        "sentence": text[sentence_start:sentence_end],
        "sentence_raw_start": sentence_start,
        "sentence_raw_end": sentence_end,
        "value_high": None,
        "value_base": None,
        "base_unit": None,
        "wording": "none",
    }
    row.update(fields)
    return row


def facts_frame(doc: dict[str, Any], rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame["doc"] = doc["doc"]
    frame["doc_id"] = doc["doc_id"]
    return frame
