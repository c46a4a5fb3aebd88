"""The fact path of validation: shape, plausibility, then agreement within each document.

A document that gives one figure several different values ("2024年地区生产总值增长5.5%、
6.1%、7.2%、8.3%") says nothing reliable about it: every one of those facts is quarantined,
each with a reason that names the values it contradicts, and none is loaded. The same value
stated twice (a summary and a chapter) is no conflict: both load.
"""

from __future__ import annotations

import json
from itertools import islice

import numpy as np
import pandas as pd

from schemas.facts import FACT_KEY, ExtractedFact, LoadableFact
from schemas.knowledge import UNIT_FACTOR
from validation.split import QUARANTINE_COLUMNS, plain_records, split_valid

CONFLICT_CHECK = "conflict: one document gives this figure several different values"
OTHERS_SHOWN = 10  # other values a conflicting fact's failure text names; the rest are counted


def validate_facts(facts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split extracted facts into (loadable facts, quarantine rows) through every fact check.

    One pandera call checks both models (`LoadableFact` extends `ExtractedFact`): a row that breaks
    the extractor's promises is quarantined at stage extract with those checks alone, one that is
    merely implausible at stage validate, as validating with one model after the other would.
    """
    loadable, rejected = split_valid(LoadableFact, facts, stage="validate", earlier=(ExtractedFact, "extract"))
    agreed, conflicting = split_conflicts(loadable)
    parts = [frame for frame in (rejected, conflicting) if not frame.empty]
    quarantine = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=QUARANTINE_COLUMNS)
    return agreed, quarantine


def split_conflicts(facts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Facts whose key (`schemas.facts.FACT_KEY`) has one value in their document, and quarantine rows for the rest.

    Linear in the facts, and in columns: the keys given several values are found for the whole
    frame at once, each figure's other values are listed once per key, and a row's failure text
    names at most `OTHERS_SHOWN` of them and counts the rest (a text repeating one figure with
    4,000 values took 213 s and 1.4 GB when every row listed every other value). Rows come in the
    order of their keys, and within a key in the frame's order.
    """
    if facts.empty:
        return facts, pd.DataFrame(columns=QUARANTINE_COLUMNS)
    # Only a key that more than one fact has can be given two values (a batch of 200 documents: 142 of
    # 3,772 facts), so only those facts' figures are put in comparable form and compared.
    shared = facts[facts.duplicated(list(FACT_KEY), keep=False)]
    same = _comparable(shared)
    clash = same.groupby([shared[column] for column in FACT_KEY], dropna=False).transform("nunique") > 1
    if not clash.any():
        return facts, pd.DataFrame(columns=QUARANTINE_COLUMNS)
    clashing = shared[clash]
    shown = _shown(clashing)
    figure = clashing.groupby(list(FACT_KEY), dropna=False, sort=True).ngroup()
    rows = clashing.index[np.argsort(figure.to_numpy(), kind="stable")]
    groups, figures, texts = figure[rows].tolist(), same[rows].tolist(), shown[rows].tolist()
    pairs: dict[int, list[tuple[str, str]]] = {}
    for group, value, text in zip(groups, figures, texts, strict=True):
        pairs.setdefault(group, []).append((value, text))
    values = {group: _Values(written) for group, written in pairs.items()}
    records = [
        {
            "doc_id": row["doc_id"],
            "path": None,  # the flow fills in the document's path
            "stage": "validate",
            "check_name": CONFLICT_CHECK,
            "column_name": "value",
            "failure_case": f"{text}, where the same document also gives {values[group].besides(value)}",
            "row_json": json.dumps(_jsonable(row), ensure_ascii=False, default=str),
        }
        for group, value, text, row in zip(groups, figures, texts, plain_records(clashing.loc[rows]), strict=True)
    ]
    return facts[~facts.index.isin(clashing.index)], pd.DataFrame.from_records(records, columns=QUARANTINE_COLUMNS)


class _Values:
    """The values one figure is given in one document, as written, for each of its facts' failure texts."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        written: dict[str, set[str]] = {}  # a value as written -> the figures (compared in base units) so written
        for figure, text in pairs:
            written.setdefault(text, set()).add(figure)
        self.written = sorted(written)
        # What only one figure is written as: not among that figure's own "other values".
        self.own: dict[str, set[str]] = {}
        for text, figures in written.items():
            if len(figures) == 1:
                self.own.setdefault(next(iter(figures)), set()).add(text)

    def besides(self, figure: str) -> str:
        """The values written for other figures than `figure`: the first `OTHERS_SHOWN`, then how many more."""
        own = self.own.get(figure, set())
        named = list(islice((text for text in self.written if text not in own), OTHERS_SHOWN))
        more = len(self.written) - len(own) - len(named)
        return ", ".join(named) + (f" and {more:,} more" if more else "")


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
