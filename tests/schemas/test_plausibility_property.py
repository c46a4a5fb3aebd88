"""Whatever the extractor emits, nothing impossible passes validation into the warehouse.

A hypothesis property over `validate_facts`, the step between extraction and loading: for any
frame of facts (any indicator, unit, measure, and any float, infinities and 5,000-digit
magnitudes included), every fact it lets through is finite, every rate lies in 0..100 %, every
growth rate in its indicator's range, and every figure within its unit's span.
"""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.knowledge import GROWTH_MAX, GROWTH_MIN, INDICATOR_CODES, LEVEL_MAX_BASE, RATE_UNITS, UNIT_FACTOR, UNITS
from validation.facts import validate_facts

SENTENCE = "2024年全市地区生产总值增长5.5%。"
NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-200, max_value=1200),
    st.sampled_from([0.0, 100.0, 100.0001, 150.0, 300.0, 300.1, 1e23, 9.99e307, -1e-300]),
)


@st.composite
def facts(draw: st.DrawFn) -> dict:
    unit = draw(st.sampled_from(UNITS))
    value = draw(NUMBERS)
    high = draw(st.one_of(st.none(), NUMBERS))
    start = draw(st.integers(0, 10))
    return {
        "doc_id": draw(st.sampled_from(["a" * 64, "b" * 64])), "doc": "x.txt", "region": "万州区",
        "region_code": "500101", "year": draw(st.integers(2015, 2026)), "period": "FY",
        "indicator": draw(st.sampled_from([*INDICATOR_CODES, "urban_unemployment_rate", "cpi"])),
        "measure": draw(st.sampled_from(["level", "growth", "share", "pp_change"])),
        "kind": draw(st.sampled_from(["actual", "target"])), "value": value, "value_high": high, "unit": unit,
        "value_base": draw(st.one_of(st.just(value * UNIT_FACTOR[unit]), NUMBERS)), "base_unit": unit,
        "qualifier": "eq", "wording": "none", "quote": "增长5.5%", "raw_start": start, "raw_end": start + 5,
        "sentence": SENTENCE, "sentence_raw_start": 0, "sentence_raw_end": len(SENTENCE), "doc_n_chars": 100,
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(facts(), min_size=1, max_size=25))
def test_nothing_impossible_passes_validation(rows: list[dict]) -> None:
    loadable, quarantine = validate_facts(pd.DataFrame(rows))
    assert len(loadable) + len(quarantine) == len(rows)  # each row loads or is quarantined, once
    for fact in loadable.to_dict("records"):
        high = fact["value"] if pd.isna(fact["value_high"]) else fact["value_high"]
        assert math.isfinite(fact["value"]) and math.isfinite(fact["value_base"]) and math.isfinite(high)
        rate_growth = fact["measure"] == "growth" and fact["unit"] in RATE_UNITS
        if fact["unit"] in RATE_UNITS and fact["measure"] in ("level", "share"):
            assert 0 <= fact["value"] <= high <= 100
        if rate_growth:
            assert GROWTH_MIN[fact["indicator"]] <= fact["value"] <= high <= GROWTH_MAX[fact["indicator"]]
        else:
            assert max(abs(fact["value"]), abs(high)) * UNIT_FACTOR[fact["unit"]] <= LEVEL_MAX_BASE[fact["unit"]]
