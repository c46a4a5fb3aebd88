"""The research views: targets down the hierarchy, first estimates revised, reports without a GDP growth target.

Crafted reports show what each view holds and leaves out; a few real reports of ../shared/corpus-large
(when it is beside the project) show that each holds rows on the corpus researchers use.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.helpers import SHARED, load_document, processed, run_data_tests, shared_texts, sync_regions
from tests.warehouse.samples import document, fact, facts_frame
from validation.batch import check_batch
from warehouse import Warehouse, open_warehouse

REGIONS = pd.DataFrame({
    "name": ["河北省", "保定市", "满城区"], "adcode": ["130000", "130600", "130607"],
    "level": ["province", "city", "county"], "parent_adcode": [None, "130000", "130600"],
    "parent_name": [None, "河北省", "保定市"],
})
CODES = {"全国": None, "河北省": "130000", "保定市": "130600", "满城区": "130607"}
# Each region's 2024 report: its GDP growth target, and 满城区 none but a retail target; 河北省's also
# gives the 2023 result as a 预计 estimate, which its 2025 report revises.
REPORTS: dict[tuple[str, int], str] = {
    ("全国", 2024): "国内生产总值增长5%左右。",
    ("河北省", 2024): "预计全年生产总值增长5.5%。今年生产总值增长6%左右。生产总值达到5万亿元。",
    ("保定市", 2024): "今年全市生产总值增长6.5%。",
    ("满城区", 2024): "今年社会消费品零售总额增长7%。全区生产总值增长6.9%。",
    ("河北省", 2025): "2023年全省生产总值增长5.6%。",
    ("河北省", 2022): "2023年全省生产总值增长7%。",
}


def row(text: str, quote: str, region: str, value: float, unit: str = "%", **fields: Any) -> dict[str, Any]:
    out = dict(region=region, region_code=CODES[region], year=2024, indicator="gdp", measure="growth",
               kind="target", value=value, unit=unit, value_base=value, base_unit=unit)
    out.update(fields)
    return fact(text, quote, **out)


@pytest.fixture
def research(wh: Warehouse) -> Warehouse:
    sync_regions(wh, REGIONS)
    rows = {
        ("全国", 2024): [row(REPORTS["全国", 2024], "国内生产总值增长5%左右", "全国", 5.0, qualifier="approx")],
        ("河北省", 2024): [
            row(REPORTS["河北省", 2024], "生产总值增长5.5%", "河北省", 5.5, year=2023, kind="forecast"),
            row(REPORTS["河北省", 2024], "生产总值增长6%左右", "河北省", 6.0, qualifier="approx"),
            row(REPORTS["河北省", 2024], "生产总值达到5万亿元", "河北省", 5.0, "万亿元", measure="level"),
        ],
        ("保定市", 2024): [row(REPORTS["保定市", 2024], "全市生产总值增长6.5%", "保定市", 6.5)],
        ("满城区", 2024): [
            row(REPORTS["满城区", 2024], "社会消费品零售总额增长7%", "满城区", 7.0, indicator="retail_sales"),
            row(REPORTS["满城区", 2024], "全区生产总值增长6.9%", "满城区", 6.9, kind="actual"),
        ],
        ("河北省", 2025): [
            row(REPORTS["河北省", 2025], "全省生产总值增长5.6%", "河北省", 5.6, year=2023, kind="actual")],
        # A 2023 figure a report of 2022 gives: a projection, never a first estimate of the result.
        ("河北省", 2022): [row(REPORTS["河北省", 2022], "全省生产总值增长7%", "河北省", 7.0, year=2023, kind="actual")],
    }
    for (region, year), facts in rows.items():
        text = REPORTS[region, year]
        name = hashlib.sha256(text.encode()).hexdigest()[:8] + ".txt"
        doc = document(text, name, region=region, region_code=CODES[region], year=year)
        load_document(wh, "run-1", doc, [f"/corpus/{name}"], facts_frame(doc, facts), None)
    return wh


def records(wh: Warehouse, sql: str) -> list[dict[str, Any]]:
    columns, rows = wh.query(sql)
    return [dict(zip(columns, r, strict=True)) for r in rows]


def test_each_target_is_set_beside_its_parents(research: Warehouse) -> None:
    cascade = records(research, "select parent_region, child_region, parent_value, child_value, excess, is_raised, "
                                "child_level from v_target_cascade order by parent_value")
    pairs = [(r["parent_region"], r["child_region"], r["excess"], r["is_raised"], r["child_level"]) for r in cascade]
    assert pairs == [
        ("全国", "河北省", 1.0, True, "province"),  # a province's parent is the country
        ("河北省", "保定市", 0.5, True, "prefecture"),
    ]  # 满城区 sets no GDP growth target; 河北省's 5 万亿元 is a level, no rate
    assert set(run_data_tests(research).values()) == {0}


def test_a_first_estimate_is_set_beside_the_later_final_figure(research: Warehouse) -> None:
    revisions = records(research, "select * from v_revisions")
    assert len(revisions) == 1  # the 2022 report's 7 % for 2023 was said before the year began
    revision = revisions[0]
    assert (revision["first_is_forecast"], revision["first_value"], revision["final_value"]) == (True, 5.5, 5.6)
    assert (revision["first_report_year"], revision["final_report_year"]) == (2024, 2025)
    assert revision["revision"] == pytest.approx(0.1) and revision["relative_revision"] == round(0.1 / 5.5, 6)


def test_a_report_that_sets_targets_but_no_gdp_growth_target_is_listed(research: Warehouse) -> None:
    absent = records(research, "select * from v_targets_absent")
    assert [(r["region"], r["year"], r["n_targets"], r["target_indicators"]) for r in absent] == [
        ("满城区", 2024, 1, ["社会消费品零售总额"])]
    assert absent[0]["gdp_growth_result"] == 6.9 and absent[0]["gdp_growth_target_elsewhere"] is None


CORPUS_LARGE = ("corpus-large/a_hebei_2021.txt", "corpus-large/a_hebei_2026.txt", "corpus-large/a_baoding_2021.txt")


@pytest.mark.skipif(not all((SHARED / name).is_file() for name in CORPUS_LARGE),
                    reason="../shared/corpus-large is not beside the project")
def test_the_research_views_hold_rows_on_real_reports(tmp_path: Path, wh_lexicon: pd.DataFrame) -> None:
    # 河北省 and 保定市 set 2021 targets for the same indicators; 河北省's 2021 report gives its 2020 GDP,
    # which the 2026 report revises, and sets no GDP growth target (as the warehouse reads it).
    from flows import dimensions

    checked = check_batch(processed(shared_texts(tmp_path / "inbox", CORPUS_LARGE)))
    with open_warehouse(tmp_path / "gwr.duckdb") as wh:
        wh.sync_dimensions(*dimensions.dimension_frames(), dimensions.knowledge_fingerprint())
        wh.load_documents("run-1", checked.units)
        counts = {view: wh.query(f"select count(*) from {view}")[1][0][0]
                  for view in ("v_target_cascade", "v_revisions", "v_targets_absent")}
        assert all(counts.values()), counts
        assert set(run_data_tests(wh).values()) == {0}
