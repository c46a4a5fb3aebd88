"""The fact path of validation: shape, plausibility, then agreement within each document.

A document that gives one figure several different values ("2024年地区生产总值增长5.5%、
6.1%、7.2%、8.3%") says nothing reliable about it: every one of those facts is quarantined,
each with a reason that names the values it contradicts, and none is loaded. The same value
stated twice (a summary and a chapter) is no conflict: both load.
"""

from __future__ import annotations

import json

import pandas as pd

from schemas.facts import FACT_KEY, ExtractedFact, LoadableFact
from schemas.knowledge import UNIT_FACTOR
from validation.split import QUARANTINE_COLUMNS, split_valid

CONFLICT_CHECK = "conflict: one document gives this figure several different values"


def validate_facts(facts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split extracted facts into (loadable facts, quarantine rows) through every fact check.

    One pandera call checks both models (`LoadableFact` extends `ExtractedFact`): a row that breaks
    the extractor's promises is quarantined at stage extract with those checks alone, one that is
    merely implausible at stage validate, as validating with one model after the other would.
    """
    loadable, rejected = split_valid(LoadableFact, facts, stage="validate", earlier=(ExtractedFact, "extract"))
    agreed, conflicting = _agreeing(loadable)
    parts = [frame for frame in (rejected, conflicting) if not frame.empty]
    quarantine = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=QUARANTINE_COLUMNS)
    return agreed, quarantine


def _agreeing(facts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`split_conflicts` over the facts whose key is not theirs alone: a fact no other fact of its document
    shares a key with cannot contradict one, so one vectorised pass leaves the few others to it."""
    if facts.empty:
        return split_conflicts(facts)
    shared = facts.duplicated(list(FACT_KEY), keep=False)
    if not shared.any():
        return facts, pd.DataFrame(columns=QUARANTINE_COLUMNS)
    agreed, conflicting = split_conflicts(facts[shared])
    return facts[~shared | facts.index.isin(agreed.index)], conflicting


def split_conflicts(facts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Facts whose key (`schemas.facts.FACT_KEY`) has one value in their document, and quarantine rows for the rest."""
    if facts.empty:
        return facts, pd.DataFrame(columns=QUARANTINE_COLUMNS)
    same, shown = _comparable(facts), _shown(facts)
    keys = [facts[column] for column in FACT_KEY]
    clash = same.groupby(keys, dropna=False).transform("nunique") > 1
    if not clash.any():
        return facts, pd.DataFrame(columns=QUARANTINE_COLUMNS)
    records = []
    for _, group in facts[clash].groupby([facts[column][clash] for column in FACT_KEY], dropna=False):
        for index, row in group.iterrows():
            others = sorted({shown[i] for i in group.index if same[i] != same[index]})
            records.append({
                "doc_id": row["doc_id"],
                "path": None,  # the flow fills in the document's path
                "stage": "validate",
                "check_name": CONFLICT_CHECK,
                "column_name": "value",
                "failure_case": f"{shown[index]}, where the same document also gives {', '.join(others)}",
                "row_json": json.dumps(_jsonable(row.to_dict()), ensure_ascii=False, default=str),
            })
    return facts[~clash], pd.DataFrame.from_records(records, columns=QUARANTINE_COLUMNS)


def _comparable(facts: pd.DataFrame) -> pd.Series:
    """Each figure in base units to ten significant digits, so 1.2万亿元 and 12000亿元 agree."""
    factor = facts["unit"].map(UNIT_FACTOR).fillna(1.0)
    same = [
        f"{low * scale:.10g}|{'' if pd.isna(high) else f'{high * scale:.10g}'}|"
        f"{base if isinstance(base, str) else unit}"
        for low, high, scale, base, unit in zip(
            facts["value"], facts["value_high"], factor, facts["base_unit"], facts["unit"], strict=True
        )
    ]
    return pd.Series(same, index=facts.index)


def _shown(facts: pd.DataFrame) -> pd.Series:
    """Each figure as written: value (or range) and unit."""
    shown = [
        f"{low:g}{'' if pd.isna(high) else f'–{high:g}'} {unit}"
        for low, high, unit in zip(facts["value"], facts["value_high"], facts["unit"], strict=True)
    ]
    return pd.Series(shown, index=facts.index)


def _jsonable(row: dict) -> dict:
    return {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in row.items()}
